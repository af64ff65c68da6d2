/** Read-only lookups over the store records the engine is given (tau shape, Map or plain object). */
import { toCents } from './money';
import type { Keyed, MoneyMovement, OrderItemRecord, OrderRecord, PaymentMethodRecord, ProductRecord, VariantRecord } from './types';

export function keyedGet<Value>(keyed: Keyed<Value>, key: string): Value | undefined {
  if (keyed instanceof Map) return (keyed as ReadonlyMap<string, Value>).get(key);
  const plain = keyed as Readonly<Record<string, Value>>;
  return Object.hasOwn(plain, key) ? plain[key] : undefined;
}

export function keyedValues<Value>(keyed: Keyed<Value>): Value[] {
  if (keyed instanceof Map) return [...(keyed as ReadonlyMap<string, Value>).values()];
  return Object.values(keyed as Readonly<Record<string, Value>>);
}

export function countOf(ids: readonly string[], id: string): number {
  return ids.filter((each) => each === id).length;
}

/** The first order item with this id (the reference pairs a changed item with the first match). */
export function orderItem(order: OrderRecord, itemId: string): OrderItemRecord | undefined {
  return order.items.find((item) => item.item_id === itemId);
}

export function findProduct(products: readonly ProductRecord[], productId: string): ProductRecord | undefined {
  return products.find((product) => product.product_id === productId);
}

export function findVariant(product: ProductRecord, itemId: string): VariantRecord | undefined {
  return keyedGet(product.variants, itemId);
}

export function findPaymentMethod(methods: Keyed<PaymentMethodRecord>, id: string): PaymentMethodRecord | undefined {
  const method = keyedGet(methods, id);
  // A record filed under one id but naming another is not trusted.
  return method && method.id === id ? method : undefined;
}

export function giftCardBalanceCents(method: PaymentMethodRecord): number | undefined {
  return method.source === 'gift_card' ? toCents(method.balance) : undefined;
}

/** The method of the order's first payment: where the reference sends refunds by default. */
export function originalPaymentMethodId(order: OrderRecord): string | undefined {
  return order.payment_history[0]?.payment_method_id;
}

/** Payments minus refunds, per payment method, in first-seen order; methods at zero or below left out. */
export function netPaidByMethod(order: OrderRecord): MoneyMovement[] {
  const net = new Map<string, number>();
  for (const entry of order.payment_history) {
    const cents = toCents(entry.amount) * (entry.transaction_type === 'payment' ? 1 : -1);
    net.set(entry.payment_method_id, (net.get(entry.payment_method_id) ?? 0) + cents);
  }
  return [...net]
    .filter(([, cents]) => cents > 0)
    .map(([paymentMethodId, amountCents]) => ({ paymentMethodId, amountCents }));
}

export function sumCents(movements: readonly MoneyMovement[]): number {
  return movements.reduce((total, movement) => total + movement.amountCents, 0);
}
