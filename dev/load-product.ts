import type { RateLimits } from '../api/rate-limits';
import { startMoneyProduct, type MoneyProduct } from './money-product';
import { workerProcesses, type WorkerProcesses } from './worker-process';

/**
 * The product a load runs against when the worker must be a process of its own (to read its memory, to
 * run two of them, to outlive a Temporal restart): an API (in this process), a fresh database and the
 * production worker (`workers/main.ts`) in `count` processes, all on one task queue.
 */

/** Rate limits lifted: a load is one token from one address, and it measures turns, not the limiter. */
export const UNLIMITED: RateLimits = { perIpPerMinute: 1_000_000, perTokenPerMinute: 1_000_000, widgetConversationsPerMinute: 100_000 };
export const UNLIMITED_ENV = { RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', RATE_LIMIT_PER_TOKEN_PER_MINUTE: '1000000' };

export async function productWithWorkers(
  temporalAddress: string,
  count: number,
  options: { postgresUrl?: string; onLine?: (line: string) => void; startTimeoutMs?: number } = {},
): Promise<{ product: MoneyProduct; workers: WorkerProcesses[]; close(): Promise<void> }> {
  const product = await startMoneyProduct({ temporalAddress, rateLimits: UNLIMITED, ...(options.postgresUrl ? { postgresUrl: options.postgresUrl } : {}) });
  const workers = Array.from({ length: count }, () =>
    workerProcesses({
      temporalAddress,
      namespace: 'default',
      taskQueue: product.taskQueue,
      dataDir: product.dataDir,
      ...(product.databaseUrl ? { databaseUrl: product.databaseUrl } : {}),
      paymentProviderUrl: product.sandbox.url,
      payloadKeys: product.payloadKeys,
      startTimeoutMs: options.startTimeoutMs ?? 180_000,
      ...(options.onLine ? { onLine: options.onLine } : {}),
    }),
  );
  const close = async () => {
    for (const worker of workers) await worker.kill();
    await product.close();
  };
  try {
    // One after the other: the first seeds the store, the next find it seeded.
    for (const worker of workers) await worker.start();
  } catch (err) {
    await close();
    throw err;
  }
  return { product, workers, close };
}

/** Activity executions seen more than once (same workflow, activity id and attempt) in the workers' JSON log lines. */
export function duplicateActivities(lines: readonly string[]): { executions: number; twice: number } {
  const seen = new Set<string>();
  let twice = 0;
  for (const line of lines) {
    if (!line.includes('"msg":"activity"')) continue;
    const entry = JSON.parse(line) as { workflowId?: string; activityId?: string; attempt?: number };
    const key = `${entry.workflowId}/${entry.activityId}/${entry.attempt}`;
    if (seen.has(key)) twice++;
    seen.add(key);
  }
  return { executions: seen.size + twice, twice };
}
