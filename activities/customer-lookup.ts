import type { Knex } from 'knex';
import type { ReplyOption } from '../domain/conversation';
import type { OrderStatusFacts } from '../domain/order-status-text';
import type { RefundFacts } from '../domain/refund-status-text';
import type { OrderItem } from '../domain/store/entities';
import { findCustomerIdByEmail, findCustomerIdByNameZip, findOrder, findProduct } from '../db/repositories/store-queries';
import { MESSAGES, money, render, type MessageKey } from '../domain/messages';

export interface IdentifiedCustomer {
  customerId: string;
  firstName: string;
}

/** Reads the conversation needs to authenticate a customer and offer their orders as choices. */
export function createCustomerLookupActivities(deps: { db: Knex }) {
  const identified = async (customerId: string | undefined): Promise<IdentifiedCustomer | null> => {
    if (customerId === undefined) return null;
    const row = await deps.db('customers').where({ id: customerId }).first('first_name');
    return row ? { customerId, firstName: row.first_name as string } : null;
  };

  return {
    async identifyCustomerByEmail(request: { email: string }): Promise<IdentifiedCustomer | null> {
      // Case-insensitive, first match in store order, as the reference's lookup.
      return identified(await findCustomerIdByEmail(deps.db, request.email.trim()));
    },

    /** The same lookup by full name and zip code, for a customer who does not know the e-mail they used. */
    async identifyCustomerByNameZip(request: { firstName: string; lastName: string; zip: string }): Promise<IdentifiedCustomer | null> {
      return identified(await findCustomerIdByNameZip(deps.db, request.firstName, request.lastName, request.zip));
    },

    /** The customer's refunds from the ledger, and returns or exchanges still waiting for their parcel. */
    async refundStatus(request: { customerId: string }): Promise<RefundFacts> {
      const refunds = (await deps.db('refund_ledger')
        .where({ customer_id: request.customerId })
        .orderBy('id')
        .select('order_id', 'amount_cents', 'purpose', 'status')) as { order_id: string; amount_cents: number; purpose: string; status: string }[];
      const waiting = (await deps.db('orders')
        .where({ customer_id: request.customerId })
        .whereIn('status', ['return requested', 'exchange requested'])
        .orderBy('position')
        .select('id', 'status')) as { id: string; status: string }[];
      return {
        refunds: refunds.map((r) => ({ orderId: r.order_id, amountCents: Number(r.amount_cents), purpose: r.purpose, status: r.status })),
        awaitingParcel: waiting.map((o) => ({ orderId: o.id, status: o.status })),
      };
    },

    /** The customer's orders in the given statuses, newest first, labelled with what they hold. */
    async orderOptions(request: { customerId: string; statuses: string[]; language?: string }): Promise<ReplyOption[]> {
      const orders = (await deps.db('orders')
        .where({ customer_id: request.customerId })
        .whereIn('status', request.statuses)
        .orderBy('position', 'desc')
        .select('id', 'status')) as { id: string; status: string }[];
      const items = (await deps.db('order_items')
        .whereIn('order_id', orders.map((o) => o.id))
        .orderBy(['order_id', 'position'])
        .select('order_id', 'name')) as { order_id: string; name: string }[];
      return orders.map((order) => {
        const names = items.filter((i) => i.order_id === order.id).map((i) => i.name);
        // The status is in the label: customers name orders by it ("my delivered order").
        return { id: order.id, label: render(request.language, '{orderId} ({status}): {items}', { orderId: order.id, status: statusIn(request.language, order.status), items: [...new Set(names)].join(', ') }) };
      });
    },

    /** The order's status and tracking, only if it is this customer's: another's is as good as unknown. */
    async orderStatus(request: { customerId: string; orderId: string }): Promise<OrderStatusFacts | null> {
      const order = await findOrder(deps.db, request.orderId);
      if (!order || order.customerId !== request.customerId) return null;
      return {
        orderId: order.id,
        status: order.status,
        itemNames: order.items.map((item) => item.name),
        trackingIds: order.fulfillments.flatMap((f) => f.trackingIds),
      };
    },

    /** The items of the customer's order, one option per item, labelled with name and options. */
    async orderItemOptions(request: { customerId: string; orderId: string }): Promise<ReplyOption[]> {
      const order = await findOrder(deps.db, request.orderId);
      if (!order || order.customerId !== request.customerId) return [];
      return itemOptionsOf(order.items);
    },

    /**
     * Where a refund for this order may go: the method it was paid with, or one of the customer's gift
     * cards; with `anyMethod`, every method of the customer (to pay or receive a price difference).
     */
    async refundMethodOptions(request: { customerId: string; orderId: string; anyMethod?: boolean; language?: string }): Promise<ReplyOption[]> {
      const paidWith = (await deps.db('payment_transactions')
        .where({ order_id: request.orderId, transaction_type: 'payment' })
        .orderBy('position')
        .select('payment_method_id')) as { payment_method_id: string }[];
      const methods = (await deps.db('payment_methods')
        .where({ customer_id: request.customerId })
        .orderBy('position')
        .select('id', 'source', 'brand', 'last_four', 'balance_cents')) as { id: string; source: string; brand: string | null; last_four: string | null }[];
      return methods
        .filter((m) => request.anyMethod || m.source === 'gift_card' || paidWith.some((p) => p.payment_method_id === m.id))
        // "Back to the card I paid with": the method that paid is marked as such.
        .map((m) => ({ id: m.id, label: paidWith.some((p) => p.payment_method_id === m.id) ? render(request.language, '{method} (original payment method)', { method: paymentMethodLabel(m, request.language) }) : paymentMethodLabel(m, request.language) }));
    },

    /** The other variants of an order item's product that are in stock, with their price. */
    async variantOptions(request: { customerId: string; orderId: string; itemId: string; language?: string }): Promise<ReplyOption[]> {
      const order = await findOrder(deps.db, request.orderId);
      const item = order?.customerId === request.customerId ? order.items.find((i) => i.itemId === request.itemId) : undefined;
      if (!item) return [];
      const product = await findProduct(deps.db, item.productId);
      return (product?.variants ?? [])
        .filter((v) => v.available && v.itemId !== item.itemId)
        // Each value with its option's name, so "no backlight" or "size 9" can pick a variant.
        .map((v) => ({ id: v.itemId, label: render(request.language, '{details} ({price})', { details: v.options.map(([name, value]) => `${name}: ${value}`).join(', '), price: money(v.priceCents) }) }));
    },

    /** Remembers which conversation waits for this order's returned parcel. */
    async rememberReturnConversation(request: { orderId: string; workflowId: string }): Promise<void> {
      await deps.db('return_conversations').insert({ order_id: request.orderId, workflow_id: request.workflowId }).onConflict('order_id')
        // A new return on the order starts a new wait: the API tells refunds of earlier ones by this time.
        .merge({ workflow_id: request.workflowId, created_at: deps.db.fn.now() });
    },
  };
}

/** How a payment method is named to people: "visa ending 1234", "gift card", "PayPal". */
/** One option per distinct item, labelled with its name and its options' names and values ("Lamp (color: silver)"). */
export function itemOptionsOf(items: readonly OrderItem[]): ReplyOption[] {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    if (seen.has(item.itemId)) return [];
    seen.add(item.itemId);
    const details = item.options.map(([name, value]) => `${name}: ${value}`).join(', ');
    return [{ id: item.itemId, label: details ? `${item.name} (${details})` : item.name }];
  });
}

export function paymentMethodLabel(method: { id: string; source: string; brand: string | null; last_four: string | null }, language?: string): string {
  if (method.source === 'credit_card') return render(language, '{brand} ending {lastFour}', { brand: method.brand ?? render(language, 'card'), lastFour: method.last_four ?? '????' });
  if (method.source === 'gift_card') return render(language, 'gift card');
  return 'PayPal';
}

/** A status as the store holds it, in the reader's language when the catalogue has it. */
function statusIn(language: string | undefined, status: string): string {
  return status in MESSAGES ? render(language, status as MessageKey) : status;
}
