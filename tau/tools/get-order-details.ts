import { z } from 'zod';
import { getOrder } from '../store/queries';
import { readSnapshot } from '../../store-actions/transaction';
import { ToolError, defineTool } from '../tool';

export const getOrderDetails = defineTool({
  name: 'get_order_details',
  kind: 'read',
  description: "An order's status, shipping address, items (with prices and options), fulfillments and payment history.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'. It starts with '#'."),
  }),
  async handler(db, { order_id: orderId }) {
    const order = await readSnapshot(db, (trx) => getOrder(trx, orderId));
    if (!order) throw new ToolError('Order not found');
    return order;
  },
});
