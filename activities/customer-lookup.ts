import type { Knex } from 'knex';
import { runTool } from '../commerce/run-tool';
import type { ReplyOption } from '../domain/conversation';
import type { OrderStatusFacts } from '../domain/order-status-text';
import { getOrder } from '../db/repositories/store-queries';

export interface IdentifiedCustomer {
  customerId: string;
  firstName: string;
}

/** Reads the conversation needs to authenticate a customer and offer their orders as choices. */
export function createCustomerLookupActivities(deps: { db: Knex }) {
  return {
    async identifyCustomerByEmail(request: { email: string }): Promise<IdentifiedCustomer | null> {
      // The same lookup the retail tool does (case-insensitive, first match in store order).
      const found = await runTool(deps.db, 'find_user_id_by_email', { email: request.email.trim() });
      if (found.error) return null;
      const row = await deps.db('customers').where({ id: found.output }).first('first_name');
      return row ? { customerId: found.output, firstName: row.first_name as string } : null;
    },

    /** The customer's orders in the given statuses, newest first, labelled with what they hold. */
    async orderOptions(request: { customerId: string; statuses: string[] }): Promise<ReplyOption[]> {
      const orders = (await deps.db('orders')
        .where({ customer_id: request.customerId })
        .whereIn('status', request.statuses)
        .orderBy('position', 'desc')
        .select('id')) as { id: string }[];
      const items = (await deps.db('order_items')
        .whereIn('order_id', orders.map((o) => o.id))
        .orderBy(['order_id', 'position'])
        .select('order_id', 'name')) as { order_id: string; name: string }[];
      return orders.map((order) => {
        const names = items.filter((i) => i.order_id === order.id).map((i) => i.name);
        return { id: order.id, label: `${order.id}: ${[...new Set(names)].join(', ')}` };
      });
    },

    /** The order's status and tracking, only if it is this customer's: another's is as good as unknown. */
    async orderStatus(request: { customerId: string; orderId: string }): Promise<OrderStatusFacts | null> {
      const order = await getOrder(deps.db, request.orderId);
      if (!order || order.user_id !== request.customerId) return null;
      return {
        orderId: order.order_id,
        status: order.status,
        itemNames: order.items.map((item) => item.name),
        trackingIds: order.fulfillments.flatMap((f) => f.tracking_id),
      };
    },
  };
}
