import type { Knex } from 'knex';
import { lockOrder, replaceRequestedItems, updateOrderIfStatus } from '../db/repositories/commerce-writes';
import type { Order } from '../domain/store/entities';
import { checkItemCounts, orderAfter, requireOrder, requirePaymentMethod, sortedIds } from './checks';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface RequestReturnInput {
  orderId: string;
  /** The order's items to return; an id may repeat when the order holds it more than once. */
  itemIds: readonly string[];
  /** Receives the refund: the order's original payment method or one of the customer's gift cards. */
  paymentMethodId: string;
}

/** Requests the return of items of a delivered order, once per order; the refund waits for the parcel. */
export function requestReturn(db: Knex, { orderId, itemIds, paymentMethodId }: RequestReturnInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (order.status !== 'delivered') throw new ActionRefused('Non-delivered order cannot be returned');
    const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
    if (method.source !== 'gift_card') {
      const original = order.payments[0];
      // Python indexes payment_history[0] without a check.
      if (!original) throw new ActionRefused('list index out of range');
      if (paymentMethodId !== original.paymentMethodId) throw new ActionRefused('Payment method should be the original payment method');
    }
    checkItemCounts(order, itemIds, () => 'Some item not found');

    const changes = { status: 'return requested', return_payment_method_id: paymentMethodId };
    if (!(await updateOrderIfStatus(trx, orderId, order.status, changes))) throw new WriteConflict();
    await replaceRequestedItems(trx, orderId, 'return_items', sortedIds(itemIds));
    return orderAfter(trx, orderId);
  });
}
