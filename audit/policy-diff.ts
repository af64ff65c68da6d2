/**
 * Recorded action requests run through today's policy code: every performAction the histories hold, with
 * the facts and store records it was evaluated on (kept in its result), evaluated again with the settings
 * asked for. What would now be decided differently is the review a policy change needs before it ships.
 */
import type { EvaluatedOn, PerformActionResult } from '../activities/perform-action';
import { ACTION_KINDS, canonicalJson, evaluate, whyPolicySettingsAreInvalid, type ActionRequest, type ConversationFacts, type PolicyDecision, type PolicySettings, type Proposal } from '../domain/policy';
import { requestFromToolCall } from '../tau/tool-call';
import type { RecordedRun } from './histories';
import { readJsonPayload, type PayloadReader } from './timeline';

export interface RecordedActionRequest {
  workflowId: string;
  runId: string;
  /** The ActivityTaskScheduled event of the request. */
  eventId: number;
  request: ActionRequest;
  facts: ConversationFacts;
  /** allow (also when the store then refused the write), deny, needs_confirmation or needs_approval. */
  decision: string;
  rule: string | null;
  /** The proposal the policy made then, when it made one. */
  proposal: Proposal | null;
  evaluatedOn: EvaluatedOn | null;
}

/** Every performAction of these runs that completed, with what was decided then. */
export function recordedActionRequests(runs: readonly RecordedRun[], read: PayloadReader = readJsonPayload): RecordedActionRequest[] {
  const found: RecordedActionRequest[] = [];
  for (const run of runs) {
    const scheduled = new Map<string, { eventId: number; input: Record<string, unknown> }>();
    for (const event of run.history.events ?? []) {
      const task = event.activityTaskScheduledEventAttributes;
      if (task?.activityType?.name === 'performAction') {
        const payload = task.input?.payloads?.[0];
        scheduled.set(String(event.eventId), { eventId: Number(event.eventId), input: (payload ? read(payload) : {}) as Record<string, unknown> });
      }
      const done = event.activityTaskCompletedEventAttributes;
      const asked = done ? scheduled.get(String(done.scheduledEventId)) : undefined;
      if (!done || !asked) continue;
      const payload = done.result?.payloads?.[0];
      const result = (payload ? read(payload) : {}) as PerformActionResult;
      const input = asked.input;
      const request = (typeof input.request === 'object' && input.request !== null
        ? input.request
        : requestFromToolCall(String(input.toolName), (input.kwargs ?? {}) as Record<string, unknown>)) as ActionRequest;
      if (!(ACTION_KINDS as readonly unknown[]).includes(request?.kind)) continue;
      found.push({
        workflowId: run.workflowId,
        runId: run.runId,
        eventId: asked.eventId,
        request,
        facts: input.facts as ConversationFacts,
        decision: result.status === 'refused' ? result.outcome : result.status === 'executed' || result.status === 'failed' ? 'allow' : 'unknown',
        rule: result.status === 'refused' ? (result.rule ?? null) : null,
        proposal: (result.status === 'executed' || result.status === 'refused' ? result.proposal : undefined) ?? null,
        evaluatedOn: result.evaluatedOn ?? null,
      });
    }
  }
  return found;
}

export interface PolicyChange {
  workflowId: string;
  runId: string;
  eventId: number;
  action: string;
  proposalId: string | null;
  was: string;
  now: string;
  /** The rule and reason of the new decision when it refuses. */
  rule: string | null;
  reason: string | null;
  /** allowed → refused, refused → allowed, or another change (a confirmation now needing approval, say). */
  direction: 'allowed_to_refused' | 'refused_to_allowed' | 'changed';
}

export interface PolicyDiff {
  examined: number;
  /** Requests recorded before their inputs were kept in the history: they cannot be evaluated again faithfully. */
  notComparable: number;
  unchanged: number;
  changes: PolicyChange[];
}

/** Settings the auditor asks to compare against, on top of the settings each request was evaluated with. */
export type SettingsOverride = Partial<PolicySettings>;

/** A proposal without its id and its approval requirement: what the customer agreed to. */
const consentedPart = (proposal: Proposal) => canonicalJson({ ...proposal, proposalId: null, approval: null });

/**
 * The decision today's code makes on the recorded inputs. A proposal is sealed with its approval
 * requirement, so other settings give it another id; when only that requirement differs, the customer's
 * yes (and a person's approval) of the recorded proposal counts for the new one: the question is what the
 * policy's gates decide, not whether the customer would be asked again. Any other difference keeps the
 * recorded consent, which is then stale: the code would ask again.
 */
function evaluateAgain(recorded: RecordedActionRequest, on: EvaluatedOn, settings: PolicySettings): PolicyDecision {
  const context = { records: on.records, history: on.history, settings };
  const first = evaluate(recorded.request, { ...context, facts: recorded.facts });
  const was = recorded.proposal;
  const now = 'proposal' in first ? first.proposal : undefined;
  if (!was || !now || was.proposalId === now.proposalId || consentedPart(was) !== consentedPart(now)) return first;
  const facts: ConversationFacts = {
    ...recorded.facts,
    confirmation: recorded.facts.confirmation?.proposalId === was.proposalId ? { proposalId: now.proposalId } : recorded.facts.confirmation,
    approvals: (recorded.facts.approvals ?? []).map((a) => (a.proposalId === was.proposalId ? { ...a, proposalId: now.proposalId } : a)),
    completedProposalIds: (recorded.facts.completedProposalIds ?? []).map((id) => (id === was.proposalId ? now.proposalId : id)),
  };
  return evaluate(recorded.request, { ...context, facts });
}

/** Evaluates each recorded request again on its recorded inputs with today's code and the settings asked for. */
export function policyDiff(requests: readonly RecordedActionRequest[], override: SettingsOverride = {}): PolicyDiff {
  const diff: PolicyDiff = { examined: requests.length, notComparable: 0, unchanged: 0, changes: [] };
  for (const recorded of requests) {
    if (!recorded.evaluatedOn) {
      diff.notComparable++;
      continue;
    }
    const decision = evaluateAgain(recorded, recorded.evaluatedOn, { ...recorded.evaluatedOn.settings, ...override });
    if (decision.outcome === recorded.decision) {
      diff.unchanged++;
      continue;
    }
    const wasAllowed = recorded.decision === 'allow';
    const nowAllowed = decision.outcome === 'allow';
    diff.changes.push({
      workflowId: recorded.workflowId,
      runId: recorded.runId,
      eventId: recorded.eventId,
      action: recorded.request.kind,
      proposalId: 'proposal' in decision ? decision.proposal.proposalId : null,
      was: recorded.decision,
      now: decision.outcome,
      rule: decision.outcome === 'deny' ? decision.rule : null,
      reason: decision.outcome === 'allow' ? null : decision.reason,
      direction: wasAllowed && !nowAllowed ? 'allowed_to_refused' : !wasAllowed && nowAllowed ? 'refused_to_allowed' : 'changed',
    });
  }
  return diff;
}

/** Reads `--settings FILE` JSON and `--refund-limit-cents N` into one override, or says what is wrong. */
export function settingsOverride(fromFile: unknown, refundLimitCents: number | undefined): SettingsOverride | string {
  if (fromFile !== undefined && (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile))) return 'the settings file must hold a JSON object';
  const allowed = ['automaticRefundLimitCents', 'refundApproverRoles', 'addressChangeAfterItemModification'];
  const unknown = Object.keys((fromFile as object | undefined) ?? {}).find((key) => !allowed.includes(key));
  if (unknown) return `the settings file names "${unknown}", which is not one of ${allowed.join(', ')}`;
  const override: SettingsOverride = { ...(fromFile as SettingsOverride | undefined), ...(refundLimitCents !== undefined ? { automaticRefundLimitCents: refundLimitCents } : {}) };
  const why = whyPolicySettingsAreInvalid({ automaticRefundLimitCents: 0, refundApproverRoles: ['supervisor'], addressChangeAfterItemModification: true, ...override });
  return why ?? override;
}
