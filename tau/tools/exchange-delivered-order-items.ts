import { z } from 'zod';
import { requestExchange } from '../../store-actions/request-exchange';
import { orderDetailsAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';

export const exchangeDeliveredOrderItems = defineTool({
  name: 'exchange_delivered_order_items',
  kind: 'write',
  description:
    'Request the exchange of items of a delivered order for other available variants of the same products, all in one call (it works ' +
    'once per order); the customer then gets an email on how to send the old items back. The price difference is charged to or ' +
    "refunded to the given payment method; a gift card must cover it. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    item_ids: z.array(z.string()).describe("The ids of the order's items to exchange; an id may repeat when the order holds it more than once."),
    new_item_ids: z.array(z.string()).describe('The ids of the new variants, one per item id in the same position, each of the same product.'),
    payment_method_id: z.string().describe("The customer's payment method that pays or receives the price difference."),
  }),
  handler: (db, { order_id: orderId, item_ids: itemIds, new_item_ids: newItemIds, payment_method_id: paymentMethodId }) =>
    writeTransaction(db, async (trx) => {
      await requestExchange(trx, { orderId, itemIds, newItemIds, paymentMethodId });
      return orderDetailsAfter(trx, orderId);
    }),
});
