import type { Knex } from 'knex';
import { adjustGiftCardBalance, appendPayments, lockOrder, updateOrderIfStatus, type NewPayment } from '../db/repositories/commerce-writes';
import { CANCEL_REASONS } from '../domain/policy/types';
import type { Order } from '../domain/store/entities';
import { orderAfter, requireOrder, requirePaymentMethod } from './checks';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface CancelOrderInput {
  orderId: string;
  /** One of CANCEL_REASONS. */
  reason: string;
}

/** Cancels a pending order: every payment is refunded to where it came from, a gift card at once. */
export function cancelOrder(db: Knex, { orderId, reason }: CancelOrderInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (order.status !== 'pending') throw new ActionRefused('Non-pending order cannot be cancelled');
    if (!(CANCEL_REASONS as readonly string[]).includes(reason)) throw new ActionRefused('Invalid reason');

    // Every entry of the history is refunded, refunds included (the reference does so too).
    const refunds: NewPayment[] = [];
    for (const payment of order.payments) {
      const method = await requirePaymentMethod(trx, order.customerId, payment.paymentMethodId);
      if (method.source === 'gift_card') await adjustGiftCardBalance(trx, method.id, payment.amount.cents);
      refunds.push({ transactionType: 'refund', amount: payment.amount, paymentMethodId: payment.paymentMethodId });
    }
    if (!(await updateOrderIfStatus(trx, orderId, order.status, { status: 'cancelled', cancel_reason: reason }))) throw new WriteConflict();
    await appendPayments(trx, orderId, refunds);
    return orderAfter(trx, orderId);
  });
}
