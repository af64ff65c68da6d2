/** Which payment method: the customer's own; a gift card must cover what it pays; refunds go where policy says. */
import { deny } from '../decision';
import { formatCents } from '../money';
import { findPaymentMethod, giftCardBalanceCents, originalPaymentMethodId } from '../records';
import type { Customer, Deny, MoneyMovement, Order, PaymentMethod } from '../types';

export function requireOwnedPaymentMethod(customer: Customer, paymentMethodId: string): PaymentMethod | Deny {
  return (
    findPaymentMethod(customer.paymentMethods, paymentMethodId) ??
    deny('payment-method-ownership', `Payment method ${paymentMethodId} is not one of the customer’s payment methods.`)
  );
}

/** A gift card that pays must hold at least the amount (an equal balance is enough). */
export function checkGiftCardCovers(method: PaymentMethod, amountCents: number, what: string): Deny | undefined {
  const balance = giftCardBalanceCents(method);
  if (balance === undefined || amountCents <= 0 || balance >= amountCents) return undefined;
  return deny(
    'gift-card-balance',
    `Gift card ${method.id} has ${formatCents(balance)}, not enough to pay ${formatCents(amountCents)} for ${what}.`,
  );
}

/** Refunds (returns, goodwill) go to the order's original payment method or to one of the customer's gift cards. */
export function checkRefundDestination(order: Order, method: PaymentMethod): Deny | undefined {
  const original = originalPaymentMethodId(order);
  if (method.source === 'gift_card' || method.id === original) return undefined;
  return deny(
    'refund-destination',
    `A refund for order ${order.id} must go to its original payment method (${original ?? 'none on record'}) or to a gift card, not to ${method.id}.`,
  );
}

/** The one payment a pending order has: the new method must differ from it. */
export function checkPaymentMethodChanges(order: Order, method: PaymentMethod): Deny | undefined {
  if (method.id !== originalPaymentMethodId(order)) return undefined;
  return deny('payment-method-unchanged', `Order ${order.id} is already paid with ${method.id}; choose a different payment method.`);
}

/** A price difference is paid by, or refunded to, the chosen method. */
export function differenceMovements(paymentMethodId: string, differenceCents: number): { charges: MoneyMovement[]; refunds: MoneyMovement[] } {
  if (differenceCents > 0) return { charges: [{ paymentMethodId, amountCents: differenceCents }], refunds: [] };
  if (differenceCents < 0) return { charges: [], refunds: [{ paymentMethodId, amountCents: -differenceCents }] };
  return { charges: [], refunds: [] };
}
