import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { listConversationOutcomes } from '../../db/repositories/conversation-outcomes';
import { summarizeOutcomes, summaryWindowStart } from '../../domain/outcomes/summary';
import { allowRoles } from '../authorization';
import type { OperationsSummary } from '../contracts';
import { HttpError } from '../http-error';

const DAYS = 'days must be a whole number from 1 to 365';

const summaryQuery = z.strictObject({
  days: z.string().regex(/^\d{1,3}$/, DAYS).transform(Number).pipe(z.number().min(1, DAYS).max(365, DAYS)).default(30),
});

/** The operators' figures, read from the recorded outcomes of conversations: for the people who answer for them. */
export function operationsRoutes(deps: { db: Knex; now?: () => Date }): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/operations/summary', allowRoles('supervisor', 'auditor'), async (req, res) => {
    const parsed = summaryQuery.safeParse(req.query);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')} (use days)` : DAYS));
      throw new HttpError(400, 'invalid_query', [...new Set(reasons)].join('; '));
    }
    const { days } = parsed.data;
    const at = now();
    const rows = await listConversationOutcomes(deps.db, { since: summaryWindowStart(at, days) }, at);
    res.json(summarizeOutcomes(rows, { now: at, days }) satisfies OperationsSummary);
  });

  return router;
}
