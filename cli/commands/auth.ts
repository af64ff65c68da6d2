import type { Knex } from 'knex';
import { MINTABLE_ROLES, isMintableRole } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { UsageError, parseFlags } from '../../config/args';

export const AUTH_USAGE = `auth token --role ${MINTABLE_ROLES.join('|')} [--name NAME]`;

/** `auth token`: mints a bearer token into the configured database and prints it (only its hash is stored). */
export async function authCommand(args: string[], deps: { db: Knex; out: (line: string) => void }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'token') throw new UsageError(`usage: ${AUTH_USAGE}`);
  const flags = parseFlags(rest, ['role', 'name']);
  const role = flags.get('role');
  if (!role) throw new UsageError(`--role is required: ${MINTABLE_ROLES.join(', ')}`);
  if (!isMintableRole(role)) throw new UsageError(`unknown role "${role}": use one of ${MINTABLE_ROLES.join(', ')}`);
  const name = flags.get('name') ?? `${role} token`;
  deps.out(await mintToken(deps.db, { role, name }));
  return 0;
}
