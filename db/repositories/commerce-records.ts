import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

/** The customer's newsletter choice now: the newest consent row, or none ever given. */
export async function currentNewsletterChoice(db: Knex, customerId: string): Promise<boolean | undefined> {
  const row = (await db('newsletter_consents').where({ customer_id: customerId }).orderBy('id', 'desc').first('subscribed')) as { subscribed: boolean | number } | undefined;
  return row ? Boolean(row.subscribed) : undefined;
}

/**
 * Records a subscribe or unsubscribe with its wording and time, unless it is already the customer's
 * choice (so saying it twice, or a retried activity, leaves one row). Someone never subscribed who
 * unsubscribes has nothing to withdraw.
 */
export async function recordNewsletterChoice(
  db: Knex,
  consent: { customerId: string; email: string; subscribed: boolean; wording: string; conversationWorkflowId: string | null; at: string },
): Promise<{ changed: boolean }> {
  return db.transaction(async (trx) => {
    const current = await currentNewsletterChoice(trx, consent.customerId);
    if ((current ?? false) === consent.subscribed) return { changed: false };
    await trx('newsletter_consents').insert({
      customer_id: consent.customerId,
      subscribed: consent.subscribed,
      email: consent.email,
      wording: consent.wording,
      conversation_workflow_id: consent.conversationWorkflowId,
      at: consent.at,
    });
    return { changed: true };
  });
}

export interface StoredReview {
  id: number;
  customerId: string;
  orderId: string;
  itemId: string;
  productId: string;
  productName: string;
  rating: number;
  text: string;
  conversationWorkflowId: string | null;
  createdAt: string;
}

interface ReviewRow {
  id: number;
  customer_id: string;
  order_id: string;
  item_id: string;
  product_id: string;
  product_name: string;
  rating: number | string;
  text: string;
  conversation_workflow_id: string | null;
  created_at: string;
}

/** One review per item of an order: writing it again replaces the rating and the words. */
export async function saveReview(db: Knex, review: Omit<StoredReview, 'id'>): Promise<void> {
  await db('reviews')
    .insert({
      customer_id: review.customerId,
      order_id: review.orderId,
      item_id: review.itemId,
      product_id: review.productId,
      product_name: review.productName,
      rating: review.rating,
      text: review.text,
      conversation_workflow_id: review.conversationWorkflowId,
      created_at: review.createdAt,
    })
    .onConflict(['customer_id', 'order_id', 'item_id'])
    .merge(['rating', 'text', 'conversation_workflow_id', 'created_at']);
}

export async function listReviews(db: Knex, filter: { customerId?: string; productId?: string; limit: number }): Promise<StoredReview[]> {
  const query = db('reviews').orderBy('id', 'desc').limit(filter.limit);
  if (filter.customerId) void query.where({ customer_id: filter.customerId });
  if (filter.productId) void query.where({ product_id: filter.productId });
  const rows = (await query.select()) as ReviewRow[];
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: r.customer_id,
    orderId: r.order_id,
    itemId: r.item_id,
    productId: r.product_id,
    productName: r.product_name,
    rating: Number(r.rating),
    text: r.text,
    conversationWorkflowId: r.conversation_workflow_id,
    createdAt: r.created_at,
  }));
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link to an order's invoice: the token goes to the customer, only its hash is kept. */
export async function createInvoiceLink(
  db: Knex,
  link: { orderId: string; customerId: string; conversationWorkflowId: string | null; now: Date; validMs: number },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(link.now.getTime() + link.validMs).toISOString();
  await db('invoice_links').insert({
    token_hash: hashOf(token),
    order_id: link.orderId,
    customer_id: link.customerId,
    conversation_workflow_id: link.conversationWorkflowId,
    created_at: link.now.toISOString(),
    expires_at: expiresAt,
  });
  return { token, expiresAt };
}

/** The order and customer a link opens, with when it expires; undefined for a token nobody issued. */
export async function findInvoiceLink(db: Knex, token: string): Promise<{ orderId: string; customerId: string; expiresAt: string } | undefined> {
  const row = (await db('invoice_links').where({ token_hash: hashOf(token) }).first('order_id', 'customer_id', 'expires_at')) as
    | { order_id: string; customer_id: string; expires_at: string }
    | undefined;
  return row ? { orderId: row.order_id, customerId: row.customer_id, expiresAt: row.expires_at } : undefined;
}
