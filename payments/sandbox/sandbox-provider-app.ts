import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { FaultPlan, type FaultRoute } from './faults';
import type { BookResult, RefundBook } from './refund-book';

const refundBody = z.strictObject({
  payment_method_id: z.string().min(1).max(100),
  amount_cents: z.number().int().positive().max(100_000_000),
  reference: z.string().min(1).max(100),
});
const faultBody = z.strictObject({
  route: z.enum(['refunds', 'reversals']),
  mode: z.enum(['fail_before', 'fail_after', 'hang_after']),
  times: z.number().int().positive().max(100).default(1),
});
const idempotencyKey = z.string().regex(/^[\w.:\-/]{1,200}$/);
const refundId = z.string().regex(/^re_[0-9a-f]{1,64}$/);

export interface SandboxOptions {
  book: RefundBook;
  /** Fault injection over HTTP (`POST /v1/_faults`) is for tests only. */
  faultsEnabled?: boolean;
  hangMs?: number;
}

/**
 * A small payment provider the project runs itself: refunds and reversals with idempotency keys,
 * and injectable failures. The saga reaches it over HTTP like it would reach a real provider.
 */
export function createSandboxProviderApp(options: SandboxOptions): express.Express {
  const faults = new FaultPlan();
  const app = express();
  app.use(express.json({ limit: '8kb' }));

  const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

  /** Runs the operation under any planned fault and answers with its result. */
  const answer = async <T>(route: FaultRoute, res: Response, operation: () => BookResult<T> | undefined, missing: string) => {
    const fault = faults.take(route);
    if (fault === 'fail_before') return fail(res, 503, 'unavailable', 'injected failure before processing');
    const result = operation();
    if (fault === 'fail_after') return fail(res, 503, 'unavailable', 'injected failure after processing');
    if (fault === 'hang_after') await new Promise((resolve) => setTimeout(resolve, options.hangMs ?? 30_000));
    if (!result) return fail(res, 404, 'not_found', missing);
    if (result.kind === 'conflict') return fail(res, 409, result.code, result.message);
    res.setHeader('idempotent-replayed', String(result.kind === 'replayed'));
    return res.status(result.kind === 'created' ? 201 : 200).json(result.value);
  };

  const keyOf = (req: Request, res: Response): string | undefined => {
    const parsed = idempotencyKey.safeParse(req.get('idempotency-key'));
    if (parsed.success) return parsed.data;
    fail(res, 400, 'idempotency_key_required', 'send an Idempotency-Key header (1-200 characters)');
    return undefined;
  };

  app.post('/v1/refunds', async (req, res) => {
    const key = keyOf(req, res);
    if (!key) return;
    const body = refundBody.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'invalid_request', body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    await answer('refunds', res, () => options.book.createRefund(key, body.data), 'refund not found');
  });

  app.post('/v1/refunds/:id/reversal', async (req, res) => {
    const key = keyOf(req, res);
    if (!key) return;
    await answer('reversals', res, () => options.book.reverseRefund(key, req.params.id), `refund ${req.params.id} not found`);
  });

  app.get('/v1/refunds', (req, res) => {
    const reference = typeof req.query.reference === 'string' ? req.query.reference : undefined;
    const key = req.query.idempotency_key;
    if (key !== undefined) {
      if (reference !== undefined) return fail(res, 400, 'invalid_query', 'ask by ?reference=... or by ?idempotency_key=..., not both');
      const parsed = idempotencyKey.safeParse(key);
      if (!parsed.success) return fail(res, 400, 'invalid_idempotency_key', 'idempotency_key must be 1-200 letters, digits or . : - / _');
      const found = options.book.lookup({ idempotencyKey: parsed.data });
      return res.json({ data: found ? [found] : [] });
    }
    if (!reference) return fail(res, 400, 'reference_required', 'list refunds with ?reference=... or find one with ?idempotency_key=...');
    res.json({ data: options.book.refundsFor(reference) });
  });

  app.get('/v1/refunds/:id', (req, res) => {
    if (!refundId.safeParse(req.params.id).success) return fail(res, 400, 'invalid_refund_id', 'a refund id looks like re_ followed by hex digits');
    const found = options.book.lookup({ refundId: req.params.id });
    if (!found) return fail(res, 404, 'not_found', `refund ${req.params.id} not found`);
    res.json(found);
  });

  if (options.faultsEnabled) {
    app.post('/v1/_faults', (req, res) => {
      const body = faultBody.safeParse(req.body);
      if (!body.success) return fail(res, 400, 'invalid_request', body.error.message);
      faults.add(body.data);
      res.status(204).end();
    });
    app.delete('/v1/_faults', (_req, res) => {
      faults.clear();
      res.status(204).end();
    });
    app.delete('/v1/_faults', (_req, res) => {
      faults.clear();
      res.status(204).end();
    });
  }

  app.use((_req, res) => fail(res, 404, 'not_found', 'no such route'));
  app.use((err: { type?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    if (err.type === 'entity.parse.failed') return fail(res, 400, 'malformed_json', 'the body is not valid JSON');
    return fail(res, 500, 'internal', 'sandbox provider error');
  });
  return app;
}
