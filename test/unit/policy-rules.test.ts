import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ActionRequest, RuleId } from '../../domain/policy/types';
import {
  CANCELLED,
  customers,
  decide,
  decideConfirmed,
  DELIVERED,
  EXCHANGE_REQUESTED,
  HOME,
  ITEMS_MODIFIED,
  LAPTOP_15,
  MEI,
  NEW_ADDRESS,
  OMAR,
  OMARS_ORDER,
  orders,
  PAYMENT_CHANGED,
  PENDING,
  PENDING_GIFT_CARD,
  PROCESSED,
  products,
  RETURN_REQUESTED,
  SHIRT_BLACK_S,
  SHIRT_BLUE_M,
  SHIRT_GREEN_L,
  SHIRT_RED_M,
  SHOES_10,
  SHOES_11,
  SHOES_9,
  type Situation,
} from '../support/policy-fixtures';

/** 'allow': allowed once the customer confirms its proposal; otherwise the rule that denies it. */
type Expected = 'allow' | RuleId;
type Row = [label: string, request: ActionRequest, expected: Expected, situation?: Situation];

function runTable(rows: Row[]): void {
  for (const [label, request, expected, situation] of rows) {
    it(`when ${label}, then ${expected === 'allow' ? 'it needs confirmation, and once confirmed it is allowed' : `it is denied by ${expected}`}`, () => {
      if (expected === 'allow') {
        const first = decide(request, situation);
        assert.equal(first.outcome, 'needs_confirmation', JSON.stringify(first));
        const confirmed = decideConfirmed(request, situation);
        assert.equal(confirmed.outcome, 'allow', JSON.stringify(confirmed));
        return;
      }
      const decision = decideConfirmed(request, situation);
      assert.equal(decision.outcome, 'deny', JSON.stringify(decision));
      assert.equal(decision.outcome === 'deny' && decision.rule, expected, JSON.stringify(decision));
      assert.ok(decision.outcome === 'deny' && decision.reason.length > 10, 'a reason a human can read');
    });
  }
}

const cancel = (orderId: string, reason = 'no longer needed'): ActionRequest => ({ kind: 'cancel_pending_order', orderId, reason });
const moveOrder = (orderId: string, address = NEW_ADDRESS): ActionRequest => ({ kind: 'modify_pending_order_address', orderId, address });
const modifyItems = (orderId: string, itemIds: string[], newItemIds: string[], paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'modify_pending_order_items',
  orderId,
  itemIds,
  newItemIds,
  paymentMethodId,
});
const repay = (orderId: string, paymentMethodId: string): ActionRequest => ({ kind: 'modify_pending_order_payment', orderId, paymentMethodId });
const returnItems = (orderId: string, itemIds: string[], paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'return_delivered_order_items',
  orderId,
  itemIds,
  paymentMethodId,
});
const exchange = (orderId: string, itemIds: string[], newItemIds: string[], paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'exchange_delivered_order_items',
  orderId,
  itemIds,
  newItemIds,
  paymentMethodId,
});
const goodwill = (orderId: string, amountCents: number, paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'goodwill_credit',
  orderId,
  amountCents,
  paymentMethodId,
  reason: 'parcel arrived two weeks late',
});
const withGiftCard = (balanceCents: number): Situation => ({
  customer: { ...customers[MEI]!, paymentMethods: [{ source: 'gift_card', id: 'gift_card_7', balanceCents }] },
});

describe('policy: who is asking (authenticated, own order, own records)', () => {
  const orderActions: [string, ActionRequest][] = [
    ['cancel', cancel(PENDING)],
    ['modify the order address', moveOrder(PENDING)],
    ['modify items', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M])],
    ['modify payment', repay(PENDING, 'paypal_2')],
    ['return', returnItems(DELIVERED, [SHOES_9])],
    ['exchange', exchange(DELIVERED, [SHOES_9], [SHOES_11])],
    ['goodwill credit', goodwill(DELIVERED, 500)],
  ];
  const rows: Row[] = [];
  for (const [name, request] of orderActions) {
    rows.push([`the authenticated customer asks to ${name} on their own order`, request, 'allow']);
    rows.push([`nobody is authenticated and someone asks to ${name}`, request, 'authentication', { customerId: null }]);
    rows.push([`an empty customer id is on record and someone asks to ${name}`, request, 'authentication', { customerId: '' }]);
    rows.push([`the store has no such order (${name})`, request, 'record-not-found', { order: null }]);
    rows.push([
      `the order belongs to someone else (${name})`,
      request,
      'order-ownership',
      { order: { ...orders['orderId' in request ? request.orderId : never()]!, customerId: OMAR } },
    ]);
    rows.push([`another customer is authenticated and asks to ${name} on Mei's order`, request, 'order-ownership', { customerId: OMAR }]);
  }
  for (const [name, request] of orderActions.filter(([name]) => name !== 'cancel' && name !== 'modify the order address')) {
    rows.push([`the customer record is missing (${name})`, request, 'record-not-found', { customer: null }]);
    rows.push([`the customer record is someone else's (${name})`, request, 'customer-ownership', { customer: customers[OMAR]! }]);
  }
  rows.push(['Mei asks about Omar’s order by its id', cancel(OMARS_ORDER), 'order-ownership']);
  rows.push(['Mei changes her own default address', { kind: 'modify_user_address', userId: MEI, address: NEW_ADDRESS }, 'allow']);
  rows.push(['Mei changes Omar’s default address', { kind: 'modify_user_address', userId: OMAR, address: NEW_ADDRESS }, 'customer-ownership']);
  rows.push([
    'nobody is authenticated and a default address change is asked',
    { kind: 'modify_user_address', userId: MEI, address: NEW_ADDRESS },
    'authentication',
    { customerId: null },
  ]);
  rows.push([
    'the customer record is missing for a default address change',
    { kind: 'modify_user_address', userId: MEI, address: NEW_ADDRESS },
    'record-not-found',
    { customer: null },
  ]);
  runTable(rows);

  it('when a transfer to a human is asked, authenticated or not, then it is allowed at once without confirmation', () => {
    for (const customerId of [MEI, null]) {
      const decision = decide({ kind: 'transfer_to_human', summary: 'wants to dispute a charge' }, { customerId });
      assert.equal(decision.outcome, 'allow');
      assert.equal(decision.outcome === 'allow' && decision.proposal.customerId, customerId);
    }
  });
});

function never(): never {
  throw new Error('unreachable');
}

describe('policy: cancel a pending order', () => {
  runTable([
    ['a pending order is cancelled because it is no longer needed', cancel(PENDING, 'no longer needed'), 'allow'],
    ['a pending order is cancelled because it was ordered by mistake', cancel(PENDING, 'ordered by mistake'), 'allow'],
    ['a pending order whose payment method was changed is cancelled', cancel(PAYMENT_CHANGED), 'allow'],
    ['the reason is another one', cancel(PENDING, 'found it cheaper elsewhere'), 'cancel-reason'],
    ['the reason differs only in case', cancel(PENDING, 'No Longer Needed'), 'cancel-reason'],
    ['the reason carries extra words', cancel(PENDING, 'no longer needed, the manager approved this'), 'cancel-reason'],
    ['the reason is empty', cancel(PENDING, ''), 'cancel-reason'],
    ['the order is delivered', cancel(DELIVERED), 'order-status'],
    ['the order is processed', cancel(PROCESSED), 'order-status'],
    ['the order is already cancelled', cancel(CANCELLED), 'order-status'],
    ['the order had its items modified (status)', cancel(ITEMS_MODIFIED), 'items-modified-once'],
    ['the order had its items modified (ledger history, status still pending)', cancel(PENDING), 'items-modified-once', { history: { itemsModified: true } }],
  ]);
});

describe('policy: modify a pending order’s address', () => {
  runTable([
    ['a pending order gets a new address', moveOrder(PENDING), 'allow'],
    ['the new address has no second line and no state', moveOrder(PENDING, { ...NEW_ADDRESS, address2: '', state: '' }), 'allow'],
    ['an item-modified order gets a new address (as the reference tool allows)', moveOrder(ITEMS_MODIFIED), 'allow'],
    [
      'an item-modified order gets a new address while the settings follow the policy text',
      moveOrder(ITEMS_MODIFIED),
      'items-modified-once',
      { settings: { addressChangeAfterItemModification: false } },
    ],
    ['the order is delivered', moveOrder(DELIVERED), 'order-status'],
    ['the order is processed', moveOrder(PROCESSED), 'order-status'],
    ['the order is cancelled', moveOrder(CANCELLED), 'order-status'],
    ['the street is empty', moveOrder(PENDING, { ...NEW_ADDRESS, address1: '  ' }), 'address'],
    ['the zip code is empty', moveOrder(PENDING, { ...NEW_ADDRESS, zip: '' }), 'address'],
    ['the city holds a control character', moveOrder(PENDING, { ...NEW_ADDRESS, city: 'Port\u0000land' }), 'address'],
    ['a field is missing', moveOrder(PENDING, { ...NEW_ADDRESS, country: undefined } as never), 'address'],
  ]);
});

describe('policy: modify a pending order’s items', () => {
  runTable([
    ['a shirt becomes another option of the same shirt', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'allow'],
    ['two items change in one request', modifyItems(PENDING, [SHIRT_BLUE_M, SHOES_9], [SHIRT_GREEN_L, SHOES_10]), 'allow'],
    ['the item is not in the order', modifyItems(PENDING, [SHIRT_RED_M], [SHIRT_GREEN_L]), 'items-in-order'],
    ['an item is listed twice but ordered once', modifyItems(PENDING, [SHIRT_BLUE_M, SHIRT_BLUE_M], [SHIRT_RED_M, SHIRT_GREEN_L]), 'items-in-order'],
    ['there are more new items than items', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M, SHIRT_GREEN_L]), 'item-count'],
    ['there are fewer new items than items', modifyItems(PENDING, [SHIRT_BLUE_M, SHOES_9], [SHIRT_RED_M]), 'item-count'],
    ['an item is changed for itself', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_BLUE_M]), 'same-item'],
    ['a shirt is changed for shoes', modifyItems(PENDING, [SHIRT_BLUE_M], [SHOES_10]), 'same-product'],
    ['the new item id exists nowhere', modifyItems(PENDING, [SHIRT_BLUE_M], ['9999999999']), 'same-product'],
    ['the new option is sold out', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_BLACK_S]), 'variant-available'],
    ['the product record was not read', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'record-not-found', { products: products.slice(1) }],
    ['the difference is paid with someone else’s card', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M], 'credit_card_9'), 'payment-method-ownership'],
    ['a gift card of $5.99 pays a $5.00 difference', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M], 'gift_card_4'), 'allow'],
    ['a gift card of $5.99 pays a $15.00 difference', modifyItems(PENDING, [SHOES_9], [SHOES_10], 'gift_card_4'), 'gift-card-balance'],
    ['a gift card of exactly $5.00 pays a $5.00 difference', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M], 'gift_card_7'), 'allow', withGiftCard(500)],
    ['a gift card of $4.99 pays a $5.00 difference', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M], 'gift_card_7'), 'gift-card-balance', withGiftCard(499)],
    ['an empty gift card receives a $10.00 refund of the difference', modifyItems(PENDING, [SHOES_9], [SHOES_11], 'gift_card_7'), 'allow', withGiftCard(0)],
    ['the order already had its items modified (status)', modifyItems(ITEMS_MODIFIED, [SHIRT_RED_M], [SHIRT_GREEN_L]), 'items-modified-once'],
    ['the order already had its items modified (ledger history)', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'items-modified-once', { history: { itemsModified: true } }],
    ['the order is delivered', modifyItems(DELIVERED, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'order-status'],
    ['the order is processed', modifyItems(PROCESSED, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'order-status'],
    ['no item is listed', modifyItems(PENDING, [], []), 'request-shape'],
  ]);
});

describe('policy: modify a pending order’s payment method', () => {
  runTable([
    ['a card payment moves to PayPal', repay(PENDING, 'paypal_2'), 'allow'],
    ['a gift card payment moves to a card', repay(PENDING_GIFT_CARD, 'credit_card_1'), 'allow'],
    ['a gift card of exactly the order total takes over', repay(PENDING, 'gift_card_7'), 'allow', withGiftCard(10000)],
    ['a gift card one cent short of the total takes over', repay(PENDING, 'gift_card_7'), 'gift-card-balance', withGiftCard(9999)],
    ['a $50.00 gift card takes over a $100.00 order', repay(PENDING, 'gift_card_3'), 'gift-card-balance'],
    ['the new method is the current one', repay(PENDING, 'credit_card_1'), 'payment-method-unchanged'],
    ['the new method is someone else’s', repay(PENDING, 'credit_card_9'), 'payment-method-ownership'],
    ['the payment method was already changed once', repay(PAYMENT_CHANGED, 'paypal_2'), 'payment-changed-once'],
    ['the ledger says the payment method was already changed', repay(PENDING, 'paypal_2'), 'payment-changed-once', { history: { paymentModified: true } }],
    ['the order had its items modified', repay(ITEMS_MODIFIED, 'paypal_2'), 'items-modified-once'],
    ['the order is delivered', repay(DELIVERED, 'paypal_2'), 'order-status'],
    ['the order is cancelled', repay(CANCELLED, 'paypal_2'), 'order-status'],
  ]);
});

describe('policy: return delivered items', () => {
  runTable([
    ['one item goes back to the original card', returnItems(DELIVERED, [SHOES_9]), 'allow'],
    ['both copies of an item ordered twice go back', returnItems(DELIVERED, [SHIRT_BLUE_M, SHIRT_BLUE_M]), 'allow'],
    ['the refund goes to one of the customer’s gift cards', returnItems(DELIVERED, [SHOES_9], 'gift_card_3'), 'allow'],
    ['the refund goes to PayPal, which did not pay for the order', returnItems(DELIVERED, [SHOES_9], 'paypal_2'), 'refund-destination'],
    ['the refund goes to someone else’s card', returnItems(DELIVERED, [SHOES_9], 'credit_card_9'), 'payment-method-ownership'],
    ['an item ordered twice is returned three times', returnItems(DELIVERED, [SHIRT_BLUE_M, SHIRT_BLUE_M, SHIRT_BLUE_M]), 'items-in-order'],
    ['the item is not in the order', returnItems(DELIVERED, [SHOES_10]), 'items-in-order'],
    ['no item is listed', returnItems(DELIVERED, []), 'request-shape'],
    ['the order is pending', returnItems(PENDING, [SHOES_9]), 'order-status'],
    ['the order is processed', returnItems(PROCESSED, [SHIRT_BLUE_M]), 'order-status'],
    ['a return was already requested', returnItems(RETURN_REQUESTED, [SHIRT_BLUE_M]), 'return-or-exchange-once'],
    ['an exchange was already requested', returnItems(EXCHANGE_REQUESTED, [SHIRT_BLUE_M]), 'return-or-exchange-once'],
    ['the ledger says a return was requested', returnItems(DELIVERED, [SHOES_9]), 'return-or-exchange-once', { history: { returnOrExchangeRequested: true } }],
  ]);
});

describe('policy: exchange delivered items', () => {
  runTable([
    ['a shirt is exchanged for a cheaper option', exchange(DELIVERED, [SHIRT_BLUE_M], [SHIRT_GREEN_L]), 'allow'],
    ['both copies of a shirt are exchanged', exchange(DELIVERED, [SHIRT_BLUE_M, SHIRT_BLUE_M], [SHIRT_RED_M, SHIRT_GREEN_L]), 'allow'],
    ['a gift card of $5.99 pays a $5.00 difference', exchange(DELIVERED, [SHIRT_BLUE_M], [SHIRT_RED_M], 'gift_card_4'), 'allow'],
    ['a gift card of $5.99 pays a $15.00 difference', exchange(DELIVERED, [SHOES_9], [SHOES_10], 'gift_card_4'), 'gift-card-balance'],
    ['an item is exchanged for itself', exchange(DELIVERED, [SHOES_9], [SHOES_9]), 'same-item'],
    ['shoes are exchanged for a laptop', exchange(DELIVERED, [SHOES_9], [LAPTOP_15]), 'same-product'],
    ['the new option is sold out', exchange(DELIVERED, [SHIRT_BLUE_M], [SHIRT_BLACK_S]), 'variant-available'],
    ['the counts differ', exchange(DELIVERED, [SHIRT_BLUE_M, SHOES_9], [SHIRT_RED_M]), 'item-count'],
    ['the item is not in the order', exchange(DELIVERED, [SHIRT_RED_M], [SHIRT_GREEN_L]), 'items-in-order'],
    ['the difference is paid with someone else’s card', exchange(DELIVERED, [SHIRT_BLUE_M], [SHIRT_RED_M], 'credit_card_9'), 'payment-method-ownership'],
    ['the order is pending', exchange(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'order-status'],
    ['the order is cancelled', exchange(CANCELLED, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'order-status'],
    ['an exchange was already requested', exchange(EXCHANGE_REQUESTED, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'return-or-exchange-once'],
    ['a return was already requested', exchange(RETURN_REQUESTED, [SHIRT_BLUE_M], [SHIRT_RED_M]), 'return-or-exchange-once'],
  ]);
});

describe('policy: goodwill credit', () => {
  runTable([
    ['$5.00 goes to the original card', goodwill(DELIVERED, 500), 'allow'],
    ['$5.00 goes to a gift card', goodwill(DELIVERED, 500, 'gift_card_3'), 'allow'],
    ['the whole $120.00 paid is credited', goodwill(DELIVERED, 12_000), 'allow'],
    ['a pending order gets a credit', goodwill(PENDING, 500), 'allow'],
    ['$5.00 goes to PayPal, which did not pay for the order', goodwill(DELIVERED, 500, 'paypal_2'), 'refund-destination'],
    ['$5.00 goes to someone else’s card', goodwill(DELIVERED, 500, 'credit_card_9'), 'payment-method-ownership'],
    ['the credit is zero', goodwill(DELIVERED, 0), 'goodwill-amount'],
    ['the credit is negative', goodwill(DELIVERED, -500), 'goodwill-amount'],
    ['the credit is one cent more than was paid', goodwill(DELIVERED, 12_001), 'goodwill-amount'],
    ['$10.00 more after $110.00 already credited', goodwill(DELIVERED, 1000), 'allow', { history: { goodwillCreditedCents: 11_000 } }],
    ['$10.01 more after $110.00 already credited', goodwill(DELIVERED, 1001), 'goodwill-amount', { history: { goodwillCreditedCents: 11_000 } }],
    ['the earlier credit on record is unreadable', goodwill(DELIVERED, 100), 'goodwill-amount', { history: { goodwillCreditedCents: 1.5 } }],
    ['the order is cancelled (already refunded)', goodwill(CANCELLED, 500), 'order-status'],
    ['the amount is not whole cents', goodwill(DELIVERED, 10.5), 'request-shape'],
    ['there is no reason', { ...goodwill(DELIVERED, 500), reason: ' ' } as ActionRequest, 'request-shape'],
  ]);
});

describe('policy: malformed requests are refused before any rule', () => {
  runTable([
    ['the action is unknown', { kind: 'delete_account', orderId: PENDING } as never, 'request-shape'],
    ['the order id is a number', { kind: 'cancel_pending_order', orderId: 2378156, reason: 'no longer needed' } as never, 'request-shape'],
    ['the item ids are one string', { ...returnItems(DELIVERED, []), itemIds: SHOES_9 } as never, 'request-shape'],
    ['an item id is empty', returnItems(DELIVERED, ['']), 'request-shape'],
    ['the payment method is missing', { kind: 'modify_pending_order_payment', orderId: PENDING } as never, 'request-shape'],
    ['the transfer has no summary', { kind: 'transfer_to_human', summary: '' }, 'request-shape'],
    ['the cancel reason is not text', { kind: 'cancel_pending_order', orderId: PENDING, reason: ['no longer needed'] } as never, 'request-shape'],
  ]);
});

describe('policy: what the proposal says (integer cents)', () => {
  const proposalOf = (request: ActionRequest, situation?: Situation) => {
    const decision = decide(request, situation);
    assert.equal(decision.outcome, 'needs_confirmation', JSON.stringify(decision));
    return decision.outcome === 'needs_confirmation' ? decision.proposal : never();
  };

  it('when a pending order is cancelled, then everything paid is refunded to the method that paid it', () => {
    const proposal = proposalOf(cancel(PENDING));
    assert.deepEqual(proposal.refunds, [{ paymentMethodId: 'credit_card_1', amountCents: 10_000 }]);
    assert.deepEqual(proposal.charges, []);
    assert.equal(proposal.refundTowardLimitCents, 10_000);
    assert.equal(proposal.reason, 'no longer needed');
  });

  it('when an order whose payment moved to a gift card is cancelled, then only the gift card is refunded, once', () => {
    const proposal = proposalOf(cancel(PAYMENT_CHANGED));
    assert.deepEqual(proposal.refunds, [{ paymentMethodId: 'gift_card_3', amountCents: 10_000 }]);
  });

  it('when items change, then each pair keeps its own prices and the difference is charged in cents', () => {
    const proposal = proposalOf(modifyItems(PENDING, [SHIRT_BLUE_M, SHOES_9], [SHIRT_GREEN_L, SHOES_10]));
    assert.deepEqual(
      proposal.items.map((item) => [item.itemId, item.priceCents, item.newItemId, item.newPriceCents]),
      [
        [SHIRT_BLUE_M, 2000, SHIRT_GREEN_L, 1850],
        [SHOES_9, 8000, SHOES_10, 9500],
      ],
    );
    assert.equal(proposal.priceDifferenceCents, 1350);
    assert.deepEqual(proposal.charges, [{ paymentMethodId: 'credit_card_1', amountCents: 1350 }]);
    assert.deepEqual(proposal.refunds, []);
    assert.equal(proposal.refundTowardLimitCents, 0);
    assert.match(proposal.notices.join(' '), /only once/);
  });

  it('when an exchange is cheaper, then the difference is refunded to the chosen method', () => {
    const proposal = proposalOf(exchange(DELIVERED, [SHOES_9], [SHOES_11], 'gift_card_3'));
    assert.equal(proposal.priceDifferenceCents, -1000);
    assert.deepEqual(proposal.refunds, [{ paymentMethodId: 'gift_card_3', amountCents: 1000 }]);
    assert.equal(proposal.refundTowardLimitCents, 1000);
    assert.match(proposal.notices.join(' '), /only once/);
  });

  it('when items are returned, then their prices are refunded, each copy counted', () => {
    const proposal = proposalOf(returnItems(DELIVERED, [SHIRT_BLUE_M, SHIRT_BLUE_M, SHOES_9]));
    assert.deepEqual(proposal.refunds, [{ paymentMethodId: 'credit_card_1', amountCents: 12_000 }]);
    assert.equal(proposal.items.length, 3);
  });

  it('when the payment method changes, then the new one pays the total and the old one is refunded; nothing counts as a refund', () => {
    const proposal = proposalOf(repay(PENDING_GIFT_CARD, 'credit_card_1'));
    assert.deepEqual(proposal.charges, [{ paymentMethodId: 'credit_card_1', amountCents: 1850 }]);
    assert.deepEqual(proposal.refunds, [{ paymentMethodId: 'gift_card_4', amountCents: 1850 }]);
    assert.equal(proposal.refundTowardLimitCents, 0);
  });

  it('when an address changes, then the proposal shows where from and where to', () => {
    const proposal = proposalOf(moveOrder(PENDING));
    assert.deepEqual(proposal.address, { from: HOME, to: NEW_ADDRESS });
  });

  it('when every amount in every proposal is read, then it is an integer number of cents', () => {
    for (const request of [cancel(PENDING_GIFT_CARD), repay(PENDING_GIFT_CARD, 'paypal_2'), modifyItems(PENDING_GIFT_CARD, [SHIRT_GREEN_L], [SHIRT_RED_M])]) {
      const proposal = proposalOf(request);
      const amounts = [...proposal.charges, ...proposal.refunds].map((movement) => movement.amountCents);
      amounts.push(proposal.refundTowardLimitCents, ...proposal.items.flatMap((item) => [item.priceCents, item.newPriceCents ?? 0]));
      for (const amount of amounts) assert.ok(Number.isSafeInteger(amount), `${amount} in ${request.kind}`);
    }
  });
});
