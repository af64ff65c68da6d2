import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { toCents } from '../../db/money';
import { evaluate } from '../../domain/policy/evaluate';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy/settings';
import type { ActionRequest, Order, PolicyContext } from '../../domain/policy/types';
import { customerFromTau, customerToTau, orderFromTau, orderToTau, productFromTau, productToTau } from '../../tau/entities';
import { toPythonJson } from '../../tau/format/python-json';
import type { TauOrder, TauProduct, TauUser } from '../../tau/format/records';
import { customers, HOME, MEI, orders, PENDING, products, proposalFor, SHIRT_BLUE_M, SHIRT_GREEN_L, SHOES_10, SHOES_9 } from '../support/policy-fixtures';

// The fixtures' customer, order and products as tau records (dollars, snake_case, Maps).
const user: TauUser = {
  user_id: MEI,
  name: { first_name: 'Mei', last_name: 'Kim' },
  address: HOME,
  email: `${MEI}@example.com`,
  payment_methods: new Map([
    ['credit_card_1', { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' }],
    ['paypal_2', { source: 'paypal', id: 'paypal_2' }],
    ['gift_card_3', { source: 'gift_card', id: 'gift_card_3', balance: 50 }],
    ['gift_card_4', { source: 'gift_card', id: 'gift_card_4', balance: 5.99 }],
  ]),
  orders: [],
};
const options = (value: string) => new Map([['option', value]]);
const shirt: TauProduct = {
  name: 'T-Shirt',
  product_id: '1000000001',
  variants: new Map([
    ['2000000001', { item_id: '2000000001', options: options('2000000001'), available: true, price: 20 }],
    ['2000000002', { item_id: '2000000002', options: options('2000000002'), available: true, price: 25 }],
    ['2000000003', { item_id: '2000000003', options: options('2000000003'), available: true, price: 18.5 }],
    ['2000000004', { item_id: '2000000004', options: options('2000000004'), available: false, price: 22 }],
  ]),
};
const shoes: TauProduct = {
  name: 'Running Shoes',
  product_id: '1000000002',
  variants: new Map([
    ['3000000001', { item_id: '3000000001', options: options('3000000001'), available: true, price: 80 }],
    ['3000000002', { item_id: '3000000002', options: options('3000000002'), available: true, price: 95 }],
    ['3000000003', { item_id: '3000000003', options: options('3000000003'), available: true, price: 70 }],
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

describe('tau adapter: tau records ⇄ the product’s entities', () => {
  it('when the tau customer, order and products are mapped, then they are the fixtures’ entities', () => {
    assert.deepEqual(customerFromTau(user), customers[MEI]);
    assert.deepEqual(orderFromTau(order), orders[PENDING]);
    assert.deepEqual([shirt, shoes].map(productFromTau), products.slice(0, 2));
  });

  it('when entities are mapped back to tau, then they print exactly as the tau records they came from', () => {
    assert.equal(toPythonJson(customerToTau(customerFromTau(user))), toPythonJson(user));
    assert.equal(toPythonJson(orderToTau(orderFromTau(order))), toPythonJson(order));
    assert.equal(toPythonJson([shirt, shoes].map((p) => productToTau(productFromTau(p)))), toPythonJson([shirt, shoes]));
  });

  it('when a tau order with a return, an exchange and a cancel reason is mapped, then each becomes its own field and comes back', () => {
    const requested: TauOrder = {
      ...order,
      status: 'exchange requested',
      cancel_reason: 'no longer needed',
      exchange_items: [SHOES_9],
      exchange_new_items: [SHOES_10],
      exchange_payment_method_id: 'credit_card_1',
      exchange_price_difference: 15,
      return_items: [SHIRT_BLUE_M],
      return_payment_method_id: 'gift_card_3',
    };
    const entity: Order = orderFromTau(requested);
    assert.equal(entity.cancelReason, 'no longer needed');
    assert.deepEqual(entity.exchange, { itemIds: [SHOES_9], newItemIds: [SHOES_10], paymentMethodId: 'credit_card_1', priceDifferenceCents: 1500 });
    assert.deepEqual(entity.return, { itemIds: [SHIRT_BLUE_M], paymentMethodId: 'gift_card_3' });
    assert.equal(toPythonJson(orderToTau(entity)), toPythonJson(requested));
  });

  it('when a tau payment carries float noise, then the entity holds the nearest whole cents', () => {
    const noisy: TauOrder = { ...order, payment_history: [{ transaction_type: 'payment', amount: 35.52999999999997, payment_method_id: 'credit_card_1' }] };
    assert.deepEqual(orderFromTau(noisy).payments, [{ kind: 'payment', amountCents: 3553, paymentMethodId: 'credit_card_1' }]);
  });

  it('when the policy is given entities mapped from tau records, then it proposes exactly what it proposes for the fixtures', () => {
    const request: ActionRequest = {
      kind: 'modify_pending_order_items',
      orderId: PENDING,
      itemIds: [SHIRT_BLUE_M, SHOES_9],
      newItemIds: [SHIRT_GREEN_L, SHOES_10],
      paymentMethodId: 'gift_card_3',
    };
    const context: PolicyContext = {
      facts: { customerId: MEI, confirmation: null, approvals: [], completedProposalIds: [] },
      records: { customer: customerFromTau(user), order: orderFromTau(order), products: [shirt, shoes].map(productFromTau) },
      settings: DEFAULT_POLICY_SETTINGS,
    };
    const decision = evaluate(request, context);
    assert.ok(decision.outcome === 'needs_confirmation', JSON.stringify(decision));
    assert.equal(decision.proposal.proposalId, proposalFor(request).proposalId);
  });

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
});
