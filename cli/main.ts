// `npm run -s cli -- <command>`: the operator's command line (contract in design.md).
import { ConfigError, loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { UsageError } from './args';
import { AUTH_USAGE, authCommand } from './commands/auth';
import { storeCommand } from './commands/store';

const USAGE = `usage: npm run -s cli -- <command>
  ${AUTH_USAGE}
  store import --db DIR
  store export --out DIR`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'auth' && command !== 'store') throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    if (command === 'auth') return await authCommand(args, { db, out: (line) => console.log(line) });
    return await storeCommand(args, { db });
  } finally {
    await closeDatabase(db);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) {
      console.error(`error: ${err.message}`);
      process.exit(2);
    }
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
