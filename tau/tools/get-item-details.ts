import { z } from 'zod';
import { findCatalogVariant } from '../../db/repositories/commerce-reads';
import { fromCents } from '../../db/money';
import { ToolError, defineTool } from '../tool';

export const getItemDetails = defineTool({
  name: 'get_item_details',
  kind: 'read',
  description: "One variant item, by item id: its options, availability and price.",
  parameters: z.strictObject({
    item_id: z.string().describe("The item id, such as '1008292230'. An item id is not a product id."),
  }),
  async handler(db, { item_id: itemId }) {
    const variant = await findCatalogVariant(db, itemId);
    if (!variant) throw new ToolError('Item not found');
    return { item_id: variant.itemId, options: new Map(variant.options), available: variant.available, price: fromCents(variant.priceCents) };
  },
});
