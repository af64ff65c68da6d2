import { z } from 'zod';
import { changeOrderPayment } from '../../store-actions/change-order-payment';
import { orderDetailsAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';

export const modifyPendingOrderPayment = defineTool({
  name: 'modify_pending_order_payment',
  kind: 'write',
  description:
    "Pay a pending order with another of the customer's payment methods: the new one is charged the order total and the old one refunded " +
    "(a gift card at once). Works once per order, and not after its items were modified; a gift card must cover the total. " +
    "Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    payment_method_id: z.string().describe("The customer's payment method to pay with, such as 'gift_card_0000000' or 'credit_card_0000000'."),
  }),
  handler: (db, { order_id: orderId, payment_method_id: paymentMethodId }) =>
    writeTransaction(db, async (trx) => {
      await changeOrderPayment(trx, { orderId, paymentMethodId });
      return orderDetailsAfter(trx, orderId);
    }),
});
