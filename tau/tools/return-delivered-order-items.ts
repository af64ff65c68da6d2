import { z } from 'zod';
import { requestReturn } from '../../store-actions/request-return';
import { orderDetailsAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';

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
      await requestReturn(trx, { orderId, itemIds, paymentMethodId });
      return orderDetailsAfter(trx, orderId);
    }),
});
