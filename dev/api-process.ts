import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * The production API (`api/main.ts`, as `npm run api` and temporal-docker/ run it) in a process of its
 * own, configured by the environment: scale-out runs two of them on one database and task queue.
 */

const ROOT = path.resolve(__dirname, '..');

export interface ApiProcess {
  baseUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
  output(): string;
}

const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const proc of alive) proc.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startApiProcess(options: {
  temporalAddress: string;
  taskQueue: string;
  databaseUrl: string;
  payloadKeys: string;
  namespace?: string;
  /** More settings (RATE_LIMIT_PER_TOKEN_PER_MINUTE, say); they win over the inherited environment. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}): Promise<ApiProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace ?? 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    PAYLOAD_KEYS: options.payloadKeys,
    ANTHROPIC_API_KEY: '',
    LOG_LEVEL: 'warn',
    WORKER_METRICS_URL: 'off',
    // Replicas side by side cannot all take SMTP_PORT; mail reaches them through the webhook.
    SMTP_PORT: '0',
    ...options.env,
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  alive.add(proc);
  let log = '';
  const remember = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', remember);
  proc.stderr?.on('data', remember);
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      alive.delete(proc);
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the API exited (${proc.exitCode}) before serving:\n${log}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the API did not answer /healthz in time:\n${log}`);
    }
    const up = await fetch(`${baseUrl}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    pid: proc.pid,
    output: () => log,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
