/**
 * A conversation's decisions in the order they were made, read from its recorded histories: the history
 * is the record the workflow was replayed from, so what it says is what happened. Pure: histories in,
 * entries out.
 */
import type { temporal } from '@temporalio/proto';
import type { History, HistoryEvent, RecordedRun } from './histories';

type Payload = temporal.api.common.v1.IPayload;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

/** One step of the record. `kind` says which fields are there; every entry names its run, event and time. */
export type TimelineEntry = { at: string; runId: string; eventId: number; workflowId: string } & (
  | { kind: 'run_started'; workflowType: string; continuedFrom: string | null }
  | { kind: 'customer_message'; text: string; via: 'update' | 'signal' }
  | { kind: 'reply'; texts: string[]; intent: string | null; awaiting: string | null; status: string | null }
  | { kind: 'intent'; label: string; tier: string; confidence: number | null; rule: string | null; candidate: string | null }
  | { kind: 'identified'; customerId: string | null; how: string }
  | {
      kind: 'policy_decision';
      action: string;
      request: unknown;
      /** allow, deny, needs_confirmation, needs_approval; `failed` when the store refused the write. */
      decision: string;
      rule: string | null;
      reason: string | null;
      proposalId: string | null;
      /** The customer's words that confirmed the proposal, when the request carried their confirmation. */
      confirmedBy: string | null;
      approvals: unknown[];
    }
  | { kind: 'action_result'; action: string; result: string; refunds: unknown[] }
  | { kind: 'approval_requested'; proposalId: string; role: string; reason: string }
  | { kind: 'approval_decided'; proposalId: string; approved: boolean; by: string; role: string; reason: string | null }
  | { kind: 'handoff'; status: string; reasons: string; claimedBy: string | null }
  | { kind: 'agent_command'; action: string; by: string; role: string; detail: string | null }
  | { kind: 'signal'; name: string; input: unknown }
  | { kind: 'child_started'; childWorkflowId: string; workflowType: string }
  | { kind: 'child_finished'; childWorkflowId: string; result: unknown; failed: boolean }
  | { kind: 'saga_step'; step: string; result: unknown }
  | { kind: 'compensation'; step: string; result: unknown }
  | { kind: 'activity_failed'; activity: string; message: string }
  | { kind: 'run_ended'; how: 'completed' | 'continued_as_new' | 'failed' | 'terminated' | 'timed_out' | 'canceled' }
);

export type TimelineKind = TimelineEntry['kind'];

/** Decodes one payload; the default reads the SDK's plain JSON, and says so when a payload is encoded otherwise. */
export type PayloadReader = (payload: Payload) => unknown;

export const readJsonPayload: PayloadReader = (payload) => {
  const encoding = Buffer.from(payload.metadata?.encoding ?? new Uint8Array()).toString('utf8');
  const data = Buffer.from(payload.data ?? new Uint8Array()).toString('utf8');
  if (encoding === 'binary/null') return null;
  if (encoding !== 'json/plain') return { undecoded: encoding || 'unknown encoding' };
  return JSON.parse(data) as unknown;
};

const COMPENSATIONS = new Set(['releaseRefund', 'reverseProviderRefund', 'revertRefundOnOrder', 'unrestockItems', 'settleRefundAsOwed']);
const SAGA_STEPS = new Set(['reserveRefund', 'refundThroughProvider', 'markRefundedInStore', 'recordRefundOnOrder', 'restockItems', 'notifyCustomer']);
const CLASSIFIERS = new Set(['classifyIntent', 'classifyWithLlm']);
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const IDENTIFIERS = new Set(['identifyCustomerByEmail', 'identifyCustomerByNameZip']);

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function timeOf(event: HistoryEvent): string {
  const t = event.eventTime;
  if (!t) return '';
  const seconds = Number(t.seconds ?? 0);
  return new Date(seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6)).toISOString();
}

/** What a performAction input asked for, in the policy's terms or (older runs) as a tau tool call. */
function actionOf(input: Json): { action: string; request: unknown } {
  const request = asObject(input.request);
  if (typeof request.kind === 'string') return { action: request.kind, request: input.request };
  return { action: str(input.toolName) ?? 'unknown', request: { toolName: input.toolName, kwargs: input.kwargs } };
}

/** The entries of one run, in event order. */
function runEntries(run: RecordedRun, read: PayloadReader): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const events = run.history.events ?? [];
  const first = (payloads: Payloads): unknown => {
    const p = payloads?.payloads?.[0];
    return p ? read(p) : undefined;
  };
  const scheduled = new Map<string, { name: string; input: unknown }>();
  const pendingUpdates = new Map<string, string>();
  let lastCustomerText: string | null = null;

  for (const event of events) {
    const base = { at: timeOf(event), runId: run.runId, eventId: Number(event.eventId ?? 0), workflowId: run.workflowId };
    const push = (entry: DistributiveOmit<TimelineEntry, 'at' | 'runId' | 'eventId' | 'workflowId'>) => entries.push({ ...base, ...entry } as TimelineEntry);

    const started = event.workflowExecutionStartedEventAttributes;
    if (started) push({ kind: 'run_started', workflowType: started.workflowType?.name ?? '', continuedFrom: started.continuedExecutionRunId || null });

    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) {
      const name = accepted.acceptedRequest?.input?.name ?? '';
      const args = accepted.acceptedRequest?.input?.args;
      pendingUpdates.set(accepted.acceptedRequest?.meta?.updateId ?? '', name);
      if (name === 'message') {
        lastCustomerText = str(first(args)) ?? '';
        push({ kind: 'customer_message', text: lastCustomerText, via: 'update' });
      } else if (name === 'agentCommand') {
        const command = asObject(first(args));
        push({
          kind: 'agent_command',
          action: str(command.action) ?? '',
          by: str(command.by) ?? '',
          role: str(command.role) ?? '',
          detail: str(command.text) ?? str(command.outcome) ?? str(command.note) ?? (command.takeOver ? 'take over' : null),
        });
      }
    }
    const completedUpdate = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completedUpdate && pendingUpdates.get(completedUpdate.meta?.updateId ?? '') !== 'agentCommand') {
      const result = asObject(first(completedUpdate.outcome?.success));
      if (Array.isArray(result.replies)) {
        push({
          kind: 'reply',
          texts: result.replies.map((r) => str(asObject(r).text) ?? ''),
          intent: str(result.intent),
          awaiting: str(result.awaiting),
          status: str(result.status),
        });
      }
    }

    const signaled = event.workflowExecutionSignaledEventAttributes;
    if (signaled) {
      const name = signaled.signalName ?? '';
      const input = asObject(first(signaled.input));
      if (name === 'customerMessage') {
        lastCustomerText = str(input.text) ?? '';
        push({ kind: 'customer_message', text: lastCustomerText, via: 'signal' });
      } else if (name === 'approvalDecided') {
        push({
          kind: 'approval_decided',
          proposalId: str(input.proposalId) ?? '',
          approved: input.approved === true,
          by: str(input.by) ?? '',
          role: str(input.role) ?? '',
          reason: str(input.reason),
        });
      } else {
        push({ kind: 'signal', name, input });
      }
    }

    const activity = event.activityTaskScheduledEventAttributes;
    if (activity) {
      const name = activity.activityType?.name ?? '';
      const input = first(activity.input);
      scheduled.set(String(event.eventId), { name, input });
      if (name === 'recordApprovalRequest') {
        const request = asObject(input);
        push({ kind: 'approval_requested', proposalId: str(request.proposalId) ?? '', role: str(request.role) ?? '', reason: str(request.reason) ?? '' });
      } else if (name === 'syncHandoffQueue') {
        const entry = asObject(input);
        push({ kind: 'handoff', status: str(entry.status) ?? '', reasons: str(entry.reasons) ?? '', claimedBy: str(entry.claimedBy) });
      }
    }
    const done = event.activityTaskCompletedEventAttributes;
    if (done) {
      const task = scheduled.get(String(done.scheduledEventId));
      const result = first(done.result);
      if (task) activityDone(task, result, lastCustomerText, push);
    }
    // A local activity is recorded as a marker: its type in `data`, its result beside it.
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === LOCAL_ACTIVITY_MARKER) {
      const name = str(asObject(first(marker.details?.data ?? null)).activity_type) ?? '';
      const result = first(marker.details?.result ?? null);
      // The turn's one reading: its tiers 1–2 classification is the turn's intent, as classifyIntent's was.
      if (name === 'readTurn') activityDone({ name: 'classifyIntent', input: undefined }, asObject(result).local, lastCustomerText, push);
      else if (name) activityDone({ name, input: undefined }, result, lastCustomerText, push);
    }
    const failed = event.activityTaskFailedEventAttributes;
    if (failed) {
      const task = scheduled.get(String(failed.scheduledEventId));
      push({ kind: 'activity_failed', activity: task?.name ?? '', message: failed.failure?.message ?? '' });
    }

    const child = event.childWorkflowExecutionStartedEventAttributes;
    if (child) push({ kind: 'child_started', childWorkflowId: child.workflowExecution?.workflowId ?? '', workflowType: child.workflowType?.name ?? '' });
    const childDone = event.childWorkflowExecutionCompletedEventAttributes;
    if (childDone) push({ kind: 'child_finished', childWorkflowId: childDone.workflowExecution?.workflowId ?? '', result: first(childDone.result) ?? null, failed: false });
    const childFailed = event.childWorkflowExecutionFailedEventAttributes;
    if (childFailed) push({ kind: 'child_finished', childWorkflowId: childFailed.workflowExecution?.workflowId ?? '', result: childFailed.failure?.message ?? null, failed: true });

    if (event.workflowExecutionCompletedEventAttributes) push({ kind: 'run_ended', how: 'completed' });
    if (event.workflowExecutionContinuedAsNewEventAttributes) push({ kind: 'run_ended', how: 'continued_as_new' });
    if (event.workflowExecutionFailedEventAttributes) push({ kind: 'run_ended', how: 'failed' });
    if (event.workflowExecutionTerminatedEventAttributes) push({ kind: 'run_ended', how: 'terminated' });
    if (event.workflowExecutionTimedOutEventAttributes) push({ kind: 'run_ended', how: 'timed_out' });
    if (event.workflowExecutionCanceledEventAttributes) push({ kind: 'run_ended', how: 'canceled' });
  }
  return entries;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Push = (entry: DistributiveOmit<TimelineEntry, 'at' | 'runId' | 'eventId' | 'workflowId'>) => void;

function activityDone(task: { name: string; input: unknown }, result: unknown, lastCustomerText: string | null, push: Push): void {
  const out = asObject(result);
  if (CLASSIFIERS.has(task.name)) {
    push({
      kind: 'intent',
      label: str(out.label) ?? '',
      tier: str(out.tier) ?? (task.name === 'classifyWithLlm' ? 'llm' : ''),
      confidence: num(out.confidence),
      rule: str(out.rule),
      candidate: str(out.candidate),
    });
  } else if (IDENTIFIERS.has(task.name)) {
    push({ kind: 'identified', customerId: str(out.customerId), how: task.name === 'identifyCustomerByEmail' ? 'email' : 'name and zip' });
  } else if (task.name === 'performAction') {
    const input = asObject(task.input);
    const facts = asObject(input.facts);
    const confirmation = str(asObject(facts.confirmation).proposalId);
    const proposalId = str(asObject(out.proposal).proposalId);
    const decision = out.status === 'executed' ? 'allow' : out.status === 'failed' ? 'failed' : (str(out.outcome) ?? 'unknown');
    push({
      kind: 'policy_decision',
      ...actionOf(input),
      decision,
      rule: str(out.rule),
      reason: str(out.reason) ?? (out.status === 'failed' ? str(out.output) : null),
      proposalId,
      confirmedBy: confirmation !== null && confirmation === proposalId ? lastCustomerText : null,
      approvals: Array.isArray(facts.approvals) ? facts.approvals : [],
    });
    if (out.status === 'executed') {
      push({ kind: 'action_result', action: actionOf(input).action, result: str(out.output) ?? '', refunds: Array.isArray(out.refunds) ? out.refunds : [] });
    }
  } else if (COMPENSATIONS.has(task.name)) {
    push({ kind: 'compensation', step: task.name, result: result ?? null });
  } else if (SAGA_STEPS.has(task.name)) {
    push({ kind: 'saga_step', step: task.name, result: result ?? null });
  }
}

/**
 * Every run's entries, the conversation's runs first (oldest first), each child's entries after the
 * entry that started it; then all ordered by time, so a saga's steps sit where they happened.
 */
export function timelineOf(runs: readonly RecordedRun[], read: PayloadReader = readJsonPayload): TimelineEntry[] {
  const all = runs.flatMap((run) => runEntries(run, read));
  // Stable sort: entries of one run at the same instant keep their event order.
  return all.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index).map(({ entry }) => entry);
}

/** What one entry says, for people (without its time and event). */
export function describeEntry(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'run_started':
      return `run ${entry.runId} of ${entry.workflowType} started${entry.continuedFrom ? ` (continues ${entry.continuedFrom})` : ''}`;
    case 'customer_message':
      return `customer: ${JSON.stringify(entry.text)}`;
    case 'reply':
      return `reply${entry.intent ? ` [${entry.intent}]` : ''}: ${JSON.stringify(entry.texts.join(' '))}`;
    case 'intent':
      return `intent ${entry.label} (tier ${entry.tier}, confidence ${entry.confidence ?? '?'}${entry.rule ? `, rule ${entry.rule}` : ''})`;
    case 'identified':
      return `identified ${entry.customerId ?? 'nobody'} by ${entry.how}`;
    case 'policy_decision':
      return `policy ${entry.action}: ${entry.decision}${entry.rule ? ` by rule ${entry.rule}` : ''}${entry.reason ? ` — ${entry.reason}` : ''}${entry.proposalId ? ` (proposal ${entry.proposalId})` : ''}${entry.confirmedBy !== null ? `; confirmed by the customer's ${JSON.stringify(entry.confirmedBy)}` : ''}`;
    case 'action_result':
      return `action ${entry.action} done: ${entry.result}`;
    case 'approval_requested':
      return `approval asked of a ${entry.role} for ${entry.proposalId}: ${entry.reason}`;
    case 'approval_decided':
      return `${entry.approved ? 'approved' : 'rejected'} by ${entry.by} (${entry.role}) for ${entry.proposalId}${entry.reason ? `: ${entry.reason}` : ''}`;
    case 'handoff':
      return `handoff ${entry.status}${entry.claimedBy ? ` with ${entry.claimedBy}` : ''}${entry.reasons ? ` (${entry.reasons})` : ''}`;
    case 'agent_command':
      return `${entry.role} ${entry.by}: ${entry.action}${entry.detail ? ` ${JSON.stringify(entry.detail)}` : ''}`;
    case 'signal':
      return `signal ${entry.name} ${JSON.stringify(entry.input)}`;
    case 'child_started':
      return `started ${entry.workflowType} ${entry.childWorkflowId}`;
    case 'child_finished':
      return `${entry.childWorkflowId} ${entry.failed ? 'failed' : 'finished'}: ${JSON.stringify(entry.result)}`;
    case 'saga_step':
      return `saga step ${entry.step} (${entry.workflowId}): ${JSON.stringify(entry.result)}`;
    case 'compensation':
      return `compensation ${entry.step} (${entry.workflowId}): ${JSON.stringify(entry.result)}`;
    case 'activity_failed':
      return `${entry.activity} failed: ${entry.message}`;
    case 'run_ended':
      return `run ${entry.runId} ${entry.how.replace(/_/g, ' ')}`;
  }
}

/** One line per entry: when, which event, what. */
export const timelineLine = (entry: TimelineEntry): string => `${entry.at} #${entry.eventId} ${describeEntry(entry)}`;

export type { History };
