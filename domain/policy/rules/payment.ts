/** Which payment method: the customer's own; a gift card must cover what it pays; refunds go where policy says. */
import { deny } from '../decision';
import { findPaymentMethod, giftCardBalanceCents, originalPaymentMethodId } from '../records';
import type { Customer, Deny, MoneyMovement, Order, PaymentMethod } from '../types';
import { money } from '../../messages';
import { words, type Wording } from '../wording';

export function requireOwnedPaymentMethod(customer: Customer, paymentMethodId: string): PaymentMethod | Deny {
  return (
    findPaymentMethod(customer.paymentMethods, paymentMethodId) ??
    deny('payment-method-ownership', words('Payment method {paymentMethodId} is not one of the customer’s payment methods.', { paymentMethodId }))
  );
}

/** What a gift card would pay for, each a whole sentence of its own in every language. */
const GIFT_CARD_SHORT = {
  'the order': 'Gift card {id} has {balance}, not enough to pay {amount} for the order.',
  'the new items': 'Gift card {id} has {balance}, not enough to pay {amount} for the new items.',
  'the price difference': 'Gift card {id} has {balance}, not enough to pay {amount} for the price difference.',
} as const satisfies Record<string, Wording['key']>;
export type GiftCardPurpose = keyof typeof GIFT_CARD_SHORT;

/** A gift card that pays must hold at least the amount (an equal balance is enough). */
export function checkGiftCardCovers(method: PaymentMethod, amountCents: number, what: GiftCardPurpose): Deny | undefined {
  const balance = giftCardBalanceCents(method);
  if (balance === undefined || amountCents <= 0 || balance >= amountCents) return undefined;
  return deny('gift-card-balance', words(GIFT_CARD_SHORT[what], { id: method.id, balance: money(balance), amount: money(amountCents) }));
}

/** Refunds (returns, goodwill) go to the order's original payment method or to one of the customer's gift cards. */
export function checkRefundDestination(order: Order, method: PaymentMethod): Deny | undefined {
  const original = originalPaymentMethodId(order);
  if (method.source === 'gift_card' || method.id === original) return undefined;
  return deny(
    'refund-destination',
    original === undefined
      ? words('A refund for order {orderId} must go to its original payment method (none on record) or to a gift card, not to {paymentMethodId}.', { orderId: order.id, paymentMethodId: method.id })
      : words('A refund for order {orderId} must go to its original payment method ({original}) or to a gift card, not to {paymentMethodId}.', {
          orderId: order.id,
          original,
          paymentMethodId: method.id,
        }),
  );
}

/** The one payment a pending order has: the new method must differ from it. */
export function checkPaymentMethodChanges(order: Order, method: PaymentMethod): Deny | undefined {
  if (method.id !== originalPaymentMethodId(order)) return undefined;
  return deny('payment-method-unchanged', words('Order {orderId} is already paid with {paymentMethodId}; choose a different payment method.', { orderId: order.id, paymentMethodId: method.id }));
}

/** A price difference is paid by, or refunded to, the chosen method. */
export function differenceMovements(paymentMethodId: string, differenceCents: number): { charges: MoneyMovement[]; refunds: MoneyMovement[] } {
  if (differenceCents > 0) return { charges: [{ paymentMethodId, amountCents: differenceCents }], refunds: [] };
  if (differenceCents < 0) return { charges: [], refunds: [{ paymentMethodId, amountCents: -differenceCents }] };
  return { charges: [], refunds: [] };
}
