import { z } from 'zod';
import { listProductTypes } from '../../db/repositories/commerce-reads';
import { toPythonJson } from '../format/python-json';
import { defineTool } from '../tool';

export const listAllProductTypes = defineTool({
  name: 'list_all_product_types',
  kind: 'read',
  description: 'Every product type in the store: a JSON object from product name to product id, sorted by name.',
  parameters: z.strictObject({}),
  async handler(db) {
    // A name that occurs twice keeps its last product id, as a Python dict built in store order does.
    const byName = new Map((await listProductTypes(db)).map((product) => [product.name, product.productId]));
    return toPythonJson(byName, { sortKeys: true });
  },
});
