import { z } from 'zod';
import { lockOrder, replaceRequestedItems, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { checkItemCounts, orderRecord, requireOrder, requirePaymentMethod, sortedIds } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';
import { priceItemPairs } from './item-exchange';

export const exchangeDeliveredOrderItems = defineTool({
  name: 'exchange_delivered_order_items',
  kind: 'write',
  description:
    'Request the exchange of items of a delivered order for other available variants of the same products, all in one call (it works ' +
    'once per order); the customer then gets an email on how to send the old items back. The price difference is charged to or ' +
    "refunded to the given payment method; a gift card must cover it. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    item_ids: z.array(z.string()).describe("The ids of the order's items to exchange; an id may repeat when the order holds it more than once."),
    new_item_ids: z.array(z.string()).describe('The ids of the new variants, one per item id in the same position, each of the same product.'),
    payment_method_id: z.string().describe("The customer's payment method that pays or receives the price difference."),
  }),
  handler: (db, { order_id: orderId, item_ids: itemIds, new_item_ids: newItemIds, payment_method_id: paymentMethodId }) =>
    writeTransaction(db, async (trx) => {
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (order.status !== 'delivered') throw new ToolError('Non-delivered order cannot be exchanged');
      checkItemCounts(order, itemIds, (itemId) => `Number of ${itemId} not found.`);
      if (itemIds.length !== newItemIds.length) throw new ToolError('The number of items to be exchanged should match.');
      // Unlike modify, exchanging an item for the same item id is not refused here (nor by the reference).
      const { differenceCents } = await priceItemPairs(trx, order, itemIds, newItemIds, { rejectSameItem: false });
      const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
      if (method.source === 'gift_card' && method.balanceCents < differenceCents) {
        throw new ToolError('Insufficient gift card balance to pay for the price difference');
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
      return orderRecord(trx, orderId);
    }),
});
