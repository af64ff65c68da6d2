import type { Knex } from 'knex';
import type { StoredAmount } from '../money';
import type { CustomerRow, OrderItemRow, OrderRow, PaymentMethodRow, PaymentTransactionRow, VariantRow } from '../store/rows';

/**
 * The narrow reads the retail tools decide on: camelCase views of the store's rows, with money in
 * integer cents. The tools' output records (the tau format) come from store-queries.ts instead.
 */

/** Every customer's id and email, in stored order (the reference scans users in that order and takes the first match). */
export async function listCustomerEmails(db: Knex): Promise<{ id: string; email: string }[]> {
  return db('customers').select('id', 'email').orderBy('position');
}

export interface CustomerName {
  id: string;
  firstName: string;
  lastName: string;
}

/** The customers whose default address has this zip code, in stored order. */
export async function listCustomersByZip(db: Knex, zip: string): Promise<CustomerName[]> {
  const rows: Pick<CustomerRow, 'id' | 'first_name' | 'last_name'>[] = await db('customers')
    .join('addresses', 'addresses.id', 'customers.address_id')
    .where('addresses.zip', zip)
    .select('customers.id', 'customers.first_name', 'customers.last_name')
    .orderBy('customers.position');
  return rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name }));
}

export async function customerExists(db: Knex, customerId: string): Promise<boolean> {
  return (await db('customers').where({ id: customerId }).first('id')) !== undefined;
}

export interface OrderItemState {
  position: number;
  itemId: string;
  productId: string;
  priceCents: number;
}

export interface PaymentState {
  position: number;
  transactionType: 'payment' | 'refund';
  amount: StoredAmount;
  paymentMethodId: string;
}

export interface OrderState {
  id: string;
  customerId: string;
  status: string;
  items: OrderItemState[];
  payments: PaymentState[];
}

/** An order's status, items and payment history, each list in stored order. */
export async function getOrderState(db: Knex, orderId: string): Promise<OrderState | undefined> {
  const order: Pick<OrderRow, 'id' | 'customer_id' | 'status'> | undefined = await db('orders')
    .where({ id: orderId })
    .first('id', 'customer_id', 'status');
  if (!order) return undefined;
  const items: OrderItemRow[] = await db('order_items').where({ order_id: orderId }).orderBy('position');
  const payments: PaymentTransactionRow[] = await db('payment_transactions').where({ order_id: orderId }).orderBy('position');
  return {
    id: order.id,
    customerId: order.customer_id,
    status: order.status,
    items: items.map((item) => ({ position: item.position, itemId: item.item_id, productId: item.product_id, priceCents: item.price_cents })),
    payments: payments.map((payment) => ({
      position: payment.position,
      transactionType: payment.transaction_type,
      amount: { cents: payment.amount_cents, json: payment.amount_json },
      paymentMethodId: payment.payment_method_id,
    })),
  };
}

export type PaymentMethodState =
  | { id: string; source: 'gift_card'; balanceCents: number }
  | { id: string; source: 'credit_card' | 'paypal' };

/** One of the customer's payment methods; undefined when the id is not among that customer's methods. */
export async function getCustomerPaymentMethod(db: Knex, customerId: string, paymentMethodId: string): Promise<PaymentMethodState | undefined> {
  const row: PaymentMethodRow | undefined = await db('payment_methods').where({ id: paymentMethodId, customer_id: customerId }).first();
  if (!row) return undefined;
  if (row.source === 'gift_card') return { id: row.id, source: 'gift_card', balanceCents: row.balance_cents ?? 0 };
  return { id: row.id, source: row.source };
}

export interface CatalogVariant {
  itemId: string;
  productId: string;
  available: boolean;
  priceCents: number;
  /** Option name and value pairs, in stored order. */
  options: [string, string][];
}

/** A variant with its options, looked up by item id across all products. */
export async function findCatalogVariant(db: Knex, itemId: string): Promise<CatalogVariant | undefined> {
  const row: VariantRow | undefined = await db('variants').where({ id: itemId }).first();
  return row && toCatalogVariant(db, row);
}

export type ProductVariantLookup = { found: 'no-product' } | { found: 'no-variant' } | { found: 'variant'; variant: CatalogVariant };

/** A variant of one product: tells a missing product apart from an item id that is not a variant of it. */
export async function findProductVariant(db: Knex, productId: string, itemId: string): Promise<ProductVariantLookup> {
  const row: VariantRow | undefined = await db('variants').where({ id: itemId, product_id: productId }).first();
  if (row) return { found: 'variant', variant: await toCatalogVariant(db, row) };
  const product = await db('products').where({ id: productId }).first('id');
  return { found: product ? 'no-variant' : 'no-product' };
}

/** Every product's name and id, in stored order. */
export async function listProductTypes(db: Knex): Promise<{ name: string; productId: string }[]> {
  const rows: { id: string; name: string }[] = await db('products').select('id', 'name').orderBy('position');
  return rows.map((row) => ({ name: row.name, productId: row.id }));
}

async function toCatalogVariant(db: Knex, row: VariantRow): Promise<CatalogVariant> {
  const options: { name: string; value: string }[] = await db('variant_options')
    .where({ variant_id: row.id })
    .select('name', 'value')
    .orderBy('position');
  return {
    itemId: row.id,
    productId: row.product_id,
    available: Boolean(row.available),
    priceCents: row.price_cents,
    options: options.map((option) => [option.name, option.value]),
  };
}
