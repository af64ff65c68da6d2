import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { conversationTimeline } from '../../audit/conversation-timeline';
import { AUDIT_DATE_HINT, parseAuditDate } from '../../audit/dates';
import { UnknownConversation } from '../../audit/histories';
import { searchConversations } from '../../db/repositories/audit-search';
import { allowRoles } from '../authorization';
import type { AuditConversationPage, AuditTimeline } from '../contracts';
import { HttpError, notFound } from '../http-error';

const LIMIT = 'limit must be a whole number from 1 to 500';
const auditDate = (name: string) =>
  z
    .string()
    .transform((raw, ctx) => parseAuditDate(raw) ?? (ctx.addIssue({ code: 'custom', message: `${name} must be ${AUDIT_DATE_HINT}` }), z.NEVER))
    .optional();
const text = (name: string) => z.string({ error: `${name} must be given once` }).trim().min(1, `${name} must not be empty`).max(200, `${name} is too long`).optional();

const searchQuery = z
  .strictObject({
    customer: text('customer'),
    order: text('order'),
    since: auditDate('since'),
    until: auditDate('until'),
    limit: z.string().regex(/^\d{1,3}$/, LIMIT).transform(Number).pipe(z.number().min(1, LIMIT).max(500, LIMIT)).default(100),
  })
  .refine((q) => !q.since || !q.until || q.until > q.since, { message: 'until must be after since' });

/** The auditors' read-only view: find conversations, read one's decisions from its recorded history. */
export function auditRoutes(deps: { db: Knex; client: Client }): Router {
  const router = Router();

  router.get('/audit/conversations', allowRoles('auditor', 'supervisor'), async (req, res) => {
    const parsed = searchQuery.safeParse(req.query);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')} (use customer, order, since, until, limit)` : issue.message,
      );
      throw new HttpError(400, 'invalid_query', [...new Set(reasons)].join('; '));
    }
    res.json({ conversations: await searchConversations(deps.db, parsed.data) } satisfies AuditConversationPage);
  });

  router.get('/audit/conversations/:id/timeline', allowRoles('auditor', 'supervisor'), async (req, res) => {
    const id = String(req.params.id);
    if (!/^[A-Za-z0-9._:-]{1,200}$/.test(id)) throw new HttpError(400, 'invalid_id', 'a conversation id has letters, digits, . _ : - only');
    try {
      res.json((await conversationTimeline(deps.client, deps.db, id)) satisfies AuditTimeline);
    } catch (err) {
      if (err instanceof UnknownConversation) throw notFound(`conversation ${id}`);
      throw err;
    }
  });

  return router;
}
