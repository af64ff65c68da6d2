import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Knex } from 'knex';
import { readOperationsFigures, type OperationsFigures } from '../db/repositories/operations-figures';

/**
 * The classifier tier a new request's reply names; `flow` for an answer a flow read itself (an e-mail,
 * a yes) or a turn the bot did not answer (a person has the conversation); `unknown` for a 202 receipt.
 */
export type TurnTier = 'keyword' | 'model' | 'llm' | 'none' | 'flow' | 'unknown';

const TURN_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];
/** From a minute to a week: a resolution can wait for a parcel or a person. */
const RESOLUTION_SECONDS_BUCKETS = [30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 12 * 3600, 86_400, 3 * 86_400, 7 * 86_400];

export interface MetricsOptions {
  db: Knex;
  /** The worker's own Prometheus endpoint (WORKER_METRICS_URL); left out, no worker metrics are appended. */
  workerMetricsUrl?: string;
  /** How long a scrape waits for the worker's metrics before reporting it down. */
  workerMetricsTimeoutMs?: number;
  now?: () => Date;
}

export const DEFAULT_WORKER_METRICS_TIMEOUT_MS = 2_000;

/**
 * What `GET /metrics` shows. Figures that belong to conversations are read from the database at each
 * scrape, so every API replica tells the same and a restart loses nothing; turns and their latency
 * are this process's own; the worker's Temporal metrics are fetched from the worker and appended.
 */
export class ProductMetrics {
  private readonly registry = new Registry();
  private readonly turns = new Counter({ name: 'support_turns_total', help: 'Customer turns answered through this API, by the tier that classified them.', labelNames: ['tier'], registers: [this.registry] });
  private readonly deferred = new Counter({
    name: 'support_turns_deferred_total',
    help: 'Customer turns not finished within TURN_TIMEOUT_SECONDS, answered 202 (their reply comes later).',
    registers: [this.registry],
  });
  private readonly turnSeconds = new Histogram({
    name: 'support_turn_duration_seconds',
    help: 'Time from a customer message reaching this API to its reply (or its 202 receipt), by tier.',
    labelNames: ['tier'],
    buckets: TURN_SECONDS_BUCKETS,
    registers: [this.registry],
  });

  constructor(private readonly options: MetricsOptions) {}

  readonly contentType = this.registry.contentType;

  /** One customer turn through the API: its tier as the reply tells it, and how long it took. */
  observeTurn(turn: { tier: TurnTier; seconds: number; deferred: boolean }): void {
    this.turns.inc({ tier: turn.tier });
    this.turnSeconds.observe({ tier: turn.tier }, turn.seconds);
    if (turn.deferred) this.deferred.inc();
  }

  /** The whole text exposition; rejects only when the database cannot be read. */
  async render(): Promise<string> {
    const [figures, worker] = await Promise.all([readOperationsFigures(this.options.db, (this.options.now ?? (() => new Date()))()), this.workerText()]);
    const parts = [await figuresRegistry(figures).metrics(), await this.registry.metrics()];
    if (worker !== undefined) {
      parts.push(`# HELP support_worker_metrics_up 1 when the worker's own metrics (below) could be read from WORKER_METRICS_URL, else 0.\n# TYPE support_worker_metrics_up gauge\nsupport_worker_metrics_up ${worker === null ? 0 : 1}\n`);
      if (worker) parts.push(worker.endsWith('\n') ? worker : `${worker}\n`);
    }
    return parts.join('');
  }

  /** The worker's text; null when it cannot be read in time; undefined when no worker endpoint is configured. */
  private async workerText(): Promise<string | null | undefined> {
    const url = this.options.workerMetricsUrl;
    if (!url) return undefined;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.options.workerMetricsTimeoutMs ?? DEFAULT_WORKER_METRICS_TIMEOUT_MS) });
      if (!res.ok) return null;
      return await res.text();
    } catch {
      return null;
    }
  }
}

/**
 * The database's figures as metrics, in a registry of their own for one scrape: the values are set
 * once from one read, so two scrapes at the same time cannot mix their numbers.
 */
export function figuresRegistry(f: OperationsFigures): Registry {
  const registry = new Registry();
  const registers = [registry];
  const outcomes = new Counter({
    name: 'support_conversation_outcomes_total',
    help: 'Conversations by known outcome (verified, contained, escalated, abandoned); automation rate = verified / all four.',
    labelNames: ['outcome'],
    registers,
  });
  for (const [outcome, n] of Object.entries(f.outcomes)) outcomes.inc({ outcome }, n);
  new Gauge({ name: 'support_conversation_resolutions_pending', help: 'Resolutions waiting for RESOLUTION_WINDOW_HOURS to pass: verified unless the customer comes back.', registers }).set(
    f.pendingResolutions,
  );
  new Gauge({ name: 'support_conversations_in_progress', help: 'Conversations whose outcome is not known yet and that have no resolution waiting.', registers }).set(f.inProgress);

  const tiers = new Counter({ name: 'support_classified_turns_total', help: 'Customer turns of all recorded conversations, by the tier that classified them.', labelNames: ['tier'], registers });
  for (const [tier, n] of Object.entries(f.figures.tiers)) tiers.inc({ tier }, n);
  const intents = new Counter({ name: 'support_conversation_intents_total', help: 'Conversations that raised each intent.', labelNames: ['intent'], registers });
  for (const [intent, n] of f.figures.intents) intents.inc({ intent }, n);
  const escalations = new Counter({ name: 'support_escalations_total', help: 'Conversations handed to a person, by handoff reason code.', labelNames: ['reason'], registers });
  for (const [reason, n] of f.figures.escalations) escalations.inc({ reason }, n);
  const handoffIntents = new Counter({ name: 'support_handoff_intents_total', help: 'Handoffs by the request being worked on when a person was brought in.', labelNames: ['intent'], registers });
  for (const [intent, n] of f.figures.handoffIntents) handoffIntents.inc({ intent }, n);
  const actions = new Counter({ name: 'support_actions_total', help: 'Actions of all recorded conversations, by their last status (executed, denied, compensated, failed).', labelNames: ['status'], registers });
  for (const [status, n] of Object.entries(f.figures.actions)) actions.inc({ status }, n);
  new Counter({ name: 'support_injection_flags_total', help: 'Customer turns of all recorded conversations that the prompt-injection detector flagged.', registers }).inc(
    f.figures.injectionFlags,
  );
  new Counter({ name: 'support_conversation_refunded_cents_total', help: 'Money refunded to customers in recorded conversations, in cents.', registers }).inc(f.figures.refundedCents);
  const resolution = new Histogram({
    name: 'support_time_to_resolution_seconds',
    help: "From a conversation's first customer message until its issue was resolved.",
    buckets: RESOLUTION_SECONDS_BUCKETS,
    registers,
  });
  for (const seconds of f.figures.secondsToResolution) resolution.observe(seconds);

  const csat = new Counter({ name: 'support_csat_ratings_total', help: "CSAT ratings (1-5), by the rated conversation's outcome.", labelNames: ['outcome', 'rating'], registers });
  for (const r of f.csat) csat.inc({ outcome: r.outcome, rating: String(r.rating) }, r.count);

  const ledgerCents = new Gauge({ name: 'support_refund_ledger_cents', help: 'Money in the refund ledger by status (refunded and recorded: paid; owed: still due to the customer).', labelNames: ['status'], registers });
  const ledgerEntries = new Gauge({ name: 'support_refund_ledger_entries', help: 'Refund ledger entries by status.', labelNames: ['status'], registers });
  for (const r of f.refunds) {
    ledgerCents.set({ status: r.status }, r.cents);
    ledgerEntries.set({ status: r.status }, r.entries);
  }
  const failures = new Gauge({ name: 'support_notification_delivery_failures', help: 'Customer notices whose delivery failed and that have not been sent since, by channel.', labelNames: ['channel'], registers });
  for (const r of f.deliveryFailures) failures.set({ channel: r.channel }, r.count);
  return registry;
}
