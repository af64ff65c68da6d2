import type { Knex } from 'knex';
import { adjustGiftCardBalance, appendPayments, lockOrder, replaceOrderItem, updateOrderIfStatus } from '../db/repositories/commerce-writes';
import { ORDER_STATUS } from '../domain/policy/rules/order-status';
import type { Order } from '../domain/store/entities';
import { checkItemCounts, orderAfter, requireOrder, requirePaymentMethod } from './checks';
import { priceItemPairs } from './item-pairs';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface ChangeOrderItemsInput {
  orderId: string;
  /** The order's items to change; an id may repeat when the order holds it more than once. */
  itemIds: readonly string[];
  /** One new variant per item id, in the same position, each of the same product. */
  newItemIds: readonly string[];
  /** Pays, or receives, the price difference. */
  paymentMethodId: string;
}

/**
 * Changes items of a pending order into other available variants of the same products, all at once:
 * it works once per order (the order becomes `pending (item modified)`). The price difference is
 * charged to or refunded to the given method; a gift card must cover it.
 */
export function changeOrderItems(db: Knex, { orderId, itemIds, newItemIds, paymentMethodId }: ChangeOrderItemsInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (order.status !== 'pending') throw new ActionRefused('Non-pending order cannot be modified');
    checkItemCounts(order, itemIds, (itemId) => `${itemId} not found`);
    if (itemIds.length !== newItemIds.length) throw new ActionRefused('The number of items to be exchanged should match');
    const { pairs, differenceCents } = await priceItemPairs(trx, order, itemIds, newItemIds, { rejectSameItem: true });
    const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
    if (method.source === 'gift_card' && method.balanceCents < differenceCents) {
      throw new ActionRefused('Insufficient gift card balance to pay for the new item');
    }

    if (!(await updateOrderIfStatus(trx, orderId, order.status, { status: ORDER_STATUS.itemsModified }))) throw new WriteConflict();
    // A zero difference is recorded as a refund of 0, as the reference does.
    await appendPayments(trx, orderId, [
      {
        transactionType: differenceCents > 0 ? 'payment' : 'refund',
        amount: { cents: Math.abs(differenceCents), json: null },
        paymentMethodId,
      },
    ]);
    if (method.source === 'gift_card' && !(await adjustGiftCardBalance(trx, method.id, -differenceCents, differenceCents))) {
      throw new WriteConflict();
    }
    // Each pair rewrites the first item that has the old id at that moment (so an earlier pair's
    // result can be picked up by a later one, as in the reference), and gives it the new variant's
    // own price and options. The reference gives every rewritten item the LAST pair's price and
    // options; that is its bug, not the rule (see the shared tau-retail db/README.md).
    const itemIdsNow = order.items.map((item) => item.itemId);
    for (const { oldItemId, newVariant } of pairs) {
      const index = itemIdsNow.indexOf(oldItemId);
      const item = order.items[index];
      if (!item) throw new Error(`order ${orderId} lost item ${oldItemId} while it was being modified`);
      itemIdsNow[index] = newVariant.itemId;
      await replaceOrderItem(trx, orderId, item.position, { itemId: newVariant.itemId, priceCents: newVariant.priceCents, options: newVariant.options });
    }
    return orderAfter(trx, orderId);
  });
}
