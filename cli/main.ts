// `npm run -s cli -- <command>`: the operator's command line (contract in design.md).
import { UsageError } from '../config/args';
import { ConfigError, loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { NLU_USAGE, nluCommand } from '../nlu/command';
import { AUDIT_USAGE, auditCommand } from './commands/audit';
import { AUTH_USAGE, authCommand } from './commands/auth';
import { EVAL_USAGE, evalCommand } from './commands/eval';
import { REFUNDS_USAGE, refundsCommand } from './commands/refunds';
import { storeCommand } from './commands/store';
import { TAU_USAGE, tauCommand } from './commands/tau';

const USAGE = `usage: npm run -s cli -- <command>
  ${AUTH_USAGE}
  store import --db DIR
  store export --out DIR
  ${NLU_USAGE}
  ${TAU_USAGE}
  ${REFUNDS_USAGE}
  ${EVAL_USAGE}
  ${AUDIT_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  // Results on stdout are the command's contract; diagnostics go to stderr.
  const io = { out: (line: string) => process.stdout.write(`${line}\n`), err: (line: string) => process.stderr.write(`${line}\n`) };
  // These two work on files and a store of their own: they need no configured database.
  if (command === 'nlu') return nluCommand(args, { ...io, stdin: process.stdin });
  if (command === 'tau') return tauCommand(args, io);
  // Reconciliation runs on the worker: this command only needs Temporal.
  if (command === 'refunds') return refundsCommand(args, { ...io, config: loadConfig() });
  // The eval opens the database and Temporal itself: it talks to the running system like an operator would.
  if (command === 'eval') return evalCommand(args, io);
  // Audits read Temporal's histories; only the timeline reads the outcome from the database, itself.
  if (command === 'audit') return auditCommand(args, { ...io, config: loadConfig(), progress: process.stderr });
  if (command !== 'auth' && command !== 'store') throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  const config = loadConfig();
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    if (command === 'auth') return await authCommand(args, { db, out: io.out, err: io.err });
    return await storeCommand(args, { db });
  } finally {
    await closeDatabase(db);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
