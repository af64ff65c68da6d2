import { Router } from 'express';
import type { Me } from '../contracts';
import { HttpError } from '../http-error';
import { actorIdOf } from '../../auth/roles';

/** Who the bearer token belongs to, so a console can greet its user and show what their role may do. */
export function meRoutes(): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    const principal = req.principal;
    if (!principal) throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <token>');
    res.json({ id: actorIdOf(principal), name: principal.name, role: principal.role, languages: principal.languages } satisfies Me);
  });
  return router;
}
