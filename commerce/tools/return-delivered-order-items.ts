import { z } from 'zod';
import { lockOrder, replaceRequestedItems, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { checkItemCounts, orderRecord, requireOrder, requirePaymentMethod, sortedIds } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';

export const returnDeliveredOrderItems = defineTool({
  name: 'return_delivered_order_items',
  kind: 'write',
  description:
    "Request the return of items of a delivered order; the customer then gets an email on how to send them back. The refund goes to the " +
    "order's original payment method or to one of the customer's gift cards. Works once per order. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    item_ids: z.array(z.string()).describe("The ids of the order's items to return; an id may repeat when the order holds it more than once."),
    payment_method_id: z.string().describe("The original payment method of the order, or one of the customer's gift cards, for the refund."),
  }),
  handler: (db, { order_id: orderId, item_ids: itemIds, payment_method_id: paymentMethodId }) =>
    writeTransaction(db, async (trx) => {
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (order.status !== 'delivered') throw new ToolError('Non-delivered order cannot be returned');
      const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
      if (method.source !== 'gift_card') {
        const original = order.payments[0];
        // Python indexes payment_history[0] without a check.
        if (!original) throw new ToolError('list index out of range');
        if (paymentMethodId !== original.paymentMethodId) throw new ToolError('Payment method should be the original payment method');
      }
      checkItemCounts(order, itemIds, () => 'Some item not found');

      const changes = { status: 'return requested', return_payment_method_id: paymentMethodId };
      if (!(await updateOrderIfStatus(trx, orderId, order.status, changes))) throw new WriteConflict();
      await replaceRequestedItems(trx, orderId, 'return_items', sortedIds(itemIds));
      return orderRecord(trx, orderId);
    }),
});
