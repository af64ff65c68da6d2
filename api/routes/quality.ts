import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { listScorecards } from '../../db/repositories/conversation-outcomes';
import { allowRoles } from '../authorization';
import type { ScorecardPage } from '../contracts';
import { HttpError } from '../http-error';

const LIMIT = 'limit must be a whole number from 1 to 500';

const scorecardsQuery = z.strictObject({
  failing: z.enum(['true', 'false'], { error: 'failing must be true or false (or left out for every scorecard)' }).optional(),
  limit: z.coerce.number({ error: LIMIT }).int(LIMIT).min(1, LIMIT).max(500, LIMIT).default(100),
});

/** The quality review: each closed conversation's scorecard, for the people who answer for quality. */
export function qualityRoutes(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/quality/scorecards', allowRoles('supervisor', 'auditor'), async (req, res) => {
    const parsed = scorecardsQuery.safeParse(req.query);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? `unknown query parameter ${issue.keys.join(', ')} (use failing, limit)` : issue.message,
      );
      throw new HttpError(400, 'invalid_query', reasons.join('; '));
    }
    const { failing, limit } = parsed.data;
    const cards = await listScorecards(deps.db, { failingOnly: failing === 'true', limit });
    const page: ScorecardPage = {
      scorecards: cards.map((c) => ({ conversationId: c.conversationId, closedAt: c.closedAt, passed: c.passed, failing: c.failing, checks: c.checks })),
    };
    res.json(page);
  });

  return router;
}
