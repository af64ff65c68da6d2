import type { Knex } from 'knex';
import type { StoredAmount } from '../money';
import type { OrderRow, RequestedItemList } from '../store/rows';
import type { Address } from '../../domain/store/entities';

/**
 * The writes the retail tools make. Each is meant to run inside the caller's transaction; the ones
 * that can lose a race are conditional and report whether they applied, so the caller can refuse
 * instead of overwriting a concurrent change.
 */

/**
 * Takes the order's row lock (PostgreSQL) or the database write lock (SQLite) before anything is
 * read, so that two writers of one order run one after the other and the second one sees the
 * first one's result. A no-op update does both on both engines. False when there is no such order.
 */
export async function lockOrder(trx: Knex.Transaction, orderId: string): Promise<boolean> {
  const count = await trx('orders').where({ id: orderId }).update({ status: trx.ref('status') });
  return count === 1;
}

export type OrderChanges = Partial<
  Pick<OrderRow, 'status' | 'cancel_reason' | 'exchange_payment_method_id' | 'exchange_price_difference_cents' | 'exchange_price_difference_json' | 'return_payment_method_id'>
>;

/** Applies `changes` only if the order still has `expectedStatus`; false when it does not (someone else changed it). */
export async function updateOrderIfStatus(trx: Knex.Transaction, orderId: string, expectedStatus: string, changes: OrderChanges): Promise<boolean> {
  const count = await trx('orders')
    .where({ id: orderId, status: expectedStatus })
    .update({ status: expectedStatus, ...changes });
  return count === 1;
}

export interface NewPayment {
  transactionType: 'payment' | 'refund';
  amount: StoredAmount;
  paymentMethodId: string;
}

/** Appends transactions to the order's payment history, after its last one. */
export async function appendPayments(trx: Knex.Transaction, orderId: string, payments: readonly NewPayment[]): Promise<void> {
  if (payments.length === 0) return;
  const last: { position?: number | string | null } | undefined = await trx('payment_transactions')
    .where({ order_id: orderId })
    .max({ position: 'position' })
    .first();
  // max() of no rows is null; PostgreSQL may return numbers as strings.
  const start = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  await trx('payment_transactions').insert(
    payments.map((payment, index) => ({
      order_id: orderId,
      position: start + index,
      transaction_type: payment.transactionType,
      amount_cents: payment.amount.cents,
      amount_json: payment.amount.json,
      payment_method_id: payment.paymentMethodId,
    })),
  );
}

/** Rewrites the order's shipping address in place. */
export async function replaceOrderAddress(trx: Knex.Transaction, orderId: string, address: Address): Promise<boolean> {
  const count = await trx('addresses')
    .whereIn('id', trx('orders').select('shipping_address_id').where({ id: orderId }))
    .update(addressColumns(address));
  return count === 1;
}

/** Rewrites the customer's default address in place. */
export async function replaceCustomerAddress(trx: Knex.Transaction, customerId: string, address: Address): Promise<boolean> {
  const count = await trx('addresses')
    .whereIn('id', trx('customers').select('address_id').where({ id: customerId }))
    .update(addressColumns(address));
  return count === 1;
}

export interface ItemReplacement {
  itemId: string;
  priceCents: number;
  options: readonly (readonly [string, string])[];
}

/** Turns the order's item at `position` into another variant: its id, price and options (name and product stay). */
export async function replaceOrderItem(trx: Knex.Transaction, orderId: string, position: number, replacement: ItemReplacement): Promise<void> {
  const count = await trx('order_items')
    .where({ order_id: orderId, position })
    .update({ item_id: replacement.itemId, price_cents: replacement.priceCents });
  if (count !== 1) throw new Error(`order ${orderId} has no item at position ${position}`);
  await trx('order_item_options').where({ order_id: orderId, item_position: position }).delete();
  if (replacement.options.length > 0) {
    await trx('order_item_options').insert(
      replacement.options.map(([name, value], optionPosition) => ({ order_id: orderId, item_position: position, position: optionPosition, name, value })),
    );
  }
}

/** Sets one of the order's requested-item lists (exchange_items, exchange_new_items, return_items). */
export async function replaceRequestedItems(trx: Knex.Transaction, orderId: string, list: RequestedItemList, itemIds: readonly string[]): Promise<void> {
  await trx('order_requested_items').where({ order_id: orderId, list }).delete();
  if (itemIds.length > 0) {
    await trx('order_requested_items').insert(itemIds.map((itemId, position) => ({ order_id: orderId, list, position, item_id: itemId })));
  }
}

/**
 * Adds `deltaCents` (negative to charge) to a gift card's balance in one statement, so concurrent
 * changes add up. With `minimumBalanceCents`, only if the balance is at least that much right now;
 * false when it was not (or there is no such gift card).
 */
export async function adjustGiftCardBalance(
  trx: Knex.Transaction,
  paymentMethodId: string,
  deltaCents: number,
  minimumBalanceCents?: number,
): Promise<boolean> {
  const query = trx('payment_methods').where({ id: paymentMethodId, source: 'gift_card' });
  if (minimumBalanceCents !== undefined) void query.where('balance_cents', '>=', minimumBalanceCents);
  const count = await query.update({ balance_cents: trx.raw('?? + ?', ['balance_cents', deltaCents]) });
  return count === 1;
}

function addressColumns(address: Address): Address {
  return {
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    country: address.country,
    state: address.state,
    zip: address.zip,
  };
}
