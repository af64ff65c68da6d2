import crypto from 'node:crypto';
import { toCents, toStoredAmount } from '../../db/money';
import type { TauAddress, TauOrder, TauProduct, TauStore, TauUser } from '../format/records';
import type { AddressRow, RequestedItemList, StoreRows } from '../../db/store/rows';

/** Turns validated tau records into the store's rows, keeping every list and map order in `position` columns. */
export function tauStoreToRows(store: TauStore): StoreRows {
  const rows: StoreRows = {
    addresses: [],
    customers: [],
    customer_phones: [],
    payment_methods: [],
    products: [],
    variants: [],
    variant_options: [],
    orders: [],
    order_items: [],
    order_item_options: [],
    fulfillments: [],
    fulfillment_tracking_ids: [],
    fulfillment_items: [],
    payment_transactions: [],
    order_requested_items: [],
  };
  [...store.users.values()].forEach((user, position) => addCustomer(rows, user, position));
  [...store.products.values()].forEach((product, position) => addProduct(rows, product, position));
  [...store.orders.values()].forEach((order, position) => addOrder(rows, order, position));
  return rows;
}

function addAddress(rows: StoreRows, address: TauAddress): string {
  const row: AddressRow = { id: crypto.randomUUID(), ...address };
  rows.addresses.push(row);
  return row.id;
}

function addCustomer(rows: StoreRows, user: TauUser, position: number): void {
  rows.customers.push({
    id: user.user_id,
    position,
    first_name: user.name.first_name,
    last_name: user.name.last_name,
    email: user.email,
    address_id: addAddress(rows, user.address),
  });
  if (user.phone) rows.customer_phones.push({ phone: user.phone, customer_id: user.user_id });
  [...user.payment_methods.values()].forEach((method, methodPosition) => {
    rows.payment_methods.push({
      id: method.id,
      customer_id: user.user_id,
      position: methodPosition,
      source: method.source,
      brand: method.source === 'credit_card' ? method.brand : null,
      last_four: method.source === 'credit_card' ? method.last_four : null,
      balance_cents: method.source === 'gift_card' ? toCents(method.balance) : null,
    });
  });
}

function addProduct(rows: StoreRows, product: TauProduct, position: number): void {
  rows.products.push({ id: product.product_id, position, name: product.name });
  [...product.variants.values()].forEach((variant, variantPosition) => {
    rows.variants.push({
      id: variant.item_id,
      product_id: product.product_id,
      position: variantPosition,
      available: variant.available,
      price_cents: toCents(variant.price),
    });
    [...variant.options].forEach(([name, value], optionPosition) => {
      rows.variant_options.push({ variant_id: variant.item_id, position: optionPosition, name, value });
    });
  });
}

function addOrder(rows: StoreRows, order: TauOrder, position: number): void {
  const priceDifference =
    order.exchange_price_difference === undefined ? undefined : toStoredAmount(order.exchange_price_difference);
  rows.orders.push({
    id: order.order_id,
    position,
    customer_id: order.user_id,
    shipping_address_id: addAddress(rows, order.address),
    status: order.status,
    cancel_reason: order.cancel_reason ?? null,
    exchange_payment_method_id: order.exchange_payment_method_id ?? null,
    exchange_price_difference_cents: priceDifference?.cents ?? null,
    exchange_price_difference_json: priceDifference?.json ?? null,
    return_payment_method_id: order.return_payment_method_id ?? null,
  });
  order.items.forEach((item, itemPosition) => {
    rows.order_items.push({
      order_id: order.order_id,
      position: itemPosition,
      product_id: item.product_id,
      item_id: item.item_id,
      name: item.name,
      price_cents: toCents(item.price),
    });
    [...item.options].forEach(([name, value], optionPosition) => {
      rows.order_item_options.push({ order_id: order.order_id, item_position: itemPosition, position: optionPosition, name, value });
    });
  });
  order.fulfillments.forEach((fulfillment, fulfillmentPosition) => {
    rows.fulfillments.push({ order_id: order.order_id, position: fulfillmentPosition });
    fulfillment.tracking_id.forEach((trackingId, trackingPosition) => {
      rows.fulfillment_tracking_ids.push({
        order_id: order.order_id,
        fulfillment_position: fulfillmentPosition,
        position: trackingPosition,
        tracking_id: trackingId,
      });
    });
    fulfillment.item_ids.forEach((itemId, itemPosition) => {
      rows.fulfillment_items.push({
        order_id: order.order_id,
        fulfillment_position: fulfillmentPosition,
        position: itemPosition,
        item_id: itemId,
      });
    });
  });
  order.payment_history.forEach((payment, paymentPosition) => {
    const amount = toStoredAmount(payment.amount);
    rows.payment_transactions.push({
      order_id: order.order_id,
      position: paymentPosition,
      transaction_type: payment.transaction_type,
      amount_cents: amount.cents,
      amount_json: amount.json,
      payment_method_id: payment.payment_method_id,
    });
  });
  const requestedLists: [RequestedItemList, string[] | undefined][] = [
    ['exchange_items', order.exchange_items],
    ['exchange_new_items', order.exchange_new_items],
    ['return_items', order.return_items],
  ];
  for (const [list, itemIds] of requestedLists) {
    itemIds?.forEach((itemId, itemPosition) => {
      rows.order_requested_items.push({ order_id: order.order_id, list, position: itemPosition, item_id: itemId });
    });
  }
}
