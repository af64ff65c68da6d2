/**
 * The store's entities as the product sees them: camelCase, money in integer cents, lists in stored
 * order. The policy engine, the action layer and the activities speak these; the tau-bench format
 * (snake_case, dollars, Maps keyed by id) exists only at the edge, in `tau/`.
 *
 * Everything here is plain JSON (no Maps), so an entity survives a Temporal payload round trip as it is.
 */

export interface Address {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

export type PaymentMethod =
  | { source: 'credit_card'; id: string; brand: string; lastFour: string }
  | { source: 'gift_card'; id: string; balanceCents: number }
  | { source: 'paypal'; id: string };

export type PaymentSource = PaymentMethod['source'];

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The default address. */
  address: Address;
  /** In account order. */
  paymentMethods: PaymentMethod[];
  orderIds: string[];
}

/** An option of a variant, such as `['size', 'M']`; a variant's options keep their stored order. */
export type VariantOption = readonly [name: string, value: string];

export interface Variant {
  itemId: string;
  options: VariantOption[];
  available: boolean;
  priceCents: number;
}

export interface Product {
  id: string;
  name: string;
  variants: Variant[];
}

export interface OrderItem {
  itemId: string;
  productId: string;
  name: string;
  priceCents: number;
  options: VariantOption[];
}

export interface Fulfillment {
  trackingIds: string[];
  itemIds: string[];
}

export interface Payment {
  kind: 'payment' | 'refund';
  amountCents: number;
  paymentMethodId: string;
}

export interface Order {
  id: string;
  customerId: string;
  /** Where the order ships. */
  address: Address;
  items: OrderItem[];
  status: string;
  fulfillments: Fulfillment[];
  /** Payments and refunds, oldest first. */
  payments: Payment[];
  cancelReason: string | null;
  /** Set once an exchange was requested: what goes back, what comes instead, who pays the difference. */
  exchange: { itemIds: string[]; newItemIds: string[]; paymentMethodId: string; priceDifferenceCents: number | null } | null;
  /** Set once a return was requested. */
  return: { itemIds: string[]; paymentMethodId: string } | null;
}
