import { z } from 'zod';
import { getProduct } from '../store/queries';
import { ToolError, defineTool } from '../tool';

export const getProductDetails = defineTool({
  name: 'get_product_details',
  kind: 'read',
  description: "A product type and all its variant items: each item's options, availability and price.",
  parameters: z.strictObject({
    product_id: z.string().describe("The product id, such as '6086499569'. A product id is not an item id."),
  }),
  async handler(db, { product_id: productId }) {
    const product = await getProduct(db, productId);
    if (!product) throw new ToolError('Product not found');
    return product;
  },
});
