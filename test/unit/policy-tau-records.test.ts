import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { TauOrder, TauProduct, TauUser } from '../../db/tau-format/records';
import { describeProposal } from '../../domain/policy/describe';
import { evaluate } from '../../domain/policy/evaluate';
import { formatCents, toCents } from '../../domain/policy/money';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy/settings';
import type { ActionRequest, PolicyContext } from '../../domain/policy/types';
import { contextFor, DELIVERED, HOME, MEI, NEW_ADDRESS, PENDING, proposalFor, SHIRT_BLUE_M, SHIRT_GREEN_L, SHOES_10, SHOES_9 } from '../support/policy-fixtures';

// The same customer, order and product as the fixtures, built as the store layer builds them (Maps).
const user: TauUser = {
  user_id: MEI,
  name: { first_name: 'Mei', last_name: 'Kim' },
  address: HOME,
  email: 'mei.kim@example.com',
  payment_methods: new Map([
    ['credit_card_1', { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' }],
    ['paypal_2', { source: 'paypal', id: 'paypal_2' }],
    ['gift_card_3', { source: 'gift_card', id: 'gift_card_3', balance: 50 }],
    ['gift_card_4', { source: 'gift_card', id: 'gift_card_4', balance: 5.99 }],
  ]),
  orders: [PENDING],
};
const options = (value: string) => new Map([['option', value]]);
const shirt: TauProduct = {
  name: 'T-Shirt',
  product_id: '1000000001',
  variants: new Map([
    ['2000000001', { item_id: '2000000001', options: options('2000000001'), available: true, price: 20 }],
    ['2000000002', { item_id: '2000000002', options: options('2000000002'), available: true, price: 25 }],
    ['2000000003', { item_id: '2000000003', options: options('2000000003'), available: true, price: 18.5 }],
  ]),
};
const shoes: TauProduct = {
  name: 'Running Shoes',
  product_id: '1000000002',
  variants: new Map([
    ['3000000001', { item_id: '3000000001', options: options('3000000001'), available: true, price: 80 }],
    ['3000000002', { item_id: '3000000002', options: options('3000000002'), available: true, price: 95 }],
  ]),
};
const order: TauOrder = {
  order_id: PENDING,
  user_id: MEI,
  address: HOME,
  items: [
    { name: 'T-Shirt', product_id: '1000000001', item_id: SHIRT_BLUE_M, price: 20, options: options(SHIRT_BLUE_M) },
    { name: 'Running Shoes', product_id: '1000000002', item_id: SHOES_9, price: 80, options: options(SHOES_9) },
  ],
  status: 'pending',
  fulfillments: [],
  payment_history: [{ transaction_type: 'payment', amount: 100, payment_method_id: 'credit_card_1' }],
};

describe('policy: store records as the tau store layer gives them', () => {
  const request: ActionRequest = {
    kind: 'modify_pending_order_items',
    orderId: PENDING,
    itemIds: [SHIRT_BLUE_M, SHOES_9],
    newItemIds: [SHIRT_GREEN_L, SHOES_10],
    paymentMethodId: 'gift_card_3',
  };

  it('when tau records with Maps are passed as they are, then the proposal is the same as from their plain JSON form', () => {
    const context: PolicyContext = {
      facts: { customerId: MEI, confirmation: null, approvals: [], completedProposalIds: [] },
      records: { customer: user, order, products: [shirt, shoes] },
      settings: DEFAULT_POLICY_SETTINGS,
    };
    const fromMaps = evaluate(request, context);
    assert.ok(fromMaps.outcome === 'needs_confirmation', JSON.stringify(fromMaps));
    assert.equal(fromMaps.proposal.proposalId, proposalFor(request).proposalId);
  });

  it('when a Map-keyed payment method is someone else’s, then it is still refused', () => {
    const context = contextFor(request);
    const decision = evaluate({ ...request, paymentMethodId: 'credit_card_9' }, { ...context, records: { customer: user, order, products: [shirt, shoes] } });
    assert.equal(decision.outcome === 'deny' && decision.rule, 'payment-method-ownership');
  });

  it('when a plain-object record has an id that is an Object.prototype name, then it is not found', () => {
    const decision = evaluate({ ...request, paymentMethodId: 'constructor' }, contextFor(request));
    assert.equal(decision.outcome === 'deny' && decision.rule, 'payment-method-ownership');
  });
});

describe('policy: money and descriptions', () => {
  const cents: [number, number][] = [
    [35.52999999999997, 3553],
    [18.499999999999996, 1850],
    [0.1 + 0.2, 30],
    [-0, 0],
    [1234.5, 123_450],
  ];
  for (const [dollars, expected] of cents) {
    it(`when ${dollars} dollars are read, then they are ${expected} cents`, () => {
      assert.ok(Object.is(toCents(dollars), expected));
    });
  }

  it('when cents are formatted, then they read as dollars', () => {
    assert.deepEqual([formatCents(0), formatCents(5), formatCents(1234), formatCents(-1350), formatCents(123_456_789)], ['$0.00', '$0.05', '$12.34', '-$13.50', '$1234567.89']);
  });

  it('when a proposal is described, then the customer reads the items, the money, the payment method and the notices', () => {
    const lines = describeProposal(
      proposalFor({ kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHOES_9], newItemIds: [SHOES_10], paymentMethodId: 'gift_card_3' }),
    );
    assert.deepEqual(lines.slice(0, 2), [
      `Change items of order ${PENDING}: Running Shoes ${SHOES_9} ($80.00) → ${SHOES_10} ($95.00).`,
      'Pay $15.00 with gift_card_3.',
    ]);
    assert.match(lines.join('\n'), /only once/);
  });

  it('when an over-limit return is described, then the customer also reads that a supervisor must approve', () => {
    const lines = describeProposal(
      proposalFor(
        { kind: 'return_delivered_order_items', orderId: DELIVERED, itemIds: [SHOES_9], paymentMethodId: 'credit_card_1' },
        { settings: { automaticRefundLimitCents: 5000 } },
      ),
    );
    assert.ok(lines.includes('Refund $80.00 to credit_card_1.'), lines.join('\n'));
    assert.ok(lines.some((line) => /supervisor must approve/.test(line)), lines.join('\n'));
  });

  it('when an address change is described, then the new address is on one line', () => {
    const [line] = describeProposal(proposalFor({ kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS }));
    assert.equal(line, `Ship order ${PENDING} to 9 Oak Ave, Portland, OR 97201, USA.`);
  });
});
