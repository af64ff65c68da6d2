import type { Knex } from 'knex';
import { adjustGiftCardBalance, appendPayments, lockOrder, updateOrderIfStatus } from '../db/repositories/commerce-writes';
import type { Order } from '../domain/store/entities';
import { orderAfter, requireOrder, requirePaymentMethod } from './checks';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface ChangeOrderPaymentInput {
  orderId: string;
  /** The customer's method that pays the order from now on. */
  paymentMethodId: string;
}

/**
 * Pays a pending order with another of the customer's methods: the new one is charged the order's one
 * payment in full and the old one refunded (a gift card at once). A gift card must cover the total.
 */
export function changeOrderPayment(db: Knex, { orderId, paymentMethodId }: ChangeOrderPaymentInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (!order.status.includes('pending')) throw new ActionRefused('Non-pending order cannot be modified');
    const method = await requirePaymentMethod(trx, order.customerId, paymentMethodId);
    const [original, ...later] = order.payments;
    if (!original || later.length > 0 || original.transactionType !== 'payment') {
      throw new ActionRefused('There should be exactly one payment for a pending order');
    }
    if (original.paymentMethodId === paymentMethodId) throw new ActionRefused('The new payment method should be different from the current one');
    const amount = original.amount;
    if (method.source === 'gift_card' && method.balanceCents < amount.cents) {
      throw new ActionRefused('Insufficient gift card balance to pay for the order');
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
    return orderAfter(trx, orderId);
  });
}
