import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { recordedActionRequests, policyDiff, settingsOverride, type PolicyChange } from '../../audit/policy-diff';
import { fetchConversationRuns, UnknownConversation, type RecordedRun } from '../../audit/histories';
import { replayRuns, type ReplayOutcome, type WorkflowCode } from '../../audit/replay';
import { AUDIT_DATE_HINT, parseAuditDate } from '../../audit/dates';
import { conversationTimeline } from '../../audit/conversation-timeline';
import { timelineLine } from '../../audit/timeline';
import { UsageError, parseFlags } from '../../config/args';
import type { Config } from '../../config/config';
import { connectToTemporal } from '../temporal-connection';
import { closeDatabase, openDatabase } from '../../db/connection';
import { configuredPayloadPrivacy } from '../../privacy/conversation-keys';
import { ErasedKeyError } from '../../privacy/payload-codec';
import { migrateToLatest } from '../../db/migrate';
import { createLogger, temporalLogger } from '../../observability/logger';
import { bundleConversationWorkflows } from '../../workers/conversation-worker';
import { installTemporalRuntime } from '../../workers/temporal-runtime';

export const AUDIT_USAGE =
  'audit replay <conversationId> [--workflows PATH] | timeline <conversationId> [--json] | verify --since DATE [--until DATE] [--workflows PATH] | policy-diff --since DATE [--until DATE] [--refund-limit-cents N] [--settings FILE.json] [--json]';

const USAGE = `usage: npm run -s cli -- audit <subcommand>
  replay <conversationId>    replays every run of the conversation (and of the refund sagas it started) against
                             the workflow code the worker runs; prints "deterministic" per run, or the first
                             event that differs; exits 1 when any run does not replay
  timeline <conversationId>  every decision in order (intents, policy decisions, proposals and the words that
                             confirmed them, actions, compensations, handoffs, approvals); --json for tools
  verify --since DATE        replays every conversation started from DATE (until --until DATE) on this task queue;
                             a summary table on stdout, exits 1 when any failed
  policy-diff --since DATE   runs every recorded action request through today's policy code on the inputs it was
                             evaluated on, with the settings given, and lists the decisions that would change
  --workflows PATH           replay against this workflow code instead (a change under review)
  --refund-limit-cents N     the automatic refund limit to compare against
  --settings FILE.json       policy settings to compare against (automaticRefundLimitCents, refundApproverRoles,
                             addressChangeAfterItemModification); left out, each request's own settings
DATE is an ISO date (2026-12-01) or date and time (2026-12-01T09:30:00Z).`;

interface AuditDeps {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the progress bar goes; it draws one only on a terminal. */
  progress?: NodeJS.WriteStream;
}

function parseDate(flags: Map<string, string>, name: string): Date | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const date = parseAuditDate(raw);
  if (!date) throw new UsageError(`--${name} must be ${AUDIT_DATE_HINT}, not "${raw}"\n${USAGE}`);
  return date;
}

function range(flags: Map<string, string>): { since: Date; until?: Date } {
  const since = parseDate(flags, 'since');
  if (!since) throw new UsageError(`--since DATE is required\n${USAGE}`);
  const until = parseDate(flags, 'until');
  if (until && until <= since) throw new UsageError(`--until (${until.toISOString()}) must be after --since (${since.toISOString()})`);
  return { since, ...(until ? { until } : {}) };
}

/** One positional conversation id, then flags. */
function conversationIdOf(rest: string[]): { id: string; flagArgs: string[] } {
  const [id, ...flagArgs] = rest;
  if (id === undefined || id.startsWith('--')) throw new UsageError(`a conversation id is required\n${USAGE}`);
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(id)) throw new UsageError(`"${id}" is not a conversation id (letters, digits, . _ : - only)`);
  return { id, flagArgs };
}

let runtimeInstalled = false;

/** The code to replay against: the worker's own bundle, or the workflows at --workflows PATH. */
async function workflowCode(flags: Map<string, string>): Promise<WorkflowCode> {
  const quiet = createLogger({ level: 'error', destination: 2 });
  if (!runtimeInstalled) {
    // A replay worker's own state changes and the core's nondeterminism warnings would drown the verdicts.
    installTemporalRuntime(quiet);
    runtimeInstalled = true;
  }
  const other = flags.get('workflows');
  if (other === undefined) return { workflowBundle: await bundleConversationWorkflows(quiet) };
  const workflowsPath = path.resolve(other);
  if (!fs.existsSync(workflowsPath) && !fs.existsSync(`${workflowsPath}.ts`)) throw new UsageError(`--workflows ${other}: no such file or folder`);
  return { workflowBundle: await bundleWorkflowCode({ workflowsPath, logger: temporalLogger(quiet) }) };
}

function verdictLine(outcome: ReplayOutcome): string {
  const what = `${outcome.workflowId} run ${outcome.runId} (${outcome.workflowType})`;
  if (outcome.deterministic) return `${what}: deterministic`;
  return `${what}: NOT deterministic${outcome.eventId !== undefined ? ` at event ${outcome.eventId}` : ''}: ${outcome.reason ?? 'replay failed'}`;
}

/** The conversations started in the range on this deployment's task queue, oldest first, one per conversation. */
async function conversationsStarted(client: Client, config: Config, when: { since: Date; until?: Date }): Promise<string[]> {
  const clauses = [`WorkflowType = 'ConversationWorkflow'`, `TaskQueue = '${config.taskQueue.replace(/'/g, '')}'`, `StartTime >= '${when.since.toISOString()}'`];
  if (when.until) clauses.push(`StartTime < '${when.until.toISOString()}'`);
  const seen = new Map<string, number>();
  for await (const execution of client.workflow.list({ query: clauses.join(' AND ') })) {
    if (!execution.workflowId.startsWith('conversation-')) continue;
    const started = execution.startTime.getTime();
    const first = seen.get(execution.workflowId);
    if (first === undefined || started < first) seen.set(execution.workflowId, started);
  }
  return [...seen.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([workflowId]) => workflowId.slice('conversation-'.length));
}

/** A bar on a terminal, plain lines otherwise (a log keeps them readable). */
function progressReporter(stream: NodeJS.WriteStream | undefined, total: number) {
  const tty = stream?.isTTY === true;
  return {
    step(done: number, label: string) {
      if (!stream) return;
      if (!tty) {
        stream.write(`[${done}/${total}] ${label}\n`);
        return;
      }
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
    },
    end() {
      if (tty) stream?.write('\n');
    },
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

const arrow = (change: PolicyChange) => `${change.was} → ${change.now}`;

/** `audit ...`: 0 when all is well, 1 when a replay failed or Temporal cannot be reached, 2 for a usage mistake. */
export async function auditCommand(args: string[], deps: AuditDeps): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || !['replay', 'timeline', 'verify', 'policy-diff'].includes(subcommand)) {
    throw new UsageError(`${subcommand === undefined ? 'audit needs a subcommand' : `unknown audit subcommand "${subcommand}"`}\n${USAGE}`);
  }
  // Flags are checked before anything is reached, so a mistake costs nothing.
  let conversationId = '';
  let flags: Map<string, string>;
  if (subcommand === 'replay' || subcommand === 'timeline') {
    const { id, flagArgs } = conversationIdOf(rest);
    conversationId = id;
    const json = flagArgs.indexOf('--json');
    if (json >= 0 && subcommand === 'timeline') flagArgs.splice(json, 1);
    flags = parseFlags(flagArgs, subcommand === 'replay' ? ['workflows'] : []);
    if (json >= 0 && subcommand === 'timeline') flags.set('json', 'true');
  } else {
    const json = rest.indexOf('--json');
    if (json >= 0 && subcommand === 'policy-diff') rest.splice(json, 1);
    flags = parseFlags(rest, subcommand === 'verify' ? ['since', 'until', 'workflows'] : ['since', 'until', 'refund-limit-cents', 'settings']);
    if (json >= 0 && subcommand === 'policy-diff') flags.set('json', 'true');
  }
  const when = subcommand === 'verify' || subcommand === 'policy-diff' ? range(flags) : undefined;
  const override = subcommand === 'policy-diff' ? overrideFrom(flags) : undefined;

  const { config } = deps;
  const address = config.temporalAddress ?? `localhost:${config.temporalDevPort}`;
  const connection = await connectToTemporal(config, deps.err);
  if (!connection) return 1;
  // The histories hold the product's ciphertext: the client decodes with the same keys the worker uses.
  const db = openDatabase(config);
  const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: configuredPayloadPrivacy(config, db).dataConverter });
  try {
    if (subcommand === 'replay') {
      const runs = await fetchConversationRuns(client, conversationId);
      const outcomes = await replayRuns(runs, await workflowCode(flags));
      for (const outcome of outcomes) deps.out(verdictLine(outcome));
      const failed = outcomes.filter((o) => !o.deterministic).length;
      deps.out(failed === 0 ? `deterministic: ${outcomes.length} of ${outcomes.length} runs replayed` : `NOT deterministic: ${failed} of ${outcomes.length} runs failed to replay`);
      return failed === 0 ? 0 : 1;
    }
    if (subcommand === 'timeline') return await timeline(client, conversationId, flags.has('json'), deps);
    if (subcommand === 'verify') return await verify(client, when!, flags, deps);
    return await diffPolicy(client, when!, override!, flags.has('json'), deps);
  } catch (err) {
    if (err instanceof UnknownConversation) {
      deps.err(`no conversation "${conversationId}" on Temporal at ${address} (namespace ${config.temporalNamespace}): ${err.message}`);
      return 2;
    }
    if (err instanceof ErasedKeyError) {
      deps.err(`conversation "${conversationId ?? ''}" cannot be read: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await connection.close();
    await closeDatabase(db);
  }
}

function overrideFrom(flags: Map<string, string>) {
  const rawLimit = flags.get('refund-limit-cents');
  if (rawLimit !== undefined && !/^\d+$/.test(rawLimit)) throw new UsageError(`--refund-limit-cents must be a whole number of cents, 0 or more, not "${rawLimit}"`);
  const file = flags.get('settings');
  let fromFile: unknown;
  if (file !== undefined) {
    try {
      fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`--settings ${file}: ${(err as Error).message}`);
    }
  }
  const override = settingsOverride(fromFile, rawLimit === undefined ? undefined : Number(rawLimit));
  if (typeof override === 'string') throw new UsageError(`--settings: ${override}`);
  return override;
}

async function timeline(client: Client, conversationId: string, json: boolean, deps: AuditDeps): Promise<number> {
  const db = openDatabase(deps.config);
  let view;
  try {
    await migrateToLatest(db);
    view = await conversationTimeline(client, db, conversationId);
  } finally {
    await closeDatabase(db);
  }
  if (json) {
    deps.out(JSON.stringify(view));
    return 0;
  }
  for (const entry of view.entries) deps.out(timelineLine(entry));
  const { outcome } = view;
  deps.out(
    outcome
      ? `outcome: ${outcome.outcome ?? 'not known yet'}${outcome.reason ? ` (${outcome.reason})` : ''}${outcome.closedAt ? `, closed ${outcome.closedAt}` : ''}`
      : 'outcome: none reported',
  );
  return 0;
}

async function verify(client: Client, when: { since: Date; until?: Date }, flags: Map<string, string>, deps: AuditDeps): Promise<number> {
  const ids = await conversationsStarted(client, deps.config, when);
  if (ids.length === 0) {
    deps.out(`no conversations started ${describeRange(when)} on task queue ${deps.config.taskQueue}`);
    return 0;
  }
  const code = await workflowCode(flags);
  const progress = progressReporter(deps.progress, ids.length);
  const rows: string[][] = [['conversation', 'runs', 'result', 'reason']];
  let failed = 0;
  for (const [index, id] of ids.entries()) {
    progress.step(index, id);
    let outcomes: ReplayOutcome[];
    try {
      outcomes = await replayRuns(await fetchConversationRuns(client, id), code);
    } catch (err) {
      failed++;
      rows.push([id, '?', 'FAILED', `history not read: ${(err as Error).message}`]);
      continue;
    }
    const bad = outcomes.find((o) => !o.deterministic);
    if (bad) failed++;
    rows.push([
      id,
      String(outcomes.length),
      bad ? 'FAILED' : 'ok',
      bad ? `${bad.workflowId} run ${bad.runId}${bad.eventId !== undefined ? ` at event ${bad.eventId}` : ''}: ${bad.reason ?? ''}` : '',
    ]);
  }
  progress.step(ids.length, 'done');
  progress.end();
  for (const line of table(rows)) deps.out(line);
  deps.out(`replayed ${ids.length - failed}, failed ${failed} (of ${ids.length} conversations started ${describeRange(when)})`);
  return failed === 0 ? 0 : 1;
}

const describeRange = (when: { since: Date; until?: Date }) => `from ${when.since.toISOString()}${when.until ? ` until ${when.until.toISOString()}` : ''}`;

async function diffPolicy(
  client: Client,
  when: { since: Date; until?: Date },
  override: ReturnType<typeof overrideFrom>,
  json: boolean,
  deps: AuditDeps,
): Promise<number> {
  const ids = await conversationsStarted(client, deps.config, when);
  const runs: RecordedRun[] = [];
  for (const id of ids) runs.push(...(await fetchConversationRuns(client, id, { children: false })));
  const diff = policyDiff(recordedActionRequests(runs), override);
  if (json) {
    deps.out(JSON.stringify({ since: when.since.toISOString(), until: when.until?.toISOString() ?? null, settings: override, conversations: ids.length, ...diff }));
    return 0;
  }
  deps.out(
    `${diff.examined} recorded action requests in ${ids.length} conversations started ${describeRange(when)}: ${diff.unchanged} unchanged, ${diff.changes.length} would change` +
      (diff.notComparable > 0 ? `, ${diff.notComparable} recorded before their policy inputs were kept (not compared)` : ''),
  );
  for (const change of diff.changes) {
    deps.out(
      `${change.direction.replace(/_/g, ' ')}: ${arrow(change)} ${change.action} in ${change.workflowId} run ${change.runId} event ${change.eventId}` +
        `${change.proposalId ? ` (proposal ${change.proposalId})` : ''}${change.rule ? ` by rule ${change.rule}` : ''}${change.reason ? `: ${change.reason}` : ''}`,
    );
  }
  return 0;
}
