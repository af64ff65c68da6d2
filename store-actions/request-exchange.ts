import type { Knex } from 'knex';
import { lockOrder, replaceRequestedItems, updateOrderIfStatus } from '../db/repositories/commerce-writes';
import type { Order } from '../domain/store/entities';
import { checkItemCounts, orderAfter, requireOrder, requirePaymentMethod, sortedIds } from './checks';
import { priceItemPairs } from './item-pairs';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface RequestExchangeInput {
  orderId: string;
  /** The order's items to send back; an id may repeat when the order holds it more than once. */
  itemIds: readonly string[];
  /** One new variant per item id, in the same position, each of the same product. */
  newItemIds: readonly string[];
  /** Pays, or receives, the price difference. */
  paymentMethodId: string;
}

/**
 * Requests the exchange of items of a delivered order for other available variants of the same
 * products, once per order. The price difference is recorded for the given method; a gift card
 * must cover it.
 */
export function requestExchange(db: Knex, { orderId, itemIds, newItemIds, paymentMethodId }: RequestExchangeInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (order.status !== 'delivered') throw new ActionRefused('Non-delivered order cannot be exchanged');
    checkItemCounts(order, itemIds, (itemId) => `Number of ${itemId} not found.`);
    if (itemIds.length !== newItemIds.length) throw new ActionRefused('The number of items to be exchanged should match.');
    // Unlike modifying, exchanging an item for the same item id is not refused here (nor by the reference).
    const { differenceCents } = await priceItemPairs(trx, order, itemIds, newItemIds, { rejectSameItem: false });
    const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
    if (method.source === 'gift_card' && method.balanceCents < differenceCents) {
      throw new ActionRefused('Insufficient gift card balance to pay for the price difference');
    }

    const changes = {
      status: 'exchange requested',
      exchange_payment_method_id: paymentMethodId,
      exchange_price_difference_cents: differenceCents,
      exchange_price_difference_json: null,
    };
    if (!(await updateOrderIfStatus(trx, orderId, order.status, changes))) throw new WriteConflict();
    // Both lists are sorted on their own, so the pairing is not kept (as in the reference).
    await replaceRequestedItems(trx, orderId, 'exchange_items', sortedIds(itemIds));
    await replaceRequestedItems(trx, orderId, 'exchange_new_items', sortedIds(newItemIds));
    return orderAfter(trx, orderId);
  });
}
