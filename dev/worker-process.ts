import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The production worker (`workers/main.ts`, as `npm run worker` runs it) in a process of its own,
 * configured by the environment, so a test can stop it the hard way: SIGKILL, no shutdown, no
 * flushed state, as when a machine dies. A new process can be started after each kill.
 */

const ROOT = path.resolve(__dirname, '..');

export interface WorkerProcessOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** The folder of the SQLite file (`support.sqlite`) the API uses too, unless `databaseUrl` is given. */
  dataDir: string;
  databaseUrl?: string;
  paymentProviderUrl: string;
  /** PAYLOAD_KEYS: the key the product's clients encrypt with (the worker must read what they write). */
  payloadKeys: string;
  refundAutoLimitCents?: number;
  /** How long a start may take (bundling the workflow code is the slow part on a busy machine). */
  startTimeoutMs?: number;
  /** WORKER_METRICS_ADDRESS; left out, the worker serves no metrics (several drills' workers would fight over one port). */
  metricsAddress?: string;
  /** More settings for the worker (WORKER_MAX_CACHED_WORKFLOWS, say); they win over the inherited environment. */
  env?: Record<string, string>;
  /** Every line the worker writes on stdout (its JSON log), for a caller that counts activities itself. */
  onLine?: (line: string) => void;
}

export interface WorkerProcesses {
  /** Starts a worker and resolves once it polls the task queue. */
  start(): Promise<void>;
  /** Resolves once the running worker has run `count` activities, or after `maxWaitMs`, whichever is first. */
  afterActivities(count: number, maxWaitMs: number): Promise<void>;
  /** SIGKILLs the running worker, if any, and waits for the process to be gone. */
  kill(): Promise<void>;
  /** Whether a worker process is alive now. */
  running(): boolean;
  /** How many processes were started and how many killed, for reports. */
  counts(): { started: number; killed: number };
  /** What the last processes wrote, for a failure message. */
  output(): string;
  /** The running worker's process id (to read its memory), if one runs. */
  pid(): number | undefined;
}

const alive = new Set<ChildProcess>();
// A drill stopped half-way (Ctrl-C, a crashed test run) must not leave workers polling its task queue.
process.once('exit', () => {
  for (const proc of alive) proc.kill('SIGKILL');
});

export function workerProcesses(options: WorkerProcessOptions): WorkerProcesses {
  let child: ChildProcess | undefined;
  let exited: Promise<void> | undefined;
  let started = 0;
  let killed = 0;
  let activities = 0;
  const waiters = new Set<() => void>();
  let log = '';
  const remember = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: options.namespace,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    PAYMENT_PROVIDER_URL: options.paymentProviderUrl,
    PAYLOAD_KEYS: options.payloadKeys,
    REFUND_AUTO_LIMIT_CENTS: String(options.refundAutoLimitCents ?? 50_000),
    // Templates, not an LLM: a fault test must not depend on a network model.
    ANTHROPIC_API_KEY: '',
    LOG_LEVEL: 'info',
    WORKER_METRICS_ADDRESS: options.metricsAddress ?? 'off',
    ...options.env,
  };

  return {
    async start() {
      if (child) throw new Error('a worker process is already running');
      const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'workers', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      started++;
      alive.add(proc);
      exited = new Promise((resolve) =>
        proc.once('exit', () => {
          alive.delete(proc);
          resolve();
        }),
      );
      proc.stderr?.on('data', remember);
      // The worker logs a JSON line per activity it ran: the drill places kills by them, not by the clock.
      activities = 0;
      let partial = '';
      let ready: (() => void) | undefined;
      proc.stdout?.on('data', (chunk: Buffer) => {
        remember(chunk);
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          options.onLine?.(line);
          if (line.includes('"msg":"worker polling"')) ready?.();
          else if (line.includes('"msg":"activity"') && child === proc) {
            activities++;
            for (const waiter of [...waiters]) waiter();
          }
        }
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker did not start polling within ${options.startTimeoutMs ?? 60_000} ms:\n${log}`)), options.startTimeoutMs ?? 60_000);
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`the worker exited (${code}) before polling:\n${log}`));
        };
        proc.once('exit', onExit);
        ready = () => {
          ready = undefined;
          clearTimeout(timer);
          proc.off('exit', onExit);
          resolve();
        };
      });
    },
    afterActivities(count, maxWaitMs) {
      return new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const check = () => {
          if (activities >= count) done();
        };
        const timer = setTimeout(done, maxWaitMs);
        waiters.add(check);
        check();
      });
    },
    async kill() {
      const proc = child;
      if (!proc) return;
      proc.kill('SIGKILL');
      await exited;
      child = undefined;
      killed++;
    },
    running: () => child !== undefined && child.exitCode === null,
    counts: () => ({ started, killed }),
    output: () => log,
    pid: () => (child && child.exitCode === null ? child.pid : undefined),
  };
}
