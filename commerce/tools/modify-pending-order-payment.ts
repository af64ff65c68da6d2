import { z } from 'zod';
import { adjustGiftCardBalance, appendPayments, lockOrder, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { orderRecord, requireOrder, requirePaymentMethod } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';

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
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (!order.status.includes('pending')) throw new ToolError('Non-pending order cannot be modified');
      const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
      const [original, ...later] = order.payments;
      if (!original || later.length > 0 || original.transactionType !== 'payment') {
        throw new ToolError('There should be exactly one payment for a pending order');
      }
      if (original.paymentMethodId === paymentMethodId) throw new ToolError('The new payment method should be different from the current one');
      const amount = original.amount;
      if (method.source === 'gift_card' && method.balanceCents < amount.cents) {
        throw new ToolError('Insufficient gift card balance to pay for the order');
      }

      if (!(await updateOrderIfStatus(trx, orderId, order.status, {}))) throw new WriteConflict();
      await appendPayments(trx, orderId, [
        { transactionType: 'payment', amount, paymentMethodId },
        { transactionType: 'refund', amount, paymentMethodId: original.paymentMethodId },
      ]);
      if (method.source === 'gift_card' && !(await adjustGiftCardBalance(trx, method.id, -amount.cents, amount.cents))) {
        // Another order spent the balance since it was read.
        throw new WriteConflict();
      }
      const oldMethod = await requirePaymentMethod(trx, order.customerId, original.paymentMethodId);
      if (oldMethod.source === 'gift_card') await adjustGiftCardBalance(trx, oldMethod.id, amount.cents);
      return orderRecord(trx, orderId);
    }),
});
