import express, { Router } from 'express';
import type { Knex } from 'knex';
import type { EmailInbox } from '../../channels';
import { allowRoles, requireToken } from '../authorization';
import { HttpError } from '../http-error';

/**
 * `POST /channels/email/inbound`: a provider that forwards mail posts the raw MIME
 * (Content-Type: message/rfc822) with a channel token. 202 once kept; the reply goes out by mail.
 */
export function emailInboundRoutes(deps: { db: Knex; inbox: EmailInbox; maxBytes: number }): Router {
  const router = Router();
  router.post(
    '/inbound',
    requireToken(deps.db),
    allowRoles('channel'),
    (req, _res, next) => {
      if (!req.is('message/rfc822')) throw new HttpError(415, 'unsupported_media_type', 'send the raw mail as Content-Type: message/rfc822');
      next();
    },
    express.raw({ type: 'message/rfc822', limit: deps.maxBytes }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const accepted = await deps.inbox.accept(raw, { via: 'webhook' });
      if (!accepted.accepted) throw new HttpError(400, 'malformed_mail', accepted.reason);
      res.status(accepted.duplicate ? 200 : 202).json({ accepted: true, id: accepted.id, duplicate: accepted.duplicate });
    },
  );
  return router;
}
