import { z } from 'zod';
import { adjustGiftCardBalance, appendPayments, lockOrder, updateOrderIfStatus, type NewPayment } from '../../db/repositories/commerce-writes';
import { orderRecord, requireOrder, requirePaymentMethod } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';

export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;

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
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (order.status !== 'pending') throw new ToolError('Non-pending order cannot be cancelled');
      if (!(CANCEL_REASONS as readonly string[]).includes(reason)) throw new ToolError('Invalid reason');

      // Every entry of the history is refunded, refunds included (the reference does so too).
      const refunds: NewPayment[] = [];
      for (const payment of order.payments) {
        const method = await requirePaymentMethod(trx, order.customerId, payment.paymentMethodId);
        if (method.source === 'gift_card') await adjustGiftCardBalance(trx, method.id, payment.amount.cents);
        refunds.push({ transactionType: 'refund', amount: payment.amount, paymentMethodId: payment.paymentMethodId });
      }
      if (!(await updateOrderIfStatus(trx, orderId, order.status, { status: 'cancelled', cancel_reason: reason }))) throw new WriteConflict();
      await appendPayments(trx, orderId, refunds);
      return orderRecord(trx, orderId);
    }),
});
