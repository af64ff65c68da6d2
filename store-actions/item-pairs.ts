import type { Knex } from 'knex';
import { findProductVariant, type CatalogVariant, type OrderState } from '../db/repositories/commerce-reads';
import { firstItem } from './checks';
import { ActionRefused } from './refusal';

export interface PricedPair {
  oldItemId: string;
  newVariant: CatalogVariant;
}

/**
 * Checks each (old item, new item) pair the way modifying and exchanging both do, in order: the new item
 * must be a variant of the same product as the first order item with the old id, and available.
 * Returns the pairs with their variants and the summed price difference in cents (new - old).
 */
export async function priceItemPairs(
  db: Knex,
  order: OrderState,
  itemIds: readonly string[],
  newItemIds: readonly string[],
  options: { rejectSameItem: boolean },
): Promise<{ pairs: PricedPair[]; differenceCents: number }> {
  const pairs: PricedPair[] = [];
  let differenceCents = 0;
  for (const [index, oldItemId] of itemIds.entries()) {
    const newItemId = newItemIds[index] as string;
    if (options.rejectSameItem && newItemId === oldItemId) throw new ActionRefused('The new item id should be different from the old item id');
    const item = firstItem(order, oldItemId);
    const lookup = await findProductVariant(db, item.productId, newItemId);
    if (lookup.found === 'no-product') throw new ActionRefused('Product not found');
    if (lookup.found === 'no-variant') throw new ActionRefused('Variant not found');
    if (!lookup.variant.available) throw new ActionRefused(`New item ${newItemId} not found or available`);
    differenceCents += lookup.variant.priceCents - item.priceCents;
    pairs.push({ oldItemId, newVariant: lookup.variant });
  }
  return { pairs, differenceCents };
}
