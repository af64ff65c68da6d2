import type { Knex } from 'knex';
import type {
  CustomerPhoneRow,
  AddressRow,
  CustomerRow,
  FulfillmentItemRow,
  FulfillmentRow,
  FulfillmentTrackingIdRow,
  OrderItemOptionRow,
  OrderItemRow,
  OrderRequestedItemRow,
  OrderRow,
  PaymentMethodRow,
  PaymentTransactionRow,
  ProductRow,
  VariantOptionRow,
  VariantRow,
} from './rows';

/**
 * Loads customers, products and orders with their child rows, every list in its stored order, in a
 * few queries per table (never one per record). Each loader takes an optional list of ids; without
 * it, it loads everything (for export). The entity readers (read-entities.ts) and the tau writer
 * (tau/store) both build on these.
 */

export type AddressColumns = Omit<AddressRow, 'id'>;
const ADDRESS_COLUMNS = ['address1', 'address2', 'city', 'country', 'state', 'zip'] as const;

export interface CustomerRows {
  customer: CustomerRow & AddressColumns;
  /** The number on file, if any (a store import gives at most one). */
  phone?: string;
  paymentMethods: PaymentMethodRow[];
  orderIds: string[];
}

export interface ProductRows {
  product: ProductRow;
  variants: { variant: VariantRow; options: VariantOptionRow[] }[];
}

export interface OrderRows {
  order: OrderRow & AddressColumns;
  items: { item: OrderItemRow; options: OrderItemOptionRow[] }[];
  fulfillments: { trackingIds: string[]; itemIds: string[] }[];
  payments: PaymentTransactionRow[];
  requested: Record<OrderRequestedItemRow['list'], string[]>;
}

const onlyIds =
  (column: string, ids: readonly string[] | undefined) =>
  (query: Knex.QueryBuilder): void => {
    if (ids !== undefined) void query.whereIn(column, [...ids]);
  };

export async function loadCustomerRows(db: Knex, customerIds?: readonly string[]): Promise<CustomerRows[]> {
  const customers: (CustomerRow & AddressColumns)[] = await db('customers')
    .join('addresses', 'addresses.id', 'customers.address_id')
    .select('customers.*', ...ADDRESS_COLUMNS.map((column) => `addresses.${column}`))
    .modify(onlyIds('customers.id', customerIds))
    .orderBy('customers.position');
  const methodRows: PaymentMethodRow[] = await db('payment_methods')
    .modify(onlyIds('customer_id', customerIds))
    .orderBy(['customer_id', 'position']);
  const methods = groupBy(methodRows, (row) => row.customer_id);
  const orderRows: Pick<OrderRow, 'id' | 'customer_id'>[] = await db('orders')
    .select('id', 'customer_id')
    .modify(onlyIds('customer_id', customerIds))
    .orderBy('position');
  const orderIds = groupBy(orderRows, (row) => row.customer_id);
  const phoneRows: CustomerPhoneRow[] = await db('customer_phones').modify(onlyIds('customer_id', customerIds)).orderBy('phone');
  const phones = groupBy(phoneRows, (row) => row.customer_id);
  return customers.map((customer) => ({
    customer,
    phone: phones.get(customer.id)?.[0]?.phone,
    paymentMethods: methods.get(customer.id) ?? [],
    orderIds: (orderIds.get(customer.id) ?? []).map((order) => order.id),
  }));
}

export async function loadProductRows(db: Knex, productIds?: readonly string[]): Promise<ProductRows[]> {
  const products: ProductRow[] = await db('products').modify(onlyIds('id', productIds)).orderBy('position');
  const variantRows: VariantRow[] = await db('variants')
    .modify(onlyIds('product_id', productIds))
    .orderBy(['product_id', 'position']);
  const variants = groupBy(variantRows, (row) => row.product_id);
  const optionRows: VariantOptionRow[] = await db('variant_options')
    .modify((query: Knex.QueryBuilder) => {
      if (productIds !== undefined) void query.whereIn('variant_id', db('variants').select('id').whereIn('product_id', [...productIds]));
    })
    .orderBy(['variant_id', 'position']);
  const options = groupBy(optionRows, (row) => row.variant_id);
  return products.map((product) => ({
    product,
    variants: (variants.get(product.id) ?? []).map((variant) => ({ variant, options: options.get(variant.id) ?? [] })),
  }));
}

export async function loadOrderRows(db: Knex, orderIds?: readonly string[]): Promise<OrderRows[]> {
  const orders: (OrderRow & AddressColumns)[] = await db('orders')
    .join('addresses', 'addresses.id', 'orders.shipping_address_id')
    .select('orders.*', ...ADDRESS_COLUMNS.map((column) => `addresses.${column}`))
    .modify(onlyIds('orders.id', orderIds))
    .orderBy('orders.position');
  const children = async <Row extends { order_id: string }>(table: string, order: string[]): Promise<Map<string, Row[]>> => {
    const rows: Row[] = await db(table).modify(onlyIds('order_id', orderIds)).orderBy(['order_id', ...order]);
    return groupBy(rows, (row) => row.order_id);
  };

  const items = await children<OrderItemRow>('order_items', ['position']);
  const itemOptions = await children<OrderItemOptionRow>('order_item_options', ['item_position', 'position']);
  const fulfillments = await children<FulfillmentRow>('fulfillments', ['position']);
  const trackingIds = await children<FulfillmentTrackingIdRow>('fulfillment_tracking_ids', ['fulfillment_position', 'position']);
  const fulfilledItems = await children<FulfillmentItemRow>('fulfillment_items', ['fulfillment_position', 'position']);
  const payments = await children<PaymentTransactionRow>('payment_transactions', ['position']);
  const requestedItems = await children<OrderRequestedItemRow>('order_requested_items', ['list', 'position']);

  return orders.map((order) => {
    const of = <Row>(grouped: Map<string, Row[]>): Row[] => grouped.get(order.id) ?? [];
    const requested = (list: OrderRequestedItemRow['list']): string[] =>
      of(requestedItems).filter((item) => item.list === list).map((item) => item.item_id);
    return {
      order,
      items: of(items).map((item) => ({ item, options: of(itemOptions).filter((option) => option.item_position === item.position) })),
      fulfillments: of(fulfillments).map((fulfillment) => ({
        trackingIds: of(trackingIds)
          .filter((tracking) => tracking.fulfillment_position === fulfillment.position)
          .map((tracking) => tracking.tracking_id),
        itemIds: of(fulfilledItems)
          .filter((item) => item.fulfillment_position === fulfillment.position)
          .map((item) => item.item_id),
      })),
      payments: of(payments),
      requested: { exchange_items: requested('exchange_items'), exchange_new_items: requested('exchange_new_items'), return_items: requested('return_items') },
    };
  });
}

export function addressOf(row: AddressColumns): AddressColumns {
  return { address1: row.address1, address2: row.address2, city: row.city, country: row.country, state: row.state, zip: row.zip };
}

/** A column that the row's kind requires (a credit card's brand, a gift card's balance). */
export function present<T>(value: T | null, row: PaymentMethodRow, column: string): T {
  if (value === null) throw new Error(`payment method ${row.id} (${row.source}) has no ${column}`);
  return value;
}

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
