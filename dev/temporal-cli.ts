import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The one CLI version `go install` can still build from the module proxy. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export function cachedCliPath(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const location = found.stdout.trim();
  return found.status === 0 && location ? location : undefined;
}

/**
 * Finds the Temporal CLI: TEMPORAL_CLI_PATH, then `temporal` on PATH, then the cached build;
 * failing those, builds it once with Go. Returns undefined only where Go is missing too,
 * which leaves @temporalio/testing to download it (where the internet is reachable).
 */
export function resolveTemporalCli(options: { env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): string | undefined {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const explicit = env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`TEMPORAL_CLI_PATH points at ${explicit}, which does not exist`);
    return explicit;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = cachedCliPath(env);
  if (fs.existsSync(cached)) return cached;
  if (!onPath('go')) return undefined;

  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go, once (a few minutes); it is cached in ${path.dirname(cached)}`);
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  execFileSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...env, GOBIN: path.dirname(cached) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return cached;
}
