import { z } from 'zod';
import { adjustGiftCardBalance, appendPayments, lockOrder, replaceOrderItem, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { checkItemCounts, orderRecord, requireOrder, requirePaymentMethod } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';
import { priceItemPairs } from './item-exchange';

export const ITEMS_MODIFIED_STATUS = 'pending (item modified)';

export const modifyPendingOrderItems = defineTool({
  name: 'modify_pending_order_items',
  kind: 'write',
  description:
    'Change items of a pending order into other available variants of the same products, all in one call: it works once per order, ' +
    'and the order can then no longer be cancelled or changed but for its address. The price difference is charged to or refunded ' +
    "to the given payment method; a gift card must cover it. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    item_ids: z.array(z.string()).describe("The ids of the order's items to change, such as ['1008292230']; an id may repeat when the order holds it more than once."),
    new_item_ids: z.array(z.string()).describe('The ids of the new variants, one per item id in the same position, each of the same product.'),
    payment_method_id: z.string().describe("The customer's payment method that pays or receives the price difference."),
  }),
  handler: (db, { order_id: orderId, item_ids: itemIds, new_item_ids: newItemIds, payment_method_id: paymentMethodId }) =>
    writeTransaction(db, async (trx) => {
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (order.status !== 'pending') throw new ToolError('Non-pending order cannot be modified');
      checkItemCounts(order, itemIds, (itemId) => `${itemId} not found`);
      if (itemIds.length !== newItemIds.length) throw new ToolError('The number of items to be exchanged should match');
      const { pairs, differenceCents } = await priceItemPairs(trx, order, itemIds, newItemIds, { rejectSameItem: true });
      const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
      if (method.source === 'gift_card' && method.balanceCents < differenceCents) {
        throw new ToolError('Insufficient gift card balance to pay for the new item');
      }

      if (!(await updateOrderIfStatus(trx, orderId, order.status, { status: ITEMS_MODIFIED_STATUS }))) throw new WriteConflict();
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
      return orderRecord(trx, orderId);
    }),
});
