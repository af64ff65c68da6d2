/** Which items: in the order, as many times as listed; new items available variants of the same product. */
import { deny, isDeny } from '../decision';
import { countOf, findProduct, findVariant, orderItem } from '../records';
import type { Deny, OrderItem, Order, Product, ProposalItem } from '../types';
import { words } from '../wording';

/** Each id listed at most as many times as the order holds it (an order may hold the same item twice). */
export function checkItemsInOrder(order: Order, itemIds: readonly string[]): Deny | undefined {
  const orderIds = order.items.map((item) => item.itemId);
  for (const id of new Set(itemIds)) {
    const held = countOf(orderIds, id);
    const listed = countOf(itemIds, id);
    if (listed > held) {
      return deny(
        'items-in-order',
        held === 0
          ? words('Item {itemId} is not in order {orderId}.', { itemId: id, orderId: order.id })
          : held === 1
            ? words('Item {itemId} is listed {listed} times but order {orderId} holds it 1 time.', { itemId: id, listed: String(listed), orderId: order.id })
            : words('Item {itemId} is listed {listed} times but order {orderId} holds it {held} times.', { itemId: id, listed: String(listed), orderId: order.id, held: String(held) }),
      );
    }
  }
  return undefined;
}

/** The items as they stand in the order, for a return. */
export function itemsAsOrdered(order: Order, itemIds: readonly string[]): ProposalItem[] | Deny {
  const missing = checkItemsInOrder(order, itemIds);
  if (missing) return missing;
  return itemIds.map((id) => {
    // checkItemsInOrder made sure the order holds every listed id.
    const item = orderItem(order, id) as OrderItem;
    return { itemId: id, productId: item.productId, name: item.name, priceCents: item.priceCents, newItemId: null, newPriceCents: null };
  });
}

/**
 * Pairs old and new items by position for a modification or exchange: equal counts, no item for itself,
 * the new one a variant of the same product (never shirt → shoe) that is available now.
 */
export function pairedItems(
  order: Order,
  itemIds: readonly string[],
  newItemIds: readonly string[],
  products: readonly Product[],
): ProposalItem[] | Deny {
  const missing = checkItemsInOrder(order, itemIds);
  if (missing) return missing;
  if (itemIds.length !== newItemIds.length) {
    return deny(
      'item-count',
      itemCountWords(itemIds.length, newItemIds.length),
    );
  }
  const pairs: ProposalItem[] = [];
  for (const [index, oldId] of itemIds.entries()) {
    const newId = newItemIds[index] as string;
    const pair = pairOne(order, oldId, newId, products);
    if (isDeny(pair)) return pair;
    pairs.push(pair);
  }
  return pairs;
}

/** As many new items as items to change: "1 item to change but 2 new items", each count in its own grammatical number. */
function itemCountWords(items: number, newItems: number) {
  const counts = { items: String(items), newItems: String(newItems) };
  if (items === 1) return words('{items} item to change but {newItems} new items; each item needs exactly one new item.', counts);
  if (newItems === 1) return words('{items} items to change but {newItems} new item; each item needs exactly one new item.', counts);
  return words('{items} items to change but {newItems} new items; each item needs exactly one new item.', counts);
}

function pairOne(order: Order, oldId: string, newId: string, products: readonly Product[]): ProposalItem | Deny {
  if (newId === oldId) {
    return deny('same-item', words('Item {itemId} cannot be changed for itself; choose a different option of the product.', { itemId: oldId }));
  }
  const item = orderItem(order, oldId) as OrderItem;
  const product = findProduct(products, item.productId);
  if (!product) return deny('record-not-found', words('No product record was found for {name} (product {productId}).', { name: item.name, productId: item.productId }));
  const variant = findVariant(product, newId);
  if (!variant || variant.itemId !== newId) {
    return deny(
      'same-product',
      words('Item {itemId} is not an option of {name} (product {productId}); an item can only change to another option of the same product.', {
        itemId: newId,
        name: product.name,
        productId: product.id,
      }),
    );
  }
  if (variant.available !== true) {
    return deny('variant-available', words('Item {itemId} ({name}) is not available.', { itemId: newId, name: product.name }));
  }
  return {
    itemId: oldId,
    productId: item.productId,
    name: item.name,
    priceCents: item.priceCents,
    newItemId: newId,
    newPriceCents: variant.priceCents,
  };
}

/** New prices minus old prices, in cents: positive means the customer pays. */
export function priceDifferenceCents(items: readonly ProposalItem[]): number {
  return items.reduce((total, item) => total + (item.newPriceCents ?? item.priceCents) - item.priceCents, 0);
}
