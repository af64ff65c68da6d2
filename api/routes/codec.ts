import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Role } from '../../auth/roles';
import { requireToken } from '../authorization';
import { HttpError } from '../http-error';

/** Who may read customers' PII out of Temporal histories through the Web UI. */
export const CODEC_ROLES: readonly Role[] = ['supervisor', 'auditor'];
const MAX_PAYLOADS = 2000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const base64 = z.string().regex(BASE64, 'must be base64');
const payloadsBody = z.strictObject({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }), { error: 'payloads must be an array of { metadata, data }' })
    .max(MAX_PAYLOADS, `at most ${MAX_PAYLOADS} payloads per request`),
});

type JsonPayload = { metadata?: Record<string, string>; data?: string };

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** What the UI shows in place of a payload that cannot be read (an erased conversation, a key no longer listed). */
function unreadable(reason: string): JsonPayload {
  return toJson({
    metadata: { encoding: new TextEncoder().encode('json/plain') },
    data: new TextEncoder().encode(JSON.stringify(`[not decrypted: ${reason}]`)),
  });
}

/**
 * Temporal Web UI's codec endpoint (its "codec server"): POST /codec/decode and /codec/encode with the
 * Temporal JSON payload format, for supervisors and auditors only; CORS for the UI's origins.
 */
export function codecRoutes(deps: { db: Knex; codec: PayloadCodec; allowedOrigins: readonly string[]; maxBodyBytes: number }): Router {
  const router = Router();
  const origins = new Set(deps.allowedOrigins);

  router.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (origin && origins.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Vary', 'Origin');
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      if (!origin || !origins.has(origin)) throw new HttpError(403, 'origin_not_allowed', `the codec endpoint answers the Temporal UI's origins only (${[...origins].join(', ')})`);
      res.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  });
  router.use(requireToken(deps.db));
  router.use((req: Request, _res: Response, next: NextFunction) => {
    if (!req.principal || !CODEC_ROLES.includes(req.principal.role)) {
      throw new HttpError(403, 'forbidden', `decoding histories needs one of the roles: ${CODEC_ROLES.join(', ')}`);
    }
    next();
  });
  router.use(express.json({ limit: deps.maxBodyBytes, strict: true }));

  const parse = (req: Request): Payload[] => {
    const parsed = payloadsBody.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid_body', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    }
    return parsed.data.payloads.map(fromJson);
  };

  router.post('/decode', async (req, res) => {
    const payloads = parse(req);
    // One at a time: an erased conversation's payload must not hide the others in the same answer.
    const decoded = await Promise.all(
      payloads.map((p) => deps.codec.decode([p]).then(([d]) => toJson(d!), (err: Error) => unreadable(err.message))),
    );
    res.set('Cache-Control', 'no-store').json({ payloads: decoded });
  });

  router.post('/encode', async (req, res) => {
    const encoded = await deps.codec.encode(parse(req));
    res.set('Cache-Control', 'no-store').json({ payloads: encoded.map(toJson) });
  });

  return router;
}
