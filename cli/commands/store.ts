import path from 'node:path';
import type { Knex } from 'knex';
import { writeTauStore } from '../../tau/store/export';
import { importTauStore } from '../../tau/store/import';
import { TauFormatError } from '../../tau/format/errors';
import { UsageError, parseFlags } from '../../config/args';

const USAGE = `usage:
  npm run -s cli -- store import --db DIR    replace customers, orders and products with DIR/{users,orders,products}.json (tau-bench retail format)
  npm run -s cli -- store export --out DIR   write them out as DIR/{users,orders,products}.json`;

export interface StoreCommandDeps {
  db: Knex;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** `store import` / `store export`. Returns the exit code: 0 done, 1 bad or unreadable files, 2 usage mistake. */
export async function storeCommand(args: string[], deps: StoreCommandDeps): Promise<number> {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    const [subcommand, ...rest] = args;
    if (subcommand === 'import') {
      const dir = requiredFlag(parseFlags(rest, ['db']), 'db', 'store import needs --db DIR, the folder that holds users.json, orders.json and products.json');
      const counts = await importTauStore(deps.db, dir);
      out(`imported ${counts.customers} customers, ${counts.orders} orders and ${counts.products} products from ${path.resolve(dir)}`);
      return 0;
    }
    if (subcommand === 'export') {
      const dir = requiredFlag(parseFlags(rest, ['out']), 'out', 'store export needs --out DIR, the folder to write users.json, orders.json and products.json into');
      const store = await writeTauStore(deps.db, dir).catch((error: unknown) => {
        if (isFileSystemError(error)) throw new CommandFailure(`cannot write into ${path.resolve(dir)}: ${error.message}`);
        throw error;
      });
      out(`wrote ${store.users.size} customers, ${store.orders.size} orders and ${store.products.size} products to ${path.resolve(dir)}`);
      return 0;
    }
    throw new UsageError(subcommand === undefined ? 'store needs a subcommand' : `unknown store subcommand "${subcommand}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`error: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof TauFormatError || error instanceof CommandFailure || isFileSystemError(error)) {
      err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** A failure the operator can fix (exit code 1), as opposed to a bug. */
class CommandFailure extends Error {
  override name = 'CommandFailure';
}

function requiredFlag(flags: Map<string, string>, name: string, explanation: string): string {
  const value = flags.get(name);
  if (value === undefined || value === '') throw new UsageError(explanation);
  return value;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
