// Command-line flags, the other thing a process is told at start: shared by cli/, nlu/main.ts and bench/.
/** A usage mistake: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `--flag value` pairs; rejects unknown flags and flags without a value. */
export function parseFlags(args: string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!allowed.includes(name)) {
      throw new UsageError(`unknown option --${name} (expected ${allowed.map((a) => `--${a}`).join(', ')})`);
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}
