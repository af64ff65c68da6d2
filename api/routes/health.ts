import { Router } from 'express';
import type { Readiness } from '../readiness';

export function healthRoutes(readiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const result = await readiness();
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ok' : 'unavailable', checks: result.checks });
  });
  return router;
}
