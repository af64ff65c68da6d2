// `npm run eval [-- flags]`: the scenario suite against the running system, as a table (eval/command.ts).
import { UsageError } from '../config/args';
import { ConfigError } from '../config/config';
import { evalCommand, evalRunCommand } from './command';

const io = { out: (line: string) => process.stdout.write(`${line}\n`), err: (line: string) => process.stderr.write(`${line}\n`) };
const args = process.argv.slice(2);
const command = args[0] === 'run' || args[0] === 'capture' ? evalCommand(args, io) : evalRunCommand(args, io);

command.then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof UsageError || err instanceof ConfigError ? 2 : 1);
  },
);
