import { z } from 'zod';
import { cancelOrder } from '../../store-actions/cancel-order';
import { orderDetailsAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';

export const cancelPendingOrder = defineTool({
  name: 'cancel_pending_order',
  kind: 'write',
  description:
    "Cancel a pending order. Every payment is refunded to where it came from: to a gift card at once, to other methods in 5-7 business days. " +
    "The reason must be 'no longer needed' or 'ordered by mistake'. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    reason: z.string().describe("'no longer needed' or 'ordered by mistake'."),
  }),
  handler: (db, { order_id: orderId, reason }) =>
    writeTransaction(db, async (trx) => {
      await cancelOrder(trx, { orderId, reason });
      return orderDetailsAfter(trx, orderId);
    }),
});
