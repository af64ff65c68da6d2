import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { findActiveTokenByHash, insertToken } from '../db/repositories/tokens';
import type { Principal, Role } from './roles';

const PREFIX = 'sst';

/** Only this hash is stored: a leaked database does not leak working tokens. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function mintToken(
  db: Knex,
  request: { role: Role; name: string; conversationId?: string },
): Promise<string> {
  const token = `${PREFIX}_${request.role}_${crypto.randomBytes(24).toString('base64url')}`;
  await insertToken(db, {
    name: request.name,
    role: request.role,
    tokenHash: hashToken(token),
    conversationId: request.conversationId,
  });
  return token;
}

export async function authenticate(db: Knex, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(`${PREFIX}_`) || token.length > 200) return undefined;
  const row = await findActiveTokenByHash(db, hashToken(token));
  if (!row) return undefined;
  return { tokenId: row.id, name: row.name, role: row.role as Role, conversationId: row.conversationId ?? null };
}
