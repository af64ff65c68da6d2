import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildInvoice, describeInvoice, invoiceNumber, invoicePdf } from '../../domain/commerce/invoice';
import { maskEmail, subscriptionChoice } from '../../domain/commerce/newsletter';
import { writePdf, pdfString } from '../../domain/commerce/pdf';
import { wantsOrderPlacedForThem } from '../../domain/commerce/place-order';
import { readReview, reviewTextProblem } from '../../domain/commerce/review';
import { firstReplyFor } from '../../domain/first-replies';
import type { Customer, Order } from '../../domain/store/entities';
import { readPdf } from '../support/pdf';

describe('newsletter: what the customer wants', () => {
  const cases: [string, 'subscribe' | 'unsubscribe' | undefined][] = [
    ['I want to subscribe to your newsletter', 'subscribe'],
    ['sign me up for the newsletter', 'subscribe'],
    ['how do I sign up for the newsletter', 'subscribe'],
    ['I would like to get your offers by email', 'subscribe'],
    ['opt in', 'subscribe'],
    ['unsubscribe me from the newsletter', 'unsubscribe'],
    ['stop sending me marketing emails', 'unsubscribe'],
    ["I don't want the newsletter anymore", 'unsubscribe'],
    ['please remove me from your mailing list', 'unsubscribe'],
    ['opt-out', 'unsubscribe'],
    ['cancel my newsletter subscription', 'unsubscribe'],
    ['Unsubscribe', 'unsubscribe'],
    ['the newsletter', undefined],
    ['something about your newsletter', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the customer writes ${JSON.stringify(text)}, then the choice is ${expected ?? 'unclear'}`, () => {
      assert.equal(subscriptionChoice(text), expected);
    });
  }

  it('when an e-mail address is shown back, then only its first letter and domain show', () => {
    assert.equal(maskEmail('maya.okafor5444@example.com'), 'm•••@example.com');
    assert.equal(maskEmail('not-an-address'), '•••');
  });
});

describe('review: the rating and the words', () => {
  const cases: [string, { rating?: number; text?: string }][] = [
    ['5', { rating: 5 }],
    ['4 stars', { rating: 4 }],
    ['3/5', { rating: 3 }],
    ['five', { rating: 5 }],
    ["I'd give it a 4", { rating: 4 }],
    ['4 stars, comfortable but runs small', { rating: 4, text: 'comfortable but runs small' }],
    ['2 - the zip broke', { rating: 2, text: 'the zip broke' }],
    ['great bottle, 5 stars', { rating: 5, text: 'great bottle, 5 stars' }],
    ['fits my 2 kids', { text: 'fits my 2 kids' }],
    ['5.99 was too much', { text: '5.99 was too much' }],
    ['6', { text: '6' }],
    ['', {}],
  ];
  for (const [text, expected] of cases) {
    it(`when the customer writes ${JSON.stringify(text)}, then the review reads ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readReview(text), expected);
    });
  }

  const problems: [string, RegExp | undefined][] = [
    ['Lovely, fits well.', undefined],
    ['x', /a few words/],
    ['  ', /a few words/],
    ['y'.repeat(2001), /under 2000/],
  ];
  for (const [text, expected] of problems) {
    it(`when the review text is ${JSON.stringify(text.slice(0, 20))} (${text.length} chars), then it is ${expected ? 'refused' : 'kept'}`, () => {
      const problem = reviewTextProblem(text);
      if (expected) assert.match(problem ?? '', expected);
      else assert.equal(problem, undefined);
    });
  }
});

describe('placing an order: how-to or a person', () => {
  const cases: [string, boolean][] = [
    ['can you order it for me', true],
    ['could you place the order for me please', true],
    ['can someone place an order for me', true],
    ['I need help placing an order', true],
    ['please help me place my order', true],
    ["I can't complete my order, checkout fails", true],
    ['can I order by phone', true],
    ['how do I place an order', false],
    ['I want to buy something', false],
    ['how do I order from your store', false],
    ["I'd like to make a purchase", false],
  ];
  for (const [text, person] of cases) {
    it(`when the customer writes ${JSON.stringify(text)}, then ${person ? 'a person helps' : 'the help centre answers'}`, () => {
      assert.equal(wantsOrderPlacedForThem(text), person);
    });
  }

  it('when the how-to is given, then it cites the help-centre article of our own', () => {
    const reply = firstReplyFor('place_order', 0);
    assert.match(reply.text, /add it to your basket/);
    assert.match(reply.text, /\/help\/placing-an-order/);
    assert.equal(reply.awaiting, undefined);
  });
});

const customer: Customer = {
  id: 'ana_lopez_1',
  firstName: 'Ana',
  lastName: 'López',
  email: 'ana@example.com',
  address: { address1: '1 Main St', address2: 'Apt (2)', city: 'Austin', state: 'TX', zip: '78704', country: 'USA' },
  paymentMethods: [
    { source: 'credit_card', id: 'credit_card_1', brand: 'visa', lastFour: '4242' },
    { source: 'gift_card', id: 'gift_card_1', balanceCents: 1000 },
  ],
  orderIds: ['#W1234567'],
};

const order = (over: Partial<Order> = {}): Order => ({
  id: '#W1234567',
  customerId: customer.id,
  address: customer.address,
  items: [
    { itemId: '1', productId: 'p1', name: 'Water Bottle', priceCents: 2050, options: [['capacity', '1000ml'], ['color', 'blue']] },
    { itemId: '2', productId: 'p2', name: 'Office Chair', priceCents: 18999, options: [] },
  ],
  status: 'delivered',
  fulfillments: [],
  payments: [{ kind: 'payment', amountCents: 21049, paymentMethodId: 'credit_card_1' }],
  cancelReason: null,
  exchange: null,
  return: null,
  ...over,
});

describe('invoice: generated from the order', () => {
  const table: { what: string; order: Order; expect: { total: number; paid: number; refunded: number; net: number } | undefined }[] = [
    { what: 'a paid order', order: order(), expect: { total: 21049, paid: 21049, refunded: 0, net: 21049 } },
    {
      what: 'a cancelled order refunded in full',
      order: order({ status: 'cancelled', payments: [{ kind: 'payment', amountCents: 21049, paymentMethodId: 'credit_card_1' }, { kind: 'refund', amountCents: 21049, paymentMethodId: 'credit_card_1' }] }),
      expect: { total: 21049, paid: 21049, refunded: 21049, net: 0 },
    },
    {
      what: 'an order paid by card and gift card, one item refunded',
      order: order({
        payments: [
          { kind: 'payment', amountCents: 20049, paymentMethodId: 'credit_card_1' },
          { kind: 'payment', amountCents: 1000, paymentMethodId: 'gift_card_1' },
          { kind: 'refund', amountCents: 2050, paymentMethodId: 'credit_card_1' },
        ],
      }),
      expect: { total: 21049, paid: 21049, refunded: 2050, net: 18999 },
    },
    { what: 'an order never paid', order: order({ payments: [] }), expect: undefined },
  ];
  for (const row of table) {
    it(`when the order is ${row.what}, then the invoice's totals are ${JSON.stringify(row.expect)}`, () => {
      const invoice = buildInvoice(row.order, customer, '2026-12-01T15:00:00.000Z');
      if (!row.expect) return assert.equal(invoice, undefined);
      assert.ok(invoice);
      assert.deepEqual({ total: invoice.totalCents, paid: invoice.paidCents, refunded: invoice.refundedCents, net: invoice.netCents }, row.expect);
      assert.equal(invoice.number, 'INV-W1234567');
      assert.deepEqual(invoice.billTo, { name: 'Ana López', email: 'ana@example.com', address: ['1 Main St', 'Apt (2)', 'Austin, TX 78704', 'USA'] });
    });
  }

  it('when the invoice is told in the chat, then its number, total and lines are in a sentence', () => {
    const invoice = buildInvoice(order({ payments: [{ kind: 'payment', amountCents: 21049, paymentMethodId: 'credit_card_1' }, { kind: 'refund', amountCents: 2050, paymentMethodId: 'credit_card_1' }] }), customer, '2026-12-01T15:00:00.000Z');
    assert.ok(invoice);
    assert.equal(
      describeInvoice(invoice),
      'Invoice INV-W1234567 for order #W1234567: 2 items, total $210.49 (Water Bottle (capacity: 1000ml, color: blue) $20.50; Office Chair $189.99). Paid $210.49; $20.50 refunded, so $189.99 paid in the end.',
    );
  });

  it('when the number is derived, then the same order always has the same one', () => {
    assert.equal(invoiceNumber('#W7654321'), 'INV-W7654321');
    assert.equal(invoiceNumber('W7654321'), 'INV-W7654321');
  });

  it('when the invoice is a PDF, then a reader finds the header, a consistent xref, and the order, lines, payments and totals in its text', () => {
    const invoice = buildInvoice(order({ payments: [{ kind: 'payment', amountCents: 21049, paymentMethodId: 'credit_card_1' }, { kind: 'refund', amountCents: 2050, paymentMethodId: 'gift_card_1' }] }), customer, '2026-12-01T15:00:00.000Z');
    assert.ok(invoice);
    const pdf = readPdf(invoicePdf(invoice));
    assert.equal(pdf.version, '1.4');
    const text = pdf.text.join('\n');
    assert.match(text, /Invoice INV-W1234567/);
    assert.match(text, /Order #W1234567 \(delivered\)/);
    assert.match(text, /Ana Lopez/, 'accents become plain ASCII');
    assert.match(text, /Apt \(2\)/, 'parentheses survive escaping');
    assert.match(text, /Water Bottle \(capacity: 1000ml, color: blue\) +\$20\.50/);
    assert.match(text, /Total +\$210\.49/);
    assert.match(text, /Paid by visa card ending in 4242 +\$210\.49/);
    assert.match(text, /Refunded by gift card +-\$20\.50/);
    assert.match(text, /Paid in total +\$189\.99/);
  });

  it('when the same invoice is written twice, then the bytes are the same', () => {
    const invoice = buildInvoice(order(), customer, '2026-12-01T15:00:00.000Z');
    assert.ok(invoice);
    assert.deepEqual(invoicePdf(invoice), invoicePdf(invoice));
  });
});

describe('pdf writer', () => {
  it('when there are more lines than a page holds, then they go on as many pages as needed, each in the xref', () => {
    const lines = Array.from({ length: 130 }, (_, i) => ({ text: `line ${i + 1}` }));
    const pdf = readPdf(writePdf(lines, { title: 'long' }));
    assert.deepEqual(pdf.text, lines.map((l) => l.text));
    const pages = (Buffer.from(writePdf(lines, { title: 'long' })).toString('latin1').match(/\/Type \/Page /g) ?? []).length;
    assert.ok(pages >= 3, `${pages} pages`);
  });

  const strings: [string, string][] = [
    ['plain', '(plain)'],
    ['a (b) c', '(a \\(b\\) c)'],
    ['back\\slash', '(back\\\\slash)'],
    ['Müller – 5 €', '(Muller - 5 EUR)'],
    ['注文', '(??)'],
  ];
  for (const [text, expected] of strings) {
    it(`when ${JSON.stringify(text)} is written, then the PDF string is ${expected}`, () => {
      assert.equal(pdfString(text), expected);
    });
  }
});
