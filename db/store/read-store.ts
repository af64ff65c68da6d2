import type { Knex } from 'knex';
import { fromCents, fromStoredAmount } from '../money';
import type {
  TauAddress,
  TauOrder,
  TauPaymentMethod,
  TauProduct,
  TauUser,
  TauVariant,
} from '../tau-format/records';
import type {
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
 * Reads store rows back into tau records, every list and map in its stored order.
 * Each reader takes an optional list of ids; without it, it reads everything (for export).
 */

type AddressColumns = Omit<AddressRow, 'id'>;
const ADDRESS_COLUMNS = ['address1', 'address2', 'city', 'country', 'state', 'zip'] as const;

const onlyIds =
  (column: string, ids: readonly string[] | undefined) =>
  (query: Knex.QueryBuilder): void => {
    if (ids !== undefined) void query.whereIn(column, [...ids]);
  };

export async function readUsers(db: Knex, userIds?: readonly string[]): Promise<Map<string, TauUser>> {
  const customers: (CustomerRow & AddressColumns)[] = await db('customers')
    .join('addresses', 'addresses.id', 'customers.address_id')
    .select('customers.*', ...ADDRESS_COLUMNS.map((column) => `addresses.${column}`))
    .modify(onlyIds('customers.id', userIds))
    .orderBy('customers.position');
  const methodRows: PaymentMethodRow[] = await db('payment_methods')
    .modify(onlyIds('customer_id', userIds))
    .orderBy(['customer_id', 'position']);
  const methods = groupBy(methodRows, (row) => row.customer_id);
  const orderRows: Pick<OrderRow, 'id' | 'customer_id'>[] = await db('orders')
    .select('id', 'customer_id')
    .modify(onlyIds('customer_id', userIds))
    .orderBy('position');
  const orderIds = groupBy(orderRows, (row) => row.customer_id);
  return new Map(
    customers.map((row): [string, TauUser] => [
      row.id,
      {
        user_id: row.id,
        name: { first_name: row.first_name, last_name: row.last_name },
        address: toAddress(row),
        email: row.email,
        payment_methods: new Map((methods.get(row.id) ?? []).map((method) => [method.id, toPaymentMethod(method)])),
        orders: (orderIds.get(row.id) ?? []).map((order) => order.id),
      },
    ]),
  );
}

export async function readProducts(db: Knex, productIds?: readonly string[]): Promise<Map<string, TauProduct>> {
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
  const toVariant = (row: VariantRow): TauVariant => ({
    item_id: row.id,
    options: new Map((options.get(row.id) ?? []).map((option) => [option.name, option.value])),
    available: Boolean(row.available),
    price: fromCents(row.price_cents),
  });
  return new Map(
    products.map((row): [string, TauProduct] => [
      row.id,
      {
        name: row.name,
        product_id: row.id,
        variants: new Map((variants.get(row.id) ?? []).map((variant) => [variant.id, toVariant(variant)])),
      },
    ]),
  );
}

export async function readOrders(db: Knex, orderIds?: readonly string[]): Promise<Map<string, TauOrder>> {
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

  const toOrder = (row: OrderRow & AddressColumns): TauOrder => {
    const of = <Row>(grouped: Map<string, Row[]>): Row[] => grouped.get(row.id) ?? [];
    const requested = (list: OrderRequestedItemRow['list']): string[] =>
      of(requestedItems).filter((item) => item.list === list).map((item) => item.item_id);
    const order: TauOrder = {
      order_id: row.id,
      user_id: row.customer_id,
      address: toAddress(row),
      items: of(items).map((item) => ({
        name: item.name,
        product_id: item.product_id,
        item_id: item.item_id,
        price: fromCents(item.price_cents),
        options: new Map(
          of(itemOptions)
            .filter((option) => option.item_position === item.position)
            .map((option) => [option.name, option.value]),
        ),
      })),
      status: row.status,
      fulfillments: of(fulfillments).map((fulfillment) => ({
        tracking_id: of(trackingIds)
          .filter((tracking) => tracking.fulfillment_position === fulfillment.position)
          .map((tracking) => tracking.tracking_id),
        item_ids: of(fulfilledItems)
          .filter((item) => item.fulfillment_position === fulfillment.position)
          .map((item) => item.item_id),
      })),
      payment_history: of(payments).map((payment) => ({
        transaction_type: payment.transaction_type,
        amount: fromStoredAmount({ cents: payment.amount_cents, json: payment.amount_json }),
        payment_method_id: payment.payment_method_id,
      })),
    };
    // Optional fields are added only when set, in the reference's field order.
    if (row.cancel_reason !== null) order.cancel_reason = row.cancel_reason;
    if (row.exchange_payment_method_id !== null) {
      order.exchange_items = requested('exchange_items');
      order.exchange_new_items = requested('exchange_new_items');
      order.exchange_payment_method_id = row.exchange_payment_method_id;
      if (row.exchange_price_difference_cents !== null) {
        order.exchange_price_difference = fromStoredAmount({
          cents: row.exchange_price_difference_cents,
          json: row.exchange_price_difference_json,
        });
      }
    }
    if (row.return_payment_method_id !== null) {
      order.return_items = requested('return_items');
      order.return_payment_method_id = row.return_payment_method_id;
    }
    return order;
  };
  return new Map(orders.map((row): [string, TauOrder] => [row.id, toOrder(row)]));
}

function toAddress(row: AddressColumns): TauAddress {
  return { address1: row.address1, address2: row.address2, city: row.city, country: row.country, state: row.state, zip: row.zip };
}

function toPaymentMethod(row: PaymentMethodRow): TauPaymentMethod {
  switch (row.source) {
    case 'credit_card':
      return { source: 'credit_card', id: row.id, brand: present(row.brand, row, 'brand'), last_four: present(row.last_four, row, 'last_four') };
    case 'gift_card':
      return { source: 'gift_card', id: row.id, balance: fromCents(present(row.balance_cents, row, 'balance_cents')) };
    case 'paypal':
      return { source: 'paypal', id: row.id };
  }
}

function present<T>(value: T | null, row: PaymentMethodRow, column: string): T {
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
