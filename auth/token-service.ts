import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { findTokenByHash, insertToken } from '../db/repositories/tokens';
import { DEFAULT_TTL_MS, type Principal, type Role } from './roles';

const PREFIX = 'sst';

/** Only this hash is stored: a leaked database does not leak working tokens. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface MintRequest {
  role: Role;
  name: string;
  conversationId?: string;
  /** A widget key's page origin. */
  origin?: string;
  /** The languages an agent or supervisor speaks. */
  languages?: string[];
  /** How long the token lives; null never expires; left out, the role's default. */
  ttlMs?: number | null;
  now?: Date;
}

export async function mintToken(db: Knex, request: MintRequest): Promise<string> {
  return (await mintTokenWithId(db, request)).token;
}

/** The token and its id (what `auth list` and `auth revoke` name, and what logs show instead of it). */
export async function mintTokenWithId(db: Knex, request: MintRequest): Promise<{ token: string; id: number; expiresAt: Date | null }> {
  const token = `${PREFIX}_${request.role}_${crypto.randomBytes(24).toString('base64url')}`;
  const ttlMs = request.ttlMs === undefined ? DEFAULT_TTL_MS[request.role] : request.ttlMs;
  const expiresAt = ttlMs === null ? null : new Date((request.now ?? new Date()).getTime() + ttlMs);
  const row = await insertToken(db, {
    name: request.name,
    role: request.role,
    tokenHash: hashToken(token),
    conversationId: request.conversationId,
    origin: request.origin,
    languages: request.languages,
    expiresAt,
  });
  return { token, id: row.id, expiresAt };
}

/** Why a token presented is not accepted; `tokenId` is set when the token is one of ours (for the log). */
export type Rejection = { reason: 'unknown' } | { reason: 'revoked' | 'expired' | 'conversation_closed'; tokenId: number };

export async function authenticate(db: Knex, token: string, now: Date = new Date()): Promise<Principal | undefined> {
  const checked = await checkToken(db, token, now);
  return 'principal' in checked ? checked.principal : undefined;
}

/** The principal, or why not. A conversation token stops working once its conversation has closed. */
export async function checkToken(db: Knex, token: string, now: Date = new Date()): Promise<{ principal: Principal } | Rejection> {
  if (!token.startsWith(`${PREFIX}_`) || token.length > 200) return { reason: 'unknown' };
  const hash = hashToken(token);
  const row = await findTokenByHash(db, hash);
  // The lookup is by the hash, so its timing tells nothing about the token; the comparison is constant-time all the same.
  if (!row || !crypto.timingSafeEqual(Buffer.from(row.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return { reason: 'unknown' };
  if (row.revokedAt) return { reason: 'revoked', tokenId: row.id };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { reason: 'expired', tokenId: row.id };
  if (row.role === 'conversation' && row.conversationId && (await conversationClosed(db, row.conversationId))) {
    return { reason: 'conversation_closed', tokenId: row.id };
  }
  return {
    principal: { tokenId: row.id, name: row.name, role: row.role as Role, conversationId: row.conversationId ?? null, origin: row.origin ?? null, languages: row.languages },
  };
}

/**
 * The outcomes projection records `closed_at` when a conversation's workflow closes: one indexed row
 * read per request, where asking the workflow would need a worker to answer a query.
 */
async function conversationClosed(db: Knex, conversationId: string): Promise<boolean> {
  const row = (await db('conversation_outcomes').where({ conversation_id: conversationId }).first('closed_at')) as { closed_at: string | null } | undefined;
  return Boolean(row?.closed_at);
}
