import { TauFormatError } from './errors';
import type { TauStore } from './records';

const USERS = 'users.json';
const ORDERS = 'orders.json';
const PRODUCTS = 'products.json';
const quote = (text: string): string => JSON.stringify(text);

/** Checks what the schemas cannot see: that the three files agree with each other and with how the store keeps them. */
export function checkStoreConsistency(store: TauStore): void {
  checkIds(store);
  checkOrderOwnership(store);
}

function fail(file: string, message: string): never {
  throw new TauFormatError(`${file}: ${message}`);
}

/** Each record sits under its own id, and ids the store keys globally are unique. */
function checkIds({ users, orders, products }: TauStore): void {
  const paymentMethodOwners = new Map<string, string>();
  for (const [key, user] of users) {
    if (key !== user.user_id) fail(USERS, `user ${quote(key)} has user_id ${quote(user.user_id)}; the key and user_id must be equal`);
    for (const [methodKey, method] of user.payment_methods) {
      if (methodKey !== method.id) fail(USERS, `user ${quote(key)}: payment method ${quote(methodKey)} has id ${quote(method.id)}; the key and id must be equal`);
      const owner = paymentMethodOwners.get(method.id);
      if (owner !== undefined) fail(USERS, `payment method ${quote(method.id)} belongs to both ${quote(owner)} and ${quote(key)}; payment method ids must be unique`);
      paymentMethodOwners.set(method.id, key);
    }
  }
  const variantProducts = new Map<string, string>();
  for (const [key, product] of products) {
    if (key !== product.product_id) fail(PRODUCTS, `product ${quote(key)} has product_id ${quote(product.product_id)}; the key and product_id must be equal`);
    for (const [itemKey, variant] of product.variants) {
      if (itemKey !== variant.item_id) fail(PRODUCTS, `product ${quote(key)}: variant ${quote(itemKey)} has item_id ${quote(variant.item_id)}; the key and item_id must be equal`);
      const other = variantProducts.get(itemKey);
      if (other !== undefined) fail(PRODUCTS, `item ${quote(itemKey)} is a variant of both ${quote(other)} and ${quote(key)}; item ids must be unique`);
      variantProducts.set(itemKey, key);
    }
  }
  for (const [key, order] of orders) {
    if (key !== order.order_id) fail(ORDERS, `order ${quote(key)} has order_id ${quote(order.order_id)}; the key and order_id must be equal`);
  }
}

/**
 * Every order belongs to a known user, and that user lists it exactly once, in the order of orders.json.
 * The store derives each user's `orders` list from the orders themselves, so anything else could not be written back as it came.
 */
function checkOrderOwnership({ users, orders }: TauStore): void {
  const orderPositions = new Map([...orders.keys()].map((id, index) => [id, index]));
  for (const [userId, user] of users) {
    let previousPosition = -1;
    const seen = new Set<string>();
    const where = `user ${quote(userId)}`;
    for (const orderId of user.orders) {
      const order = orders.get(orderId);
      if (order === undefined) fail(USERS, `${where} lists order ${quote(orderId)}, which is not in orders.json`);
      if (order.user_id !== userId) fail(USERS, `${where} lists order ${quote(orderId)}, which belongs to ${quote(order.user_id)} in orders.json`);
      if (seen.has(orderId)) fail(USERS, `${where} lists order ${quote(orderId)} twice`);
      seen.add(orderId);
      const position = orderPositions.get(orderId) ?? -1;
      if (position < previousPosition) fail(USERS, `${where} lists its orders in a different order than orders.json; list them in the same order`);
      previousPosition = position;
    }
  }
  const listed = new Set([...users.values()].flatMap((user) => user.orders));
  for (const [orderId, order] of orders) {
    if (!users.has(order.user_id)) fail(ORDERS, `order ${quote(orderId)} belongs to user ${quote(order.user_id)}, who is not in users.json`);
    if (!listed.has(orderId)) fail(USERS, `user ${quote(order.user_id)} does not list order ${quote(orderId)} in "orders"; add it`);
  }
}
