import { Client, WorkflowFailedError } from '@temporalio/client';
import { UsageError, parseFlags } from '../../config/args';
import type { Config } from '../../config/config';
import { connectToTemporal } from '../temporal-connection';
import { findingLine, type ReconcileRequest, type ReconciliationSummary } from '../../domain/reconciliation';
import { EncryptionCodec } from '../../privacy/payload-codec';
import { loadPayloadKeys } from '../../privacy/payload-keys';
import type { ReconciliationWorkflow } from '../../workflows/reconciliation/workflow';

export const REFUNDS_USAGE = 'refunds reconcile [--stale-minutes N] [--in-flight-minutes N] [--wait-seconds N]';

const USAGE = `usage: npm run -s cli -- ${REFUNDS_USAGE}
  runs one reconciliation of the refund ledger against the payment provider now (the worker must be running),
  waits for it and prints: checked N, repaired N, reported N, then one line per finding
  --stale-minutes N      a reservation older than this with nothing at the provider is reported (default 60)
  --in-flight-minutes N  a reservation younger than this is left to its saga (default 2)
  --wait-seconds N       how long to wait for the worker to finish the run (default 120)`;

/** A whole number above 0 (at most `max`) or a usage error that says what to give instead. */
function wholeNumber(flags: Map<string, string>, name: string, max: number): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${raw}"\n${USAGE}`);
  }
  return value;
}

/**
 * `refunds reconcile`: starts ReconciliationWorkflow on the worker's task queue, waits for it, prints
 * what it found and exits 0 (findings are the result, not a failure); 1 when the run did not finish.
 */
export async function refundsCommand(args: string[], deps: { config: Config; out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'reconcile') {
    throw new UsageError(`${subcommand === undefined ? 'refunds needs a subcommand' : `unknown refunds subcommand "${subcommand}"`}\n${USAGE}`);
  }
  const flags = parseFlags(rest, ['stale-minutes', 'in-flight-minutes', 'wait-seconds']);
  const request: ReconcileRequest = {};
  const stale = wholeNumber(flags, 'stale-minutes', 7 * 24 * 60);
  const inFlight = wholeNumber(flags, 'in-flight-minutes', 24 * 60);
  if (stale !== undefined) request.staleMinutes = stale;
  if (inFlight !== undefined) request.inFlightMinutes = inFlight;
  const waitSeconds = wholeNumber(flags, 'wait-seconds', 3600) ?? 120;

  const { config } = deps;
  // A reconciliation has no conversation key of its own: the configured keys are all it needs.
  const dataConverter = { payloadCodecs: [new EncryptionCodec(loadPayloadKeys(config))] };
  const connection = await connectToTemporal(config, deps.err);
  if (!connection) return 1;
  try {
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter });
    const handle = await client.workflow.start<typeof ReconciliationWorkflow>('ReconciliationWorkflow', {
      workflowId: `refund-reconciliation-cli-${Date.now()}`,
      taskQueue: config.taskQueue,
      args: [request],
      // Without a worker it would wait in the queue for ever; the server ends it when the wait is over.
      workflowExecutionTimeout: `${waitSeconds} seconds`,
    });
    let summary: ReconciliationSummary;
    try {
      summary = await handle.result();
    } catch (err) {
      if (err instanceof WorkflowFailedError) {
        deps.err(`the reconciliation did not finish within ${waitSeconds} s (${err.cause?.message ?? err.message}): is a worker polling task queue "${config.taskQueue}"?`);
        return 1;
      }
      throw err;
    }
    deps.out(`checked ${summary.checked}`);
    deps.out(`repaired ${summary.repaired}`);
    deps.out(`reported ${summary.reported}`);
    if (summary.unreachable > 0) deps.out(`unreachable ${summary.unreachable} (the payment provider did not answer; the next run asks again)`);
    for (const finding of summary.findings) deps.out(findingLine(finding));
    return 0;
  } finally {
    await connection.close();
  }
}
