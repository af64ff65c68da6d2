// `node --import tsx nlu/main.ts train|predict|eval ...`: the `nlu` commands on their own (no database needed).
import { UsageError } from '../config/args';
import { NLU_USAGE, nluCommand } from './command';

nluCommand(process.argv.slice(2), {
  stdin: process.stdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n${err.message.startsWith('usage') ? '' : `usage: ${NLU_USAGE}\n`}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
