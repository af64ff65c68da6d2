import { buildDemoStore } from '../seed/build-demo-store';
import { replaceStore } from '../tau/store/replace-store';
import { workflowIdFor } from '../domain/conversation';
import type { StoredRefund } from '../payments/sandbox/refund-book';
import { checkBooks, orderRefundBaseline, type Mismatch, type OrderRefundBaseline } from './books-agree';
import {
  APPROVAL_LIMIT_CENTS,
  FlowError,
  driveFlow,
  moneySettled,
  pickTarget,
  transcriptOf,
  type FlowContext,
  type FlowRun,
  type MoneyFlow,
  type Target,
} from './money-flows';
import { injectProviderFault, startMoneyProduct, type MoneyProduct } from './money-product';
import { workerProcesses, type WorkerProcesses } from './worker-process';

/**
 * A drill: the money flows run side by side against workers in processes of their own, which are
 * SIGKILLed at seeded random moments and started again, optionally with the provider failing once
 * before each money step; then every run is checked against the provider's book and the ledger.
 * The approved over-limit cancel runs on a second product whose worker has a low automatic limit
 * (the limit is the worker's, and would send every other flow to a supervisor too).
 */

export interface DrillOptions {
  /** The Temporal server the products and worker processes use. */
  temporalAddress: string;
  /** PostgreSQL for the products and their workers (a schema each); SQLite files without it. */
  postgresUrl?: string;
  seed: number;
  flows: readonly MoneyFlow[];
  /** Kills per worker process, while runs are still in flight. */
  kills: number;
  /**
   * A kill comes after a random number of activities (1 to this many per flow of the lane) of the
   * worker then running, so kills land at random points of the flows however fast the machine is;
   * a worker that has not run that many within `killWaitMs` is killed then.
   */
  killActivitiesPerFlow?: number;
  killWaitMs?: number;
  /** The provider answers 503 once, before doing anything, just before each run's money step. */
  failOnce?: boolean;
  log?: (line: string) => void;
}

export interface RunOutcome {
  flow: MoneyFlow;
  target: Target;
  run?: FlowRun;
  /** Why the walk or the settling did not finish, if it did not. */
  error?: string;
  /** The provider's refunds for the run's order (reversed ones included). */
  providerRefunds: StoredRefund[];
  /** Receipts queued for the order, and how often each appears in the transcript. */
  receipts: { body: string; inTranscript: number }[];
  /** Bot or system turns that appear more than once, word for word. */
  repeatedTurns: string[];
  /** Worker kills while this run was in flight (from its first message to its money settling). */
  kills: number;
  /** Injected provider 503s meant for this run. */
  providerFaults: number;
  /** Where the books disagree for this run's order (in its own product: lanes may reuse order ids). */
  mismatches: Mismatch[];
}

export interface DrillReport {
  seed: number;
  outcomes: RunOutcome[];
  kills: number;
  faultsInjected: number;
  /** Injected provider faults no request met (each should have met one). */
  faultsLeft: number;
  mismatches: Mismatch[];
  /** What the worker processes wrote last, for a failure message. */
  workerOutput: string;
}

/** mulberry32: small, seeded, good enough to place kills. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Lane {
  product: MoneyProduct;
  workers: WorkerProcesses;
  ctx: FlowContext;
  targets: Target[];
  baseline: OrderRefundBaseline;
  killedAt: number[];
}

async function openLane(temporalAddress: string, postgresUrl: string | undefined, flows: MoneyFlow[], approval: boolean): Promise<Lane> {
  const product = await startMoneyProduct({ temporalAddress, ...(postgresUrl ? { postgresUrl } : {}), timings: { approvalTimeoutMs: 60 * 60_000, handoffSlaMs: 60 * 60_000 } });
  await replaceStore(product.db, buildDemoStore());
  const workers = workerProcesses({
    temporalAddress,
    namespace: product.temporal.namespace,
    taskQueue: product.taskQueue,
    dataDir: product.dataDir,
    ...(product.databaseUrl ? { databaseUrl: product.databaseUrl } : {}),
    paymentProviderUrl: product.sandbox.url,
    payloadKeys: product.payloadKeys,
    ...(approval ? { refundAutoLimitCents: APPROVAL_LIMIT_CENTS } : {}),
  });
  const taken = new Set<string>();
  const targets: Target[] = [];
  for (const flow of flows) targets.push(await pickTarget(product.db, flow, taken));
  const tokens = { channel: await product.token('channel'), agent: await product.token('agent'), supervisor: await product.token('supervisor') };
  const baseline = await orderRefundBaseline(product.db, targets.map((t) => t.orderId));
  return { product, workers, targets, baseline, killedAt: [], ctx: { product, tokens, patienceMs: 180_000 } };
}

/** Where a broken run stands: its ledger entries, its sagas and its conversation, in one line. */
async function diagnose(product: MoneyProduct, orderId: string, conversationId: string | undefined): Promise<string> {
  const parts: string[] = [];
  try {
    const entries = (await product.db('refund_ledger').where({ order_id: orderId }).select('saga_id', 'status', 'provider_refund_id', 'failure_reason')) as {
      saga_id: string;
      status: string;
      provider_refund_id: string | null;
      failure_reason: string | null;
    }[];
    const order = (await product.db('orders').where({ id: orderId }).first('status')) as { status: string } | undefined;
    parts.push(`order ${orderId} is ${order?.status ?? 'missing'}`);
    for (const e of entries) {
      const saga = await product.temporal.client.workflow.getHandle(e.saga_id).describe().then((d) => d.status.name, (err: Error) => err.message);
      parts.push(`ledger ${e.status}${e.provider_refund_id ? ` ${e.provider_refund_id}` : ''}${e.failure_reason ? ` (${e.failure_reason})` : ''}, saga ${saga}`);
    }
    if (entries.length === 0) parts.push('no ledger entry');
    if (conversationId) {
      const handle = product.temporal.client.workflow.getHandle(workflowIdFor(conversationId));
      parts.push(`conversation ${await handle.describe().then((d) => d.status.name, (err: Error) => err.message)}`);
      const events = (await handle.fetchHistory()).events ?? [];
      const failures = events.flatMap((e) => [e.workflowTaskFailedEventAttributes?.failure?.message, e.workflowExecutionFailedEventAttributes?.failure?.message].filter(Boolean));
      if (failures.length > 0) parts.push(`its failures: ${[...new Set(failures)].join(' / ')}`);
    }
  } catch (err) {
    parts.push(`(diagnosis failed: ${(err as Error).message})`);
  }
  return parts.join('; ');
}

/** What a run left behind: the provider's refunds for its order, its receipts and the transcript's repeats. */
export async function outcomeOfRun(ctx: FlowContext, target: Target, run: FlowRun | undefined, error?: string): Promise<RunOutcome> {
  const db = ctx.product.db;
  const providerRefunds = ctx.product.sandbox.book.refundsFor(target.orderId);
  let receipts: RunOutcome['receipts'] = [];
  let repeatedTurns: string[] = [];
  if (run) {
    try {
      const transcript = await transcriptOf(ctx, run);
      const notices = (await db('customer_notifications').where({ order_id: target.orderId }).select('body')) as { body: string }[];
      receipts = notices.map((n) => ({ body: n.body, inTranscript: transcript.filter((t) => t.text === n.body).length }));
      const said = transcript.filter((t) => t.from !== 'customer').map((t) => `${t.from}: ${t.text}`);
      repeatedTurns = [...new Set(said.filter((line, i) => said.indexOf(line) !== i))];
    } catch (err) {
      error ??= `reading the outcome: ${(err as Error).message}`;
    }
  }
  return { flow: target.flow, target, ...(run ? { run } : {}), ...(error ? { error } : {}), providerRefunds, receipts, repeatedTurns, kills: 0, providerFaults: 0, mismatches: [] };
}

/** Runs one drill; the report says what happened, and the caller decides what must hold. */
export async function runMoneyDrill(options: DrillOptions): Promise<DrillReport> {
  const random = seededRandom(options.seed);
  const log = options.log ?? (() => undefined);
  const perFlow = options.killActivitiesPerFlow ?? 12;
  const waitMs = options.killWaitMs ?? 8_000;
  const lanes: Lane[] = [];
  let faultsInjected = 0;
  let kills = 0;
  try {
    const plain = options.flows.filter((f) => f !== 'approved_cancel');
    const approvals = options.flows.filter((f) => f === 'approved_cancel');
    if (plain.length > 0) lanes.push(await openLane(options.temporalAddress, options.postgresUrl, plain, false));
    if (approvals.length > 0) lanes.push(await openLane(options.temporalAddress, options.postgresUrl, approvals, true));
    await Promise.all(lanes.map((lane) => lane.workers.start()));

    let inFlight = lanes.reduce((n, lane) => n + lane.targets.length, 0);
    const killer = async (lane: Lane, after: number[]) => {
      for (const activities of after) {
        await lane.workers.afterActivities(activities, waitMs);
        if (inFlight === 0) return;
        await lane.workers.kill();
        lane.killedAt.push(Date.now());
        kills++;
        log(`killed the worker of ${lane.targets.map((t) => t.flow).join('+')} after ${activities} activities`);
        await lane.workers.start();
      }
    };
    // Drawn up front, lane by lane, so a seed gives the same kill plan whatever the timing.
    const plans = lanes.map((lane) => Array.from({ length: options.kills }, () => 1 + Math.floor(random() * perFlow * lane.targets.length)));
    const killers = lanes.map((lane, i) => killer(lane, plans[i] ?? []));

    const outcomes: RunOutcome[] = [];
    const walks = lanes.flatMap((lane) =>
      lane.targets.map(async (target) => {
        let run: FlowRun | undefined;
        let error: string | undefined;
        let providerFaults = 0;
        const started = Date.now();
        try {
          const ctx: FlowContext = {
            ...lane.ctx,
            ...(options.failOnce
              ? {
                  beforeMoney: async () => {
                    await injectProviderFault(lane.product.sandbox.url, { route: 'refunds', mode: 'fail_before', times: 1 });
                    faultsInjected++;
                    providerFaults++;
                  },
                }
              : {}),
          };
          run = await driveFlow(ctx, target);
          await moneySettled(lane.product, run);
        } catch (err) {
          error = `${(err as Error).message}; ${await diagnose(lane.product, target.orderId, run?.conversationId ?? (err instanceof FlowError ? err.conversationId : undefined))}`;
        } finally {
          inFlight--;
        }
        const ended = Date.now();
        const killsInFlight = () => lane.killedAt.filter((t) => t >= started && t <= ended).length;
        return { lane, target, run, error, providerFaults, killsInFlight };
      }),
    );
    const finished = await Promise.all(walks);
    await Promise.all(killers);
    let faultsLeft = 0;
    if (options.failOnce) for (const lane of lanes) faultsLeft += await refundFaultsLeft(lane.product.sandbox.url);
    const mismatches: Mismatch[] = [];
    const byLane = new Map<Lane, Mismatch[]>();
    for (const lane of lanes) {
      const orderIds = lane.targets.map((t) => t.orderId);
      const found = await checkBooks(lane.product.db, lane.product.sandbox.book, { orderIds, baseline: lane.baseline });
      byLane.set(lane, found);
      mismatches.push(...found);
    }
    for (const { lane, target, run, error, providerFaults, killsInFlight } of finished) {
      const mine = (byLane.get(lane) ?? []).filter((m) => m.orderId === target.orderId);
      outcomes.push({ ...(await outcomeOfRun(lane.ctx, target, run, error)), kills: killsInFlight(), providerFaults, mismatches: mine });
    }
    return { seed: options.seed, outcomes, kills, faultsInjected, faultsLeft, mismatches, workerOutput: lanes.map((l) => l.workers.output()).join('\n') };
  } finally {
    for (const lane of lanes) {
      await lane.workers.kill();
      await lane.product.close();
    }
  }
}

/** A run's problems in words: empty when it refunded exactly what it should, once, and said so once. */
export function problemsOf(outcome: RunOutcome): string[] {
  const problems: string[] = [];
  if (outcome.error) problems.push(outcome.error);
  const succeeded = outcome.providerRefunds.filter((r) => r.status === 'succeeded');
  for (const expected of outcome.run?.expected ?? [outcome.target.expected]) {
    const matching = succeeded.filter((r) => r.payment_method_id === expected.paymentMethodId && r.amount_cents === expected.cents);
    if (matching.length !== 1) problems.push(`expected one provider refund of ${expected.cents} cents to ${expected.paymentMethodId}, found ${matching.length}`);
  }
  if (succeeded.length !== (outcome.run?.expected.length ?? 1)) {
    problems.push(`the provider holds ${succeeded.length} refund(s) for ${outcome.target.orderId}: ${JSON.stringify(succeeded.map((r) => [r.payment_method_id, r.amount_cents]))}`);
  }
  if (outcome.run) {
    if (outcome.receipts.length !== outcome.run.expected.length) problems.push(`${outcome.receipts.length} receipt notice(s) queued, expected ${outcome.run.expected.length}`);
    for (const r of outcome.receipts) if (r.inTranscript !== 1) problems.push(`the receipt "${r.body}" is in the transcript ${r.inTranscript} time(s)`);
    if (outcome.repeatedTurns.length > 0) problems.push(`repeated in the transcript: ${outcome.repeatedTurns.join(' | ')}`);
  }
  return problems;
}

/**
 * How many injected refund faults the provider still holds: each probe (a refund of one cent under a
 * reference no order has) takes one, until one goes through. Zero means every fault met a request.
 */
export async function refundFaultsLeft(sandboxUrl: string, max = 100): Promise<number> {
  for (let left = 0; left < max; left++) {
    const response = await fetch(`${sandboxUrl}/v1/refunds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `probe-${process.pid}-${Date.now()}-${left}` },
      body: JSON.stringify({ payment_method_id: 'probe', amount_cents: 1, reference: 'fault-probe' }),
    });
    if (response.status !== 503) return left;
  }
  return max;
}
