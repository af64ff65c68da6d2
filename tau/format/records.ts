/**
 * The tau-bench retail records (users, orders, products) and the schemas that validate them.
 *
 * Field order in these interfaces is the reference's model order, which is also the order in which
 * the records are written out. Maps keyed by data (ids, option names) are `Map`s so that their key
 * order survives (see ordered-json.ts). The schemas take the output of `parseOrderedJson`, where
 * every JSON object is a Map.
 */
import { z } from 'zod';

export interface TauAddress {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

export interface TauCreditCard {
  source: 'credit_card';
  id: string;
  brand: string;
  last_four: string;
}

export interface TauGiftCard {
  source: 'gift_card';
  id: string;
  balance: number;
}

export interface TauPaypal {
  source: 'paypal';
  id: string;
}

export type TauPaymentMethod = TauCreditCard | TauGiftCard | TauPaypal;

export interface TauUser {
  user_id: string;
  name: { first_name: string; last_name: string };
  address: TauAddress;
  email: string;
  /** Ours, not tau-bench's: the customer's phone number (E.164), so a call or a text from it identifies them for reads. */
  phone?: string;
  payment_methods: Map<string, TauPaymentMethod>;
  orders: string[];
}

export interface TauVariant {
  item_id: string;
  options: Map<string, string>;
  available: boolean;
  price: number;
}

export interface TauProduct {
  name: string;
  product_id: string;
  variants: Map<string, TauVariant>;
}

export interface TauOrderItem {
  name: string;
  product_id: string;
  item_id: string;
  price: number;
  options: Map<string, string>;
}

export interface TauFulfillment {
  tracking_id: string[];
  item_ids: string[];
}

export type TauTransactionType = 'payment' | 'refund';

export interface TauPayment {
  transaction_type: TauTransactionType;
  /** May carry float noise such as 35.52999999999997: the reference stores item-change differences unrounded. */
  amount: number;
  payment_method_id: string;
}

/** An order as the tau files hold it: the seven fields after `payment_history` are absent until a tool sets them. */
export interface TauOrder {
  order_id: string;
  user_id: string;
  address: TauAddress;
  items: TauOrderItem[];
  status: string;
  fulfillments: TauFulfillment[];
  payment_history: TauPayment[];
  cancel_reason?: string;
  exchange_items?: string[];
  exchange_new_items?: string[];
  exchange_payment_method_id?: string;
  exchange_price_difference?: number;
  return_items?: string[];
  return_payment_method_id?: string;
}

export const ORDER_OPTIONAL_FIELDS = [
  'cancel_reason',
  'exchange_items',
  'exchange_new_items',
  'exchange_payment_method_id',
  'exchange_price_difference',
  'return_items',
  'return_payment_method_id',
] as const;

type OrderOptionalField = (typeof ORDER_OPTIONAL_FIELDS)[number];

/** An order as the reference's tools return it: all 14 fields, the optional ones `null` when unset. */
export type TauOrderDetails = Omit<TauOrder, OrderOptionalField> & {
  [Field in OrderOptionalField]-?: NonNullable<TauOrder[Field]> | null;
};

export function toOrderDetails(order: TauOrder): TauOrderDetails {
  return {
    order_id: order.order_id,
    user_id: order.user_id,
    address: order.address,
    items: order.items,
    status: order.status,
    fulfillments: order.fulfillments,
    payment_history: order.payment_history,
    cancel_reason: order.cancel_reason ?? null,
    exchange_items: order.exchange_items ?? null,
    exchange_new_items: order.exchange_new_items ?? null,
    exchange_payment_method_id: order.exchange_payment_method_id ?? null,
    exchange_price_difference: order.exchange_price_difference ?? null,
    return_items: order.return_items ?? null,
    return_payment_method_id: order.return_payment_method_id ?? null,
  };
}

export interface TauStore {
  users: Map<string, TauUser>;
  orders: Map<string, TauOrder>;
  products: Map<string, TauProduct>;
}

const mapToPlainObject = (value: unknown): unknown => (value instanceof Map ? Object.fromEntries(value) : value);

/** A JSON object with fixed field names (the parser gives a Map; validate it as an object). */
const record = <Shape extends z.ZodRawShape>(shape: Shape) => z.preprocess(mapToPlainObject, z.strictObject(shape));

const orderedMap = <Value extends z.ZodType>(value: Value) => z.map(z.string(), value);

const text = z.string();
const idList = z.array(text);
// Money is stored as 32-bit integer cents (PostgreSQL's integer), so larger amounts are rejected up front on every engine.
const MAX_CENTS = 2 ** 31 - 1;
const money = z.number().refine((value) => Math.abs(value * 100) <= MAX_CENTS, `must be at most ${MAX_CENTS / 100} in absolute value`);
const wholeCents = money.refine(
  (value) => Number.isInteger(Math.round(value * 100)) && Math.round(value * 100) / 100 === value,
  'must be an amount with at most two decimals',
);
const optional = <Value extends z.ZodType>(value: Value) => value.nullish().transform((present) => present ?? undefined);

const addressSchema = record({ address1: text, address2: text, city: text, country: text, state: text, zip: text });

const paymentMethodSchema = z.preprocess(
  mapToPlainObject,
  z.discriminatedUnion('source', [
    z.strictObject({ source: z.literal('credit_card'), id: text, brand: text, last_four: text }),
    z.strictObject({ source: z.literal('gift_card'), id: text, balance: wholeCents }),
    z.strictObject({ source: z.literal('paypal'), id: text }),
  ]),
);

export const userSchema: z.ZodType<TauUser> = record({
  user_id: text,
  name: record({ first_name: text, last_name: text }),
  address: addressSchema,
  email: text,
  phone: text.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +15551234567').optional(),
  payment_methods: orderedMap(paymentMethodSchema),
  orders: idList,
});

export const productSchema: z.ZodType<TauProduct> = record({
  name: text,
  product_id: text,
  variants: orderedMap(
    record({ item_id: text, options: orderedMap(text), available: z.boolean(), price: wholeCents }),
  ),
});

const allOrNone = (present: boolean[]): boolean => present.every(Boolean) || !present.some(Boolean);

export const orderSchema: z.ZodType<TauOrder> = z.preprocess(
  mapToPlainObject,
  z
    .strictObject({
      order_id: text,
      user_id: text,
      address: addressSchema,
      items: z.array(
        record({ name: text, product_id: text, item_id: text, price: wholeCents, options: orderedMap(text) }),
      ),
      status: text.min(1),
      fulfillments: z.array(record({ tracking_id: idList, item_ids: idList })),
      payment_history: z.array(
        record({ transaction_type: z.enum(['payment', 'refund']), amount: money, payment_method_id: text }),
      ),
      cancel_reason: optional(text),
      exchange_items: optional(idList),
      exchange_new_items: optional(idList),
      exchange_payment_method_id: optional(text),
      exchange_price_difference: optional(money),
      return_items: optional(idList),
      return_payment_method_id: optional(text),
    })
    // The store records an exchange or a return as one request; a partial one could not be written back as it came.
    .refine(
      (order) =>
        allOrNone([
          order.exchange_items !== undefined,
          order.exchange_new_items !== undefined,
          order.exchange_payment_method_id !== undefined,
          order.exchange_price_difference !== undefined,
        ]),
      'exchange_items, exchange_new_items, exchange_payment_method_id and exchange_price_difference must be all set or all absent',
    )
    .refine(
      (order) => allOrNone([order.return_items !== undefined, order.return_payment_method_id !== undefined]),
      'return_items and return_payment_method_id must be both set or both absent',
    ),
);
