import type { Knex } from 'knex';
import { MINTABLE_ROLES, SPEAKING_ROLES, isMintableRole, parseLanguages, parseTtl } from '../../auth/roles';
import { mintTokenWithId } from '../../auth/token-service';
import { UsageError, parseFlags } from '../../config/args';
import { listTokens, revokeToken } from '../../db/repositories/tokens';

export const AUTH_USAGE = `auth token --role ${MINTABLE_ROLES.join('|')} [--name NAME] [--ttl 90m|12h|30d|never] [--origin https://shop.example (widget keys)] [--languages de,fr (agents, supervisors)]
  auth list [--json]
  auth revoke TOKEN_ID`;

/**
 * `auth token` mints a bearer token into the configured database and prints it (only its hash is
 * stored; its id goes to stderr); `auth list` shows tokens without their secrets; `auth revoke` ends one.
 */
export async function authCommand(args: string[], deps: { db: Knex; out: (line: string) => void; err?: (line: string) => void }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'token') return mint(rest, deps);
  if (sub === 'list') return list(rest, deps);
  if (sub === 'revoke') return revoke(rest, deps);
  throw new UsageError(`usage: ${AUTH_USAGE}`);
}

async function mint(rest: string[], deps: { db: Knex; out: (line: string) => void; err?: (line: string) => void }): Promise<number> {
  const flags = parseFlags(rest, ['role', 'name', 'ttl', 'origin', 'languages']);
  const role = flags.get('role');
  if (!role) throw new UsageError(`--role is required: ${MINTABLE_ROLES.join(', ')}`);
  if (!isMintableRole(role)) throw new UsageError(`unknown role "${role}": use one of ${MINTABLE_ROLES.join(', ')}`);
  const ttlText = flags.get('ttl');
  const ttlMs = ttlText === undefined ? undefined : parseTtl(ttlText);
  if (ttlMs === undefined && ttlText !== undefined) throw new UsageError(`--ttl "${ttlText}" is not a duration: use e.g. 90m, 12h, 30d or never`);
  const originText = flags.get('origin');
  if (role === 'widget' && originText === undefined) throw new UsageError('a widget key needs --origin, the page origin it is used from (e.g. https://shop.example)');
  if (role !== 'widget' && originText !== undefined) throw new UsageError('--origin is only for widget keys (--role widget)');
  const origin = originText === undefined ? undefined : originOf(originText);
  const languagesText = flags.get('languages');
  if (languagesText !== undefined && !SPEAKING_ROLES.includes(role)) throw new UsageError(`--languages is only for people who answer customers (--role ${SPEAKING_ROLES.join(' or ')})`);
  const languages = languagesText === undefined ? undefined : parseLanguages(languagesText);
  if (languagesText !== undefined && !languages) throw new UsageError(`--languages "${languagesText}" is not a list of language codes: use e.g. de,fr or pt-br`);
  const name = flags.get('name') ?? `${role} token`;
  const minted = await mintTokenWithId(deps.db, { role, name, ttlMs, ...(origin ? { origin } : {}), ...(languages ? { languages } : {}) });
  deps.out(minted.token);
  deps.err?.(`token id ${minted.id}, ${minted.expiresAt ? `expires ${minted.expiresAt.toISOString()}` : 'does not expire'}`);
  return 0;
}

/** `https://shop.example` exactly as a browser sends it in Origin: scheme, host and a port only when not the default. */
function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--origin "${text}" is not a URL: use the page's origin, e.g. https://shop.example`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== text.replace(/\/$/, '')) {
    throw new UsageError(`--origin "${text}" must be an origin only (scheme and host, e.g. https://shop.example), no path`);
  }
  return url.origin;
}

async function list(rest: string[], deps: { db: Knex; out: (line: string) => void }): Promise<number> {
  const json = rest.length === 1 && rest[0] === '--json';
  if (rest.length > 0 && !json) throw new UsageError('usage: auth list [--json]');
  const tokens = (await listTokens(deps.db)).map((t) => ({
    id: t.id,
    role: t.role,
    name: t.name,
    origin: t.origin,
    languages: t.languages,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
  if (json) {
    deps.out(JSON.stringify(tokens, null, 2));
    return 0;
  }
  deps.out(['id', 'role', 'name', 'expires', 'revoked', 'origin', 'languages'].join('\t'));
  for (const t of tokens) deps.out([t.id, t.role, t.name, t.expiresAt ?? 'never', t.revokedAt ?? '-', t.origin ?? '-', t.languages.join(',') || '-'].join('\t'));
  return 0;
}

async function revoke(rest: string[], deps: { db: Knex; out: (line: string) => void }): Promise<number> {
  const [idText, ...extra] = rest;
  if (!idText || extra.length > 0 || !/^[1-9]\d{0,9}$/.test(idText)) throw new UsageError('usage: auth revoke TOKEN_ID (the id `auth list` shows)');
  const id = Number(idText);
  const exists = await deps.db('api_tokens').where({ id }).first('id', 'revoked_at');
  if (!exists) throw new UsageError(`there is no token with id ${id}`);
  if (!(await revokeToken(deps.db, id))) {
    deps.out(`token ${id} was already revoked`);
    return 0;
  }
  deps.out(`token ${id} revoked`);
  return 0;
}
