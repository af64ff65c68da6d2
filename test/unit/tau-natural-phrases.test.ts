import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'mocha';
import { initialTauRecords } from '../../bench/tau-walk/natural-customer';
import { Describer, Seeded, aroundRequest, optionWords, reasonWords, yesWords, type Order, type Records } from '../../bench/tau-walk/phrases';
import { TAU_DB_DIR, loadTask, taskFiles } from '../../bench/tau-walk/tasks';
import { describeUnless } from '../support/skip';

const bottle = (itemId: string, color: string, capacity: string) => ({ name: 'Water Bottle', product_id: 'p-bottle', item_id: itemId, options: { color, capacity } });
const chair = { name: 'Office Chair', product_id: 'p-chair', item_id: '2000000001', options: { color: 'black', material: 'mesh' } };
const speaker = (itemId: string, resistance: string) => ({ name: 'Bluetooth Speaker', product_id: 'p-speaker', item_id: itemId, options: { color: 'red', 'water resistance': resistance } });
const order = (id: string, status: string, items: Order['items'], paidWith = 'paypal_1'): Order => ({
  order_id: id,
  user_id: 'ana_1',
  status,
  items,
  payment_history: [{ transaction_type: 'payment', payment_method_id: paidWith }],
});

const records: Records = {
  users: {
    ana_1: {
      user_id: 'ana_1',
      name: { first_name: 'Ana', last_name: 'Lopez' },
      email: 'ana@example.com',
      payment_methods: {
        paypal_1: { source: 'paypal', id: 'paypal_1' },
        credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '1111' },
        credit_card_2: { source: 'credit_card', id: 'credit_card_2', brand: 'visa', last_four: '2222' },
        credit_card_3: { source: 'credit_card', id: 'credit_card_3', brand: 'mastercard', last_four: '9212' },
        gift_card_1: { source: 'gift_card', id: 'gift_card_1' },
      },
      orders: ['#W0000001', '#W0000002', '#W0000003', '#W0000004'],
    },
  },
  orders: {
    '#W0000001': order('#W0000001', 'delivered', [bottle('1000000001', 'blue', '1000ml'), bottle('1000000002', 'red', '1000ml'), chair]),
    '#W0000002': order('#W0000002', 'pending', [bottle('1000000003', 'green', '500ml')]),
    '#W0000003': order('#W0000003', 'processed', [bottle('1000000003', 'green', '500ml'), speaker('3000000001', 'no'), speaker('3000000002', 'yes')]),
    '#W0000004': order('#W0000004', 'processed', [bottle('1000000003', 'green', '500ml')]),
  },
  products: {
    'p-bottle': {
      name: 'Water Bottle',
      product_id: 'p-bottle',
      variants: Object.fromEntries(
        [
          ['1000000001', 'blue', '1000ml'],
          ['1000000002', 'red', '1000ml'],
          ['1000000003', 'green', '500ml'],
          ['1000000004', 'black', '1000ml'],
          ['1000000005', 'black', '500ml'],
        ].map(([id, color, capacity]) => [id as string, { item_id: id as string, options: { color: color as string, capacity: capacity as string } }]),
      ),
    },
    'p-chair': { name: 'Office Chair', product_id: 'p-chair', variants: { '2000000001': { item_id: '2000000001', options: chair.options } } },
    'p-speaker': {
      name: 'Bluetooth Speaker',
      product_id: 'p-speaker',
      variants: { '3000000001': { item_id: '3000000001', options: speaker('', 'no').options }, '3000000002': { item_id: '3000000002', options: speaker('', 'yes').options } },
    },
  },
};

const describer = (seed = 'task 1') => new Describer(records, 'ana_1', new Seeded(seed));
const hasId = (text: string) => /#W\d{7}|\b\d{10}\b|(credit_card|gift_card|paypal)_\d+/.test(text);

describe('the natural customer names things in words, not ids', () => {
  it('when the same seed and key pick a wording, then it is the same wording every time, and other keys vary', () => {
    const a = new Seeded('task 7');
    const b = new Seeded('task 7');
    const choices = ['one', 'two', 'three', 'four'];
    assert.deepEqual(
      Array.from({ length: 20 }, (_, i) => a.pick(`k${i}`, choices)),
      Array.from({ length: 20 }, (_, i) => b.pick(`k${i}`, choices)),
    );
    assert.ok(new Set(Array.from({ length: 20 }, (_, i) => a.pick(`k${i}`, choices))).size > 1);
  });

  it('when an order holds a product none of the other orders has, then it is described by that product', () => {
    const found = describer().orderDescriptions('#W0000001');
    const content = found.find((d) => d.kind === 'order by content');
    assert.match(content?.text ?? '', /the office chair/);
    assert.ok(found.every((d) => !hasId(d.text)));
  });

  it('when an order is the only pending one, then "pending" describes it; when it is the last placed, recency does', () => {
    assert.ok(describer().orderDescriptions('#W0000002').some((d) => d.kind === 'order by status'));
    assert.ok(describer().orderDescriptions('#W0000004').some((d) => d.kind === 'order by recency'));
    assert.ok(!describer().orderDescriptions('#W0000003').some((d) => d.kind === 'order by status'), 'two orders are processed: "processed" fits both');
  });

  it('when no description fits only the order meant, then the customer names its id (and nothing pretends otherwise)', () => {
    // #W0000004 holds only the green bottle, which #W0000002 and #W0000003 also hold; it is the last order, so only recency fits.
    const found = describer().orderDescriptions('#W0000004');
    assert.deepEqual(found.map((d) => d.kind), ['order by recency']);
    const onlyBottle: Records = { ...records, users: { ana_1: { ...(records.users.ana_1 as Records['users'][string]), orders: ['#W0000004', '#W0000002', '#W0000003'] } } };
    const phrase = new Describer(onlyBottle, 'ana_1', new Seeded('x')).order('#W0000004', 'k');
    assert.deepEqual(phrase, { kind: 'order id', text: 'order #W0000004' });
  });

  it('when an order has two items of one product, then each is named with the options that tell them apart', () => {
    const blue = describer().items('#W0000001', ['1000000001'], 'k', false);
    assert.deepEqual(blue, { kind: 'item by name and options', text: 'the blue water bottle' });
    const two = describer().items('#W0000001', ['1000000002', '2000000001'], 'k', false);
    assert.equal(two.text, 'the red water bottle and the office chair');
    const dry = describer().items('#W0000003', ['3000000001'], 'k', false);
    assert.equal(dry.text, 'the bluetooth speaker without water resistance');
  });

  it('when every item of the order is meant, then the customer may say "all of them", never ids', () => {
    const all = Array.from({ length: 12 }, (_, i) => describer(`task ${i}`).items('#W0000001', ['1000000001', '1000000002', '2000000001'], 'k', true));
    assert.ok(all.some((p) => p.kind === 'all items'));
    assert.ok(all.every((p) => !hasId(p.text)));
  });

  it('when a new variant is wanted, then only the options that change are named', () => {
    for (let i = 0; i < 12; i++) {
      const phrase = describer(`task ${i}`).newVariant('#W0000001', '1000000001', '1000000004', 'k');
      assert.equal(phrase.kind, 'variant by changed options');
      assert.match(phrase.text, /black/);
      assert.doesNotMatch(phrase.text, /1000ml|blue/);
      assert.ok(!hasId(phrase.text));
    }
  });

  it('when a payment method is named, then by its kind, with the last four digits where two cards share a brand', () => {
    const words = (id: string) => Array.from({ length: 16 }, (_, i) => describer(`task ${i}`).paymentMethod(id, 'k').text);
    assert.ok(words('credit_card_1').every((w) => w.includes('1111')), 'two Visa cards: the last four tell them apart');
    assert.ok(words('credit_card_3').some((w) => /Mastercard/.test(w)));
    assert.ok(words('paypal_1').every((w) => /PayPal/.test(w)));
    assert.ok(words('gift_card_1').every((w) => /gift card/.test(w)));
    assert.ok([...words('credit_card_1'), ...words('paypal_1'), ...words('gift_card_1')].every((w) => !hasId(w)));
  });

  it('when an option value is a yes, a no or a number, then it is said as a person would', () => {
    const values = [{ name: 'size', value: '9' }];
    assert.equal(optionWords('waterproof', 'yes', values), 'waterproof');
    assert.equal(optionWords('waterproof', 'no', values), 'not waterproof');
    assert.equal(optionWords('backlight', 'none', values), 'no backlight');
    assert.equal(optionWords('size', '9', values), 'size 9');
    assert.equal(optionWords('pieces', '1000', values), '1000 pieces');
    assert.equal(optionWords('brightness', 'low', values), 'low brightness');
    assert.equal(optionWords('color', 'silver', values), 'silver');
    assert.equal(optionWords('lens color', 'black', [{ name: 'frame color', value: 'black' }]), 'black lens');
  });

  it('when a reason or a yes is said, then it is in own words, and a greeting keeps a name capitalised', () => {
    assert.notEqual(reasonWords('no longer needed', new Seeded('a'), 'k').text, 'no longer needed');
    assert.notEqual(reasonWords('ordered by mistake', new Seeded('a'), 'k').text, 'ordered by mistake');
    assert.notEqual(yesWords(new Seeded('a'), 'k').text, 'yes');
    for (let i = 0; i < 10; i++) assert.match(aroundRequest('Noah Brown here, zip code 80279 — cancel it.', new Seeded(`s${i}`), 'k'), /Noah Brown/);
  });
});

describeUnless(fs.existsSync(TAU_DB_DIR) ? false : 'no shared tau-retail data', 'the natural customer on the shared tau-bench tasks', () => {
  it("when every shared task's orders, items, new variants and payment methods are described, then no description names an id", () => {
    const tau = initialTauRecords();
    let described = 0;
    for (const file of taskFiles()) {
      const task = loadTask(file);
      const d = new Describer(tau, task.userId, new Seeded(`task ${task.id}`));
      for (const action of task.actions) {
        const k = action.kwargs;
        const orderId = typeof k.order_id === 'string' && tau.orders[k.order_id]?.user_id === task.userId ? k.order_id : undefined;
        const phrases = [];
        if (orderId) {
          phrases.push(...d.orderDescriptions(orderId));
          const itemIds = (k.item_ids as string[] | undefined) ?? [];
          if (itemIds.length > 0) phrases.push(d.items(orderId, itemIds, 'k', true));
          ((k.new_item_ids as string[] | undefined) ?? []).forEach((newId, i) => phrases.push(d.newVariant(orderId, itemIds[i] as string, newId, `k${i}`)));
        }
        if (typeof k.payment_method_id === 'string' && tau.users[task.userId]?.payment_methods[k.payment_method_id]) phrases.push(d.paymentMethod(k.payment_method_id, 'k'));
        for (const phrase of phrases) assert.ok(!hasId(phrase.text), `task ${task.id}: "${phrase.text}"`);
        described += phrases.length;
      }
    }
    assert.ok(described > 200, `only ${described} descriptions`);
  });
});
