import crypto from 'node:crypto';
import { Router } from 'express';
import type { ProductMetrics } from '../../observability/metrics';
import { HttpError } from '../http-error';

/** Compared as digests, so neither the time taken nor a length difference tells how much of a guess was right. */
const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();

/** `GET /metrics` for Prometheus: outside /v1 and its tokens, guarded by METRICS_TOKEN when one is set. */
export function metricsRoutes(deps: { metrics: ProductMetrics; token?: string }): Router {
  const router = Router();
  const expected = deps.token === undefined ? undefined : digest(deps.token);
  router.get('/metrics', async (req, res) => {
    if (expected) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
      if (!match?.[1]) throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <METRICS_TOKEN>');
      if (!crypto.timingSafeEqual(digest(match[1]), expected)) throw new HttpError(401, 'unauthenticated', 'the bearer token is not METRICS_TOKEN');
    }
    let text: string;
    try {
      text = await deps.metrics.render();
    } catch (err) {
      throw Object.assign(new HttpError(503, 'database_unavailable', 'the figures cannot be read from the database right now; try again shortly'), { cause: err });
    }
    res.set('Content-Type', deps.metrics.contentType).send(text);
  });
  return router;
}
