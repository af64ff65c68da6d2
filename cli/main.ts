// `npm run -s cli -- <command>`: the operator's command line (contract in design.md).
import { UsageError } from '../config/args';
import { ConfigError, loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { NLU_USAGE, nluCommand } from '../nlu/command';
import { AUTH_USAGE, authCommand } from './commands/auth';
import { storeCommand } from './commands/store';
import { TAU_USAGE, tauCommand } from './commands/tau';

const USAGE = `usage: npm run -s cli -- <command>
  ${AUTH_USAGE}
  store import --db DIR
  store export --out DIR
  ${NLU_USAGE}
  ${TAU_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  // These two work on files and a store of their own: they need no configured database.
  if (command === 'nlu') return nluCommand(args, { ...io, stdin: process.stdin });
  if (command === 'tau') return tauCommand(args, io);
  if (command !== 'auth' && command !== 'store') throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    if (command === 'auth') return await authCommand(args, { db, out: io.out });
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
