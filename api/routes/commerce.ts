import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { findInvoiceLink, listReviews } from '../../db/repositories/commerce-records';
import { findCustomer, findOrder } from '../../db/repositories/store-queries';
import { buildInvoice, invoicePdf } from '../../domain/commerce/invoice';
import { conversationIdOfWorkflow } from '../../observability/conversation-ids';
import { allowRoles } from '../authorization';
import type { ReviewPage } from '../contracts';
import { HttpError } from '../http-error';

const reviewsQuery = z.strictObject({
  customerId: z.string().min(1, 'customerId must not be empty').max(200).optional(),
  productId: z.string().min(1, 'productId must not be empty').max(200).optional(),
  limit: z.coerce.number({ error: 'limit must be a whole number from 1 to 200' }).int('limit must be a whole number from 1 to 200').min(1, 'limit must be a whole number from 1 to 200').max(200, 'limit must be a whole number from 1 to 200').default(50),
});

/** Reviews customers left in conversations, newest first, for the people who read them. */
export function reviewRoutes(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/reviews', allowRoles('agent', 'supervisor', 'auditor'), async (req, res) => {
    const parsed = reviewsQuery.safeParse(req.query);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')} (use customerId, productId, limit)` : issue.message,
      );
      throw new HttpError(400, 'invalid_query', reasons.join('; '));
    }
    const rows = await listReviews(deps.db, parsed.data);
    const page: ReviewPage = {
      reviews: rows.map((r) => ({
        id: r.id,
        customerId: r.customerId,
        orderId: r.orderId,
        itemId: r.itemId,
        productId: r.productId,
        productName: r.productName,
        rating: r.rating,
        text: r.text,
        conversationId: r.conversationWorkflowId ? (conversationIdOfWorkflow(r.conversationWorkflowId) ?? null) : null,
        createdAt: r.createdAt,
      })),
    };
    res.json(page);
  });
  return router;
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * `GET /v1/invoices/:token`: the link the bot gave the customer is the credential (no bearer token),
 * so it opens one order's invoice, until it expires. The PDF is generated from the order as it is now.
 */
export function invoiceRoutes(deps: { db: Knex; now?: () => Date }): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    const token = req.params.token;
    if (!TOKEN.test(token)) throw new HttpError(400, 'invalid_token', 'an invoice link token is 16 to 128 letters, digits, - or _');
    const link = await findInvoiceLink(deps.db, token);
    if (!link) throw new HttpError(404, 'unknown_invoice_link', 'this invoice link is not one we issued; ask in the chat for a new one');
    const now = (deps.now ?? (() => new Date()))();
    if (Date.parse(link.expiresAt) <= now.getTime()) {
      throw new HttpError(410, 'invoice_link_expired', `this invoice link expired at ${link.expiresAt}; ask in the chat for a new one`);
    }
    const order = await findOrder(deps.db, link.orderId);
    const customer = order?.customerId === link.customerId ? await findCustomer(deps.db, link.customerId) : undefined;
    const invoice = order && customer ? buildInvoice(order, customer, now.toISOString()) : undefined;
    if (!invoice) throw new HttpError(404, 'no_invoice', 'the order of this link has no invoice any more');
    const pdf = invoicePdf(invoice);
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${invoice.number}.pdf"`)
      .set('Cache-Control', 'no-store')
      .send(Buffer.from(pdf));
  });
  return router;
}
