/** The store's tables as rows (snake_case, as in the migrations), in an order where parents come before children. */

export interface AddressRow {
  id: string;
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

export interface CustomerRow {
  id: string;
  position: number;
  first_name: string;
  last_name: string;
  email: string;
  address_id: string;
}

/** Migration 017: the numbers a customer calls or texts from. */
export interface CustomerPhoneRow {
  phone: string;
  customer_id: string;
}

export interface PaymentMethodRow {
  id: string;
  customer_id: string;
  position: number;
  source: 'credit_card' | 'gift_card' | 'paypal';
  brand: string | null;
  last_four: string | null;
  balance_cents: number | null;
}

export interface ProductRow {
  id: string;
  position: number;
  name: string;
}

export interface VariantRow {
  id: string;
  product_id: string;
  position: number;
  /** SQLite gives booleans back as 0/1. */
  available: boolean | number;
  price_cents: number;
}

export interface VariantOptionRow {
  variant_id: string;
  position: number;
  name: string;
  value: string;
}

export interface OrderRow {
  id: string;
  position: number;
  customer_id: string;
  shipping_address_id: string;
  status: string;
  cancel_reason: string | null;
  exchange_payment_method_id: string | null;
  exchange_price_difference_cents: number | null;
  exchange_price_difference_json: string | null;
  return_payment_method_id: string | null;
}

export interface OrderItemRow {
  order_id: string;
  position: number;
  product_id: string;
  item_id: string;
  name: string;
  price_cents: number;
}

export interface OrderItemOptionRow {
  order_id: string;
  item_position: number;
  position: number;
  name: string;
  value: string;
}

export interface FulfillmentRow {
  order_id: string;
  position: number;
}

export interface FulfillmentTrackingIdRow {
  order_id: string;
  fulfillment_position: number;
  position: number;
  tracking_id: string;
}

export interface FulfillmentItemRow {
  order_id: string;
  fulfillment_position: number;
  position: number;
  item_id: string;
}

export interface PaymentTransactionRow {
  order_id: string;
  position: number;
  transaction_type: 'payment' | 'refund';
  amount_cents: number;
  amount_json: string | null;
  payment_method_id: string;
}

export type RequestedItemList = 'exchange_items' | 'exchange_new_items' | 'return_items';

export interface OrderRequestedItemRow {
  order_id: string;
  list: RequestedItemList;
  position: number;
  item_id: string;
}

export interface StoreRows {
  addresses: AddressRow[];
  customers: CustomerRow[];
  customer_phones: CustomerPhoneRow[];
  payment_methods: PaymentMethodRow[];
  products: ProductRow[];
  variants: VariantRow[];
  variant_options: VariantOptionRow[];
  orders: OrderRow[];
  order_items: OrderItemRow[];
  order_item_options: OrderItemOptionRow[];
  fulfillments: FulfillmentRow[];
  fulfillment_tracking_ids: FulfillmentTrackingIdRow[];
  fulfillment_items: FulfillmentItemRow[];
  payment_transactions: PaymentTransactionRow[];
  order_requested_items: OrderRequestedItemRow[];
}

/** Parents before children: insert in this order, delete in reverse. */
export const STORE_TABLES: readonly (keyof StoreRows)[] = [
  'addresses',
  'customers',
  'customer_phones',
  'payment_methods',
  'products',
  'variants',
  'variant_options',
  'orders',
  'order_items',
  'order_item_options',
  'fulfillments',
  'fulfillment_tracking_ids',
  'fulfillment_items',
  'payment_transactions',
  'order_requested_items',
];
