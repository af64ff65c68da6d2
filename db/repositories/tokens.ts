import type { Knex } from 'knex';

export const TOKEN_ROLES = ['channel', 'widget', 'agent', 'supervisor', 'auditor', 'conversation'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export interface ApiToken {
  id: number;
  name: string;
  role: TokenRole;
  /** sha256 of the token, lowercase hex; the token itself is never stored. */
  tokenHash: string;
  /** Set for a token that may only talk to this one conversation. */
  conversationId: string | null;
  /** A widget key's page origin. */
  origin: string | null;
  /** The languages a person speaks (BCP 47), as minted; empty for machines and people who gave none. */
  languages: string[];
  createdAt: Date;
  /** Null: it does not expire. */
  expiresAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: number;
  name: string;
  role: TokenRole;
  token_hash: string;
  conversation_id: string | null;
  origin: string | null;
  languages?: string | null;
  created_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

export async function insertToken(
  db: Knex,
  token: { name: string; role: TokenRole; tokenHash: string; conversationId?: string | null; origin?: string | null; languages?: string[]; expiresAt?: Date | null },
): Promise<ApiToken> {
  const [row]: ApiTokenRow[] = await db('api_tokens')
    .insert({
      name: token.name,
      role: token.role,
      token_hash: token.tokenHash,
      conversation_id: token.conversationId ?? null,
      origin: token.origin ?? null,
      languages: token.languages?.length ? token.languages.join(',') : null,
      expires_at: token.expiresAt ?? null,
    })
    .returning('*');
  if (!row) throw new Error('inserting an api token returned no row');
  return toApiToken(row);
}

/** The token with this hash unless it has been revoked. */
export async function findActiveTokenByHash(db: Knex, tokenHash: string): Promise<ApiToken | undefined> {
  const row: ApiTokenRow | undefined = await db('api_tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').first();
  return row && toApiToken(row);
}

/** The token with this hash, revoked or expired ones too (so a refusal can say which token it was). */
export async function findTokenByHash(db: Knex, tokenHash: string): Promise<ApiToken | undefined> {
  const row: ApiTokenRow | undefined = await db('api_tokens').where({ token_hash: tokenHash }).first();
  return row && toApiToken(row);
}

/** Every token but the per-conversation ones (there is one per conversation), newest first. */
export async function listTokens(db: Knex, options: { includeConversations?: boolean } = {}): Promise<ApiToken[]> {
  const query = db('api_tokens').orderBy('id', 'desc');
  if (!options.includeConversations) query.whereNot({ role: 'conversation' });
  return ((await query) as ApiTokenRow[]).map(toApiToken);
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
    origin: row.origin ?? null,
    languages: row.languages ? row.languages.split(',') : [],
    createdAt: toDate(row.created_at),
    expiresAt: row.expires_at === null || row.expires_at === undefined ? null : toDate(row.expires_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  };
}

/** PostgreSQL returns Dates; SQLite returns CURRENT_TIMESTAMP text ('YYYY-MM-DD HH:MM:SS', UTC). */
function toDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  // better-sqlite3 stores a Date bound as a parameter as its epoch milliseconds.
  if (typeof value === 'number') return new Date(value);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
}
