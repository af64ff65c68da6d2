import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { listRefunds } from '../../db/repositories/refund-audit';
import { REFUND_GROUPS, groupOf, type RefundGroup } from '../../domain/reconciliation';
import { conversationIdOfWorkflow } from '../../observability/conversation-ids';
import { allowRoles } from '../authorization';
import type { RefundPage, RefundRow } from '../contracts';
import { HttpError } from '../http-error';

const GROUPS = Object.keys(REFUND_GROUPS) as [RefundGroup, ...RefundGroup[]];

const refundsQuery = z.strictObject({
  status: z.enum(GROUPS, { error: `status must be one of ${GROUPS.join(', ')} (or left out for all)` }).optional(),
  limit: z.coerce.number({ error: 'limit must be a whole number from 1 to 200' }).int('limit must be a whole number from 1 to 200').min(1, 'limit must be a whole number from 1 to 200').max(200, 'limit must be a whole number from 1 to 200').default(50),
  before: z.string().regex(/^[1-9]\d{0,15}$/, 'before must be the next value of a previous page').optional(),
});

/** The operator's view of money: the refund ledger, for the people who answer for it. */
export function refundRoutes(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/refunds', allowRoles('supervisor', 'auditor'), async (req, res) => {
    const parsed = refundsQuery.safeParse(req.query);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')} (use status, limit, before)` : issue.message,
      );
      throw new HttpError(400, 'invalid_query', reasons.join('; '));
    }
    const { status, limit, before } = parsed.data;
    const entries = await listRefunds(deps.db, { limit, ...(status ? { group: status } : {}), ...(before ? { beforeId: Number(before) } : {}) });
    const refunds = entries.map(
      (e): RefundRow => ({
        sagaId: e.sagaId,
        orderId: e.orderId,
        customerId: e.customerId,
        paymentMethodId: e.paymentMethodId,
        amountCents: e.amountCents,
        purpose: e.purpose,
        status: groupOf(e.status),
        ledgerStatus: e.status,
        providerRefundId: e.providerRefundId,
        failureReason: e.failureReason,
        attempts: e.providerAttempts,
        conversationId: conversationIdOfWorkflow(e.conversationWorkflowId ?? e.sagaId) ?? null,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      }),
    );
    const last = entries.at(-1);
    const page: RefundPage = { refunds, next: entries.length === limit && last ? String(last.id) : null };
    res.json(page);
  });

  return router;
}
