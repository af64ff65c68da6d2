/** One request for each refusal the policy can word, with the records that make it refuse. */
import { evaluate } from '../../domain/policy';
import type { ActionRequest, PolicyDecision, StoreRecords } from '../../domain/policy/types';
import {
  CANCELLED,
  contextFor,
  customers,
  DELIVERED,
  EXCHANGE_REQUESTED,
  ITEMS_MODIFIED,
  LAPTOP_15,
  MEI,
  NEW_ADDRESS,
  OMAR,
  PAYMENT_CHANGED,
  PENDING,
  PROCESSED,
  products,
  SHIRT_BLACK_S,
  SHIRT_BLUE_M,
  SHIRT_GREEN_L,
  SHIRT_RED_M,
  SHOES_10,
  SHOES_9,
  type Situation,
} from './policy-fixtures';

export type DenialSituation = Situation & { records?: Partial<StoreRecords>; alreadyDone?: boolean };
export type DenialRow = [label: string, request: ActionRequest, situation?: DenialSituation];

/** Decides as the action door does, the customer having said yes to whatever was proposed. */
export function decideDenial(request: ActionRequest, situation: DenialSituation = {}): PolicyDecision {
  const once = (confirmed?: string): PolicyDecision => {
    const context = contextFor(request, { ...situation, ...(confirmed ? { confirmedProposalId: confirmed } : {}) });
    return evaluate(request, { ...context, records: { ...context.records, ...situation.records } });
  };
  const first = once();
  if (situation.alreadyDone && first.outcome === 'needs_confirmation') return decideDenial(request, { ...situation, alreadyDone: false, completedProposalIds: [first.proposal.proposalId] });
  return first.outcome === 'needs_confirmation' ? once(first.proposal.proposalId) : first;
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
const edit = (fields: { name?: { firstName: string; lastName: string }; email?: string }, userId = MEI): ActionRequest => ({ kind: 'modify_user_account', userId, ...fields });
const erase = (userId = MEI): ActionRequest => ({ kind: 'erase_user_account', userId });
const free = { records: { emailHolderId: null } };

export const DENIALS: DenialRow[] = [
  ['the settings are invalid', cancel(PENDING), { settings: { automaticRefundLimitCents: -1 } }],
  ['no approver role is set', cancel(PENDING), { settings: { refundApproverRoles: [] } }],
  ['an approver role is unknown', cancel(PENDING), { settings: { refundApproverRoles: ['owner'] as never } }],
  ['the address rule setting is not a boolean', cancel(PENDING), { settings: { addressChangeAfterItemModification: 'yes' as never } }],
  ['the action is unknown', { kind: 'delete_account', orderId: PENDING } as never],
  ['the order id is a number', { kind: 'cancel_pending_order', orderId: 2378156, reason: 'no longer needed' } as never],
  ['the order id is too long', cancel('#W' + '1'.repeat(120))],
  ['the cancel reason is not text', { kind: 'cancel_pending_order', orderId: PENDING, reason: ['no longer needed'] } as never],
  ['no item is listed', returnItems(DELIVERED, [])],
  ['too many items are listed', returnItems(DELIVERED, Array.from({ length: 101 }, () => SHOES_9))],
  ['an item id is empty', returnItems(DELIVERED, [''])],
  ['the account change changes nothing', edit({})],
  ['the new e-mail is not text', { kind: 'modify_user_account', userId: MEI, email: 42 } as never],
  ['the goodwill amount is not whole cents', goodwill(DELIVERED, 10.5)],
  ['the goodwill reason is empty', { ...goodwill(DELIVERED, 500), reason: ' ' } as ActionRequest],
  ['the goodwill reason is too long', { ...goodwill(DELIVERED, 500), reason: 'x'.repeat(1001) } as ActionRequest],
  ['the address is not an object', moveOrder(PENDING, 'Oak Ave' as never)],
  ['an address field is missing', moveOrder(PENDING, { ...NEW_ADDRESS, country: undefined } as never)],
  ['an address field is too long', moveOrder(PENDING, { ...NEW_ADDRESS, city: 'P'.repeat(201) })],
  ['an address field holds a control character', moveOrder(PENDING, { ...NEW_ADDRESS, city: 'Port\u0000land' })],
  ['the zip code is empty', moveOrder(PENDING, { ...NEW_ADDRESS, zip: '' })],
  ['nobody is authenticated', cancel(PENDING), { customerId: null }],
  ['the store has no such order', cancel(PENDING), { order: null }],
  ['the order is someone else’s', cancel(PENDING), { customerId: OMAR }],
  ['the customer record is missing', repay(PENDING, 'paypal_2'), { customer: null }],
  ['the customer record is someone else’s', repay(PENDING, 'paypal_2'), { customer: customers[OMAR]! }],
  ['someone else’s profile is changed', { kind: 'modify_user_address', userId: OMAR, address: NEW_ADDRESS }],
  ['the cancel reason is another one', cancel(PENDING, 'found it cheaper elsewhere')],
  ['a processed order is cancelled', cancel(PROCESSED)],
  ['a cancelled order gets a new address', moveOrder(CANCELLED)],
  ['a pending order is returned', returnItems(PENDING, [SHOES_9])],
  ['a pending order is exchanged', exchange(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M])],
  ['an item-modified order is cancelled', cancel(ITEMS_MODIFIED)],
  ['an item-modified order has its items modified', modifyItems(ITEMS_MODIFIED, [SHIRT_RED_M], [SHIRT_GREEN_L])],
  ['the payment was already changed', repay(PAYMENT_CHANGED, 'paypal_2')],
  ['an exchange was already requested', returnItems(EXCHANGE_REQUESTED, [SHIRT_BLUE_M])],
  ['a cancelled order gets goodwill', goodwill(CANCELLED, 500)],
  ['the item is not in the order', modifyItems(PENDING, [SHIRT_RED_M], [SHIRT_GREEN_L])],
  ['an item ordered once is listed twice', modifyItems(PENDING, [SHIRT_BLUE_M, SHIRT_BLUE_M], [SHIRT_RED_M, SHIRT_GREEN_L])],
  ['an item ordered twice is listed three times', returnItems(DELIVERED, [SHIRT_BLUE_M, SHIRT_BLUE_M, SHIRT_BLUE_M])],
  ['one item gets two new ones', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M, SHIRT_GREEN_L])],
  ['two items get one new one', modifyItems(PENDING, [SHIRT_BLUE_M, SHOES_9], [SHIRT_RED_M])],
  ['an item is changed for itself', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_BLUE_M])],
  ['the product record was not read', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M]), { products: products.slice(1) }],
  ['shoes are exchanged for a laptop', exchange(DELIVERED, [SHOES_9], [LAPTOP_15])],
  ['the new option is sold out', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_BLACK_S])],
  ['someone else’s card pays', modifyItems(PENDING, [SHIRT_BLUE_M], [SHIRT_RED_M], 'credit_card_9')],
  ['a gift card is short of the new items', modifyItems(PENDING, [SHOES_9], [SHOES_10], 'gift_card_4')],
  ['a gift card is short of the exchange', exchange(DELIVERED, [SHOES_9], [SHOES_10], 'gift_card_4')],
  ['a gift card is short of the order', repay(PENDING, 'gift_card_3')],
  ['a refund goes to PayPal, which did not pay', returnItems(DELIVERED, [SHOES_9], 'paypal_2')],
  ['the new method is the current one', repay(PENDING, 'credit_card_1')],
  ['the goodwill is zero', goodwill(DELIVERED, 0)],
  ['the goodwill is more than was paid', goodwill(DELIVERED, 1001), { history: { goodwillCreditedCents: 11_000 } }],
  ['the earlier goodwill is unreadable', goodwill(DELIVERED, 100), { history: { goodwillCreditedCents: 1.5 } }],
  ['the new first name is empty', edit({ name: { firstName: ' ', lastName: 'Kim' } }), free],
  ['the new last name is empty', edit({ name: { firstName: 'Mei', lastName: ' ' } }), free],
  ['the new first name is too long', edit({ name: { firstName: 'M'.repeat(101), lastName: 'Kim' } }), free],
  ['the new last name has a control character', edit({ name: { firstName: 'Mei', lastName: 'K\u0007im' } }), free],
  ['the new name is not an object', { kind: 'modify_user_account', userId: MEI, name: 'Mei Park' } as never, free],
  ['the new e-mail is empty', edit({ email: ' ' }), free],
  ['the new e-mail is too long', edit({ email: `${'m'.repeat(250)}@example.com` }), free],
  ['the new e-mail is not one', edit({ email: 'mei at example' }), free],
  ['whether the e-mail is free was not looked up', edit({ email: 'mei.new@example.com' })],
  ['the e-mail is someone else’s', edit({ email: customers[OMAR]!.email }), { records: { emailHolderId: OMAR } }],
  ['the account already has that name', edit({ name: { firstName: 'Mei', lastName: 'Kim' } }), free],
  ['the orders were not looked up', erase()],
  ['one order is still open', erase(), { records: { customerOrders: [{ id: PENDING, status: 'pending' }, { id: DELIVERED, status: 'delivered' }] } }],
  [
    'three orders are still open',
    erase(),
    { records: { customerOrders: [{ id: PENDING, status: 'pending' }, { id: PROCESSED, status: 'processed' }, { id: EXCHANGE_REQUESTED, status: 'exchange requested' }] } },
  ],
  ['the action was already done', cancel(PENDING), { alreadyDone: true }],
  ['an item-modified order is returned', returnItems(ITEMS_MODIFIED, [SHIRT_RED_M])],
];
