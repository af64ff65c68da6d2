import type { Knex } from 'knex';

export const TOKEN_ROLES = ['channel', 'agent', 'supervisor', 'auditor', 'conversation'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export interface ApiToken {
  id: number;
  name: string;
  role: TokenRole;
  /** sha256 of the token, lowercase hex; the token itself is never stored. */
  tokenHash: string;
  /** Set for a token that may only talk to this one conversation. */
  conversationId: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: number;
  name: string;
  role: TokenRole;
  token_hash: string;
  conversation_id: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

export async function insertToken(
  db: Knex,
  token: { name: string; role: TokenRole; tokenHash: string; conversationId?: string | null },
): Promise<ApiToken> {
  const [row]: ApiTokenRow[] = await db('api_tokens')
    .insert({ name: token.name, role: token.role, token_hash: token.tokenHash, conversation_id: token.conversationId ?? null })
    .returning('*');
  if (!row) throw new Error('inserting an api token returned no row');
  return toApiToken(row);
}

/** The token with this hash unless it has been revoked. */
export async function findActiveTokenByHash(db: Knex, tokenHash: string): Promise<ApiToken | undefined> {
  const row: ApiTokenRow | undefined = await db('api_tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').first();
  return row && toApiToken(row);
}

/** Revokes the token; false when there is no such token or it was already revoked. */
export async function revokeToken(db: Knex, id: number): Promise<boolean> {
  const updated = await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
  return updated === 1;
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    tokenHash: row.token_hash,
    conversationId: row.conversation_id,
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  };
}

/** PostgreSQL returns Dates; SQLite returns CURRENT_TIMESTAMP text ('YYYY-MM-DD HH:MM:SS', UTC). */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
}
