/** Read-only lookups over the store entities the engine is given. */
import type { MoneyMovement, Order, OrderItem, PaymentMethod, Product, Variant } from './types';

export function countOf(ids: readonly string[], id: string): number {
  return ids.filter((each) => each === id).length;
}

/** The first order item with this id (the reference pairs a changed item with the first match). */
export function orderItem(order: Order, itemId: string): OrderItem | undefined {
  return order.items.find((item) => item.itemId === itemId);
}

export function findProduct(products: readonly Product[], productId: string): Product | undefined {
  return products.find((product) => product.id === productId);
}

export function findVariant(product: Product, itemId: string): Variant | undefined {
  return product.variants.find((variant) => variant.itemId === itemId);
}

export function findPaymentMethod(methods: readonly PaymentMethod[], id: string): PaymentMethod | undefined {
  return methods.find((method) => method.id === id);
}

export function giftCardBalanceCents(method: PaymentMethod): number | undefined {
  return method.source === 'gift_card' ? method.balanceCents : undefined;
}

/** The method of the order's first payment: where the reference sends refunds by default. */
export function originalPaymentMethodId(order: Order): string | undefined {
  return order.payments[0]?.paymentMethodId;
}

/** Payments minus refunds, per payment method, in first-seen order; methods at zero or below left out. */
export function netPaidByMethod(order: Order): MoneyMovement[] {
  const net = new Map<string, number>();
  for (const entry of order.payments) {
    const cents = entry.amountCents * (entry.kind === 'payment' ? 1 : -1);
    net.set(entry.paymentMethodId, (net.get(entry.paymentMethodId) ?? 0) + cents);
  }
  return [...net]
    .filter(([, cents]) => cents > 0)
    .map(([paymentMethodId, amountCents]) => ({ paymentMethodId, amountCents }));
}

export function sumCents(movements: readonly MoneyMovement[]): number {
  return movements.reduce((total, movement) => total + movement.amountCents, 0);
}
