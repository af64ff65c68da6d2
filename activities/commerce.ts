import type { Knex } from 'knex';
import { deliverQueuedNotice, type DeliverNotice } from './deliver-queued-notice';
import type { ReplyOption } from '../domain/conversation';
import { buildInvoice, describeInvoice, invoiceFacts, invoiceNumber, type InvoiceFacts } from '../domain/commerce/invoice';
import { maskEmail } from '../domain/commerce/newsletter';
import { render } from '../domain/messages';
import { ORDER_STATUS } from '../domain/policy';
import { createInvoiceLink, recordNewsletterChoice, saveReview } from '../db/repositories/commerce-records';
import { findNotice, queueNotice } from '../db/repositories/customer-notifications';
import { findCustomer, findOrder } from '../db/repositories/store-queries';
import { itemOptionsOf } from './customer-lookup';

export const DEFAULT_INVOICE_LINK_MS = 24 * 3_600_000;

export interface CommerceDeps {
  db: Knex;
  /** How long an invoice link opens the PDF (INVOICE_LINK_HOURS). */
  invoiceLinkMs?: number;
  /** Where the API is reached from outside (PUBLIC_BASE_URL): the mailed link points there. */
  publicBaseUrl: string;
  /** How the invoice's mail leaves through the outbox; without it the mail stays queued there. */
  deliverNotice?: DeliverNotice;
}

/** The newsletter, reviews and invoices: each write checks the order or account is the customer's own. */
export function createCommerceActivities(deps: CommerceDeps) {
  const { db } = deps;
  const validMs = deps.invoiceLinkMs ?? DEFAULT_INVOICE_LINK_MS;

  const ownOrder = async (customerId: string, orderId: string) => {
    const order = await findOrder(db, orderId);
    return order && order.customerId === customerId ? order : undefined;
  };

  const link = async (customerId: string, orderId: string, conversationWorkflowId: string) => {
    const { token, expiresAt } = await createInvoiceLink(db, { orderId, customerId, conversationWorkflowId, now: new Date(), validMs });
    return { path: `/v1/invoices/${token}`, expiresAt };
  };

  return {
    /** Joins or leaves the newsletter with the e-mail on file; `changed` is false when it already was so. */
    async setNewsletterSubscription(request: { customerId: string; subscribe: boolean; wording: string; conversationWorkflowId: string }): Promise<{ changed: boolean; email: string } | null> {
      const customer = await findCustomer(db, request.customerId);
      if (!customer) return null;
      const { changed } = await recordNewsletterChoice(db, {
        customerId: customer.id,
        email: customer.email,
        subscribed: request.subscribe,
        wording: request.wording,
        conversationWorkflowId: request.conversationWorkflowId,
        at: new Date().toISOString(),
      });
      return { changed, email: maskEmail(customer.email) };
    },

    /** The items of a delivered order of the customer's, one option per item. */
    async reviewableItems(request: { customerId: string; orderId: string }): Promise<ReplyOption[]> {
      const order = await ownOrder(request.customerId, request.orderId);
      if (!order || order.status !== ORDER_STATUS.delivered) return [];
      return itemOptionsOf(order.items);
    },

    /** Stores the review of an item of the customer's delivered order (one per item: again replaces it). */
    async saveItemReview(request: { customerId: string; orderId: string; itemId: string; rating: number; text: string; conversationWorkflowId: string }): Promise<{ saved: boolean; productName?: string }> {
      const order = await ownOrder(request.customerId, request.orderId);
      const item = order?.status === ORDER_STATUS.delivered ? order.items.find((i) => i.itemId === request.itemId) : undefined;
      if (!item || !Number.isInteger(request.rating) || request.rating < 1 || request.rating > 5) return { saved: false };
      await saveReview(db, {
        customerId: request.customerId,
        orderId: request.orderId,
        itemId: item.itemId,
        productId: item.productId,
        productName: item.name,
        rating: request.rating,
        text: request.text.trim(),
        conversationWorkflowId: request.conversationWorkflowId,
        createdAt: new Date().toISOString(),
      });
      return { saved: true, productName: item.name };
    },

    /** The invoice of a paid order of the customer's, in a few English words and as the facts to say it in another language; null when there is none. */
    async invoiceSummary(request: { customerId: string; orderId: string }): Promise<{ number: string; text: string; facts?: InvoiceFacts } | null> {
      const order = await ownOrder(request.customerId, request.orderId);
      const customer = order ? await findCustomer(db, request.customerId) : undefined;
      const invoice = order && customer ? buildInvoice(order, customer, new Date().toISOString()) : undefined;
      return invoice ? { number: invoice.number, text: describeInvoice(invoice), facts: invoiceFacts(invoice) } : null;
    },

    /** A link that opens the invoice's PDF until it expires. */
    async invoiceLink(request: { customerId: string; orderId: string; conversationWorkflowId: string }): Promise<{ path: string; expiresAt: string } | null> {
      if (!(await ownOrder(request.customerId, request.orderId))) return null;
      return link(request.customerId, request.orderId, request.conversationWorkflowId);
    },

    /**
     * Queues an e-mail to the address on file that carries a link to the invoice's PDF. `requestKey`
     * names this one request, so a retried activity queues one e-mail with one link.
     */
    async emailInvoice(request: { customerId: string; orderId: string; conversationWorkflowId: string; requestKey: string; language?: string }): Promise<{ email: string; expiresAt: string } | null> {
      const order = await ownOrder(request.customerId, request.orderId);
      const customer = order ? await findCustomer(db, request.customerId) : undefined;
      if (!order || !customer) return null;
      const idempotencyKey = `invoice-email:${request.requestKey}`;
      const queued = await findNotice(db, idempotencyKey);
      // The link's expiry, written as it was stored whatever the mail's language.
      const expiresAt = queued ? /(\d{4}-\d\d-\d\dT[^\s)]+)\)/.exec(queued.body)?.[1] : undefined;
      if (queued && expiresAt) {
        await deliverQueuedNotice(deps.deliverNotice, idempotencyKey);
        return { email: maskEmail(customer.email), expiresAt };
      }
      const made = await link(customer.id, order.id, request.conversationWorkflowId);
      const url = `${deps.publicBaseUrl.replace(/\/+$/, '')}${made.path}`;
      // To the address on file, whichever channel the customer asked on.
      await queueNotice(db, {
        idempotencyKey,
        customerId: customer.id,
        orderId: order.id,
        recipient: customer.email,
        kind: 'invoice',
        conversationWorkflowId: request.conversationWorkflowId,
        body: render(request.language, 'Hello {name}, your invoice {invoice} for order {orderId} is a PDF at {url} (valid until {expiresAt}).', {
          name: customer.firstName,
          invoice: invoiceNumber(order.id),
          orderId: order.id,
          url,
          expiresAt: made.expiresAt,
        }),
        ...(request.language ? { language: request.language } : {}),
      });
      await deliverQueuedNotice(deps.deliverNotice, idempotencyKey);
      return { email: maskEmail(customer.email), expiresAt: made.expiresAt };
    },
  };
}
