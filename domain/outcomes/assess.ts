import type { CarriedState, ClassifierTier, CustomerHint, Decision, HandoffState } from '../conversation';
import { intentDefinition } from '../intents';
import type { ConversationFigures, OutcomeAssessment } from './types';

export interface OutcomeFacts {
  /** Its `executed` requests carry the store's word on each change once it was read back. */
  state: CarriedState;
  closed: boolean;
  windowMs: number;
  now: string;
}

/** Words that accept an answer: after a help-centre answer they mean it did its job. */
const ACCEPTING_INTENTS: ReadonlySet<string> = new Set(['thanks', 'goodbye']);
const GOOD_RATING = 4;

/** A request or question the customer can have resolved (not a greeting, not out of scope). */
export function isIssueIntent(intent: string | undefined): intent is string {
  const kind = intent ? intentDefinition(intent)?.kind : undefined;
  return kind === 'action' || kind === 'information' || kind === 'handoff';
}

const handoffsOf = (state: CarriedState): HandoffState[] => [...(state.pastHandoffs ?? []), ...(state.handoff ? [state.handoff] : [])];

/** The intent of every customer turn, in order: classified turns and requests picked from a menu. */
function raisedDecisions(decisions: readonly Decision[]): { intent: string; at: string; seq: number }[] {
  return decisions.flatMap((d) =>
    (d.kind === 'reply' || (d.kind === 'dialogue' && d.rule === 'menu:chosen')) && isIssueIntent(d.intent) ? [{ intent: d.intent, at: d.at, seq: d.seq }] : [],
  );
}

/** Each issue the customer raised here, with when it was first raised: what can count as a come-back elsewhere. */
export function raisedIssues(state: CarriedState): { intent: string; at: string }[] {
  const seen = new Map<string, string>();
  for (const r of raisedDecisions(state.decisions)) if (!seen.has(r.intent)) seen.set(r.intent, r.at);
  return [...seen].map(([intent, at]) => ({ intent, at }));
}

/** Who can come back: the verified customer, else the e-mail the conversation started with. */
export function customerKeyOf(state: CarriedState, hint: CustomerHint | undefined): string | null {
  if (state.identity) return state.identity.customerId;
  return hint?.email ? `email:${hint.email.trim().toLowerCase()}` : null;
}

/** When the issue was resolved, by an action the store confirms or by an answer the customer accepted. */
function resolution(facts: OutcomeFacts): { at: string; how: string } | { unconfirmed: string } | undefined {
  const { state } = facts;
  const reports = (state.actions ?? []).filter((a) => a.status !== 'proposed');
  const last = reports[reports.length - 1];
  const executed = state.executed ?? [];
  if (last && (last.status === 'executed' || last.status === 'delayed') && executed.length > 0) {
    if (executed.some((e) => !e.check)) return undefined;
    const failed = executed.find((e) => e.check && !e.check.held);
    if (failed) return { unconfirmed: `the store does not show the change of ${failed.request.kind}: ${failed.check?.detail}` };
    const latest = executed[executed.length - 1];
    if (latest?.check) return { at: latest.check.at, how: `the store confirms ${latest.request.kind} (${latest.check.detail})` };
  }
  if (last && (last.status === 'failed' || last.status === 'compensated')) return { unconfirmed: `${last.name} ${last.status}: ${last.detail ?? ''}`.trim() };
  return acceptedAnswer(state);
}

/**
 * A question answered (by the help centre, or an information intent's own answer or flow) and then
 * accepted: thanks or goodbye, or a good rating, before any other request or an unclear turn.
 * A request to change something is never resolved by words alone: only the store can confirm it.
 */
function acceptedAnswer(state: CarriedState): { at: string; how: string } | undefined {
  let answered: string | undefined;
  for (const d of state.decisions) {
    if (d.kind === 'reply') {
      if (answered && d.intent && ACCEPTING_INTENTS.has(d.intent)) return { at: d.at, how: `the customer accepted the answer to ${answered} (${d.intent})` };
      answered = isIssueIntent(d.intent) && intentDefinition(d.intent)?.kind === 'information' ? d.intent : d.intent === 'greeting' ? answered : undefined;
    } else if (d.kind === 'dialogue' && d.rule?.endsWith(':answered')) {
      answered = d.intent ?? 'a question';
    } else if (d.kind === 'csat' && answered && state.csat && state.csat.score >= GOOD_RATING) {
      return { at: d.at, how: `the customer rated the answer to ${answered} ${state.csat.score} of 5` };
    }
  }
  return undefined;
}

/**
 * The conversation's outcome as far as it can tell now. A person brought in makes it escalated at once;
 * a resolution the store (or the customer) confirms is a candidate for verified until the window passes,
 * unless the customer reopens the conversation on the same issue inside it; a closed conversation with
 * neither was contained, or abandoned when the customer left in the middle of something.
 */
export function assessOutcome(facts: OutcomeFacts): OutcomeAssessment {
  const { state } = facts;
  const handoffs = handoffsOf(state);
  if (handoffs.length > 0) {
    const codes = [...new Set(handoffs.flatMap((h) => h.reasons.map((r) => r.code)))];
    return { outcome: 'escalated', reason: `a person was brought in: ${codes.join(', ') || 'requested'}`, issues: [] };
  }
  const resolved = resolution(facts);
  if (resolved && 'at' in resolved) {
    const issues = [...new Set(raisedDecisions(state.decisions).filter((r) => r.at <= resolved.at).map((r) => r.intent))];
    const windowEnds = Date.parse(resolved.at) + facts.windowMs;
    const reopenedAt = state.decisions.find((d) => d.kind === 'reopened' && d.at >= resolved.at)?.at;
    const back = reopenedAt ? raisedDecisions(state.decisions).find((r) => r.at >= reopenedAt && issues.includes(r.intent) && Date.parse(r.at) < windowEnds) : undefined;
    if (back) return { outcome: 'contained', reason: `the customer came back on ${back.intent} within the resolution window`, issues };
    if (facts.windowMs <= 0 || Date.parse(facts.now) >= windowEnds) return { outcome: 'verified', reason: resolved.how, issues, resolvedAt: resolved.at };
    return { candidate: 'verified', reason: resolved.how, issues, resolvedAt: resolved.at };
  }
  if (!facts.closed) return { reason: resolved ? resolved.unconfirmed : 'in progress', issues: [] };
  const customerTurns = state.transcript.filter((t) => t.from === 'customer').length + (state.earlierSummary ? 1 : 0);
  const leftMidway = state.flow !== undefined || (state.waitingFor !== undefined && state.waitingFor.awaiting !== 'rating');
  if (customerTurns === 0) return { outcome: 'abandoned', reason: 'the customer never wrote', issues: [] };
  if (leftMidway) return { outcome: 'abandoned', reason: `the customer left while the bot waited for ${state.flow ? `${state.flow.kind} (${state.flow.step})` : state.waitingFor?.awaiting}`, issues: [] };
  return { outcome: 'contained', reason: resolved ? resolved.unconfirmed : 'answered without a person, with nothing confirmed', issues: [] };
}

const NO_TIERS = (): Record<ClassifierTier, number> => ({ keyword: 0, model: 0, llm: 0, none: 0 });

/** The counts and codes this conversation adds to the operators' figures. */
export function figuresOf(state: CarriedState, resolvedAt?: string): ConversationFigures {
  const tiers = NO_TIERS();
  const intents: string[] = [];
  let injectionFlags = 0;
  for (const d of state.decisions) {
    if (d.kind === 'injection_flagged') injectionFlags += 1;
    if (d.kind !== 'reply') continue;
    tiers[d.tier ?? 'none'] += 1;
    if (d.intent && !intents.includes(d.intent)) intents.push(d.intent);
  }
  const handoffs = handoffsOf(state);
  const first = handoffs[0];
  const raisedBefore = first ? raisedDecisions(state.decisions).filter((r) => r.seq <= first.requestedAtSeq) : [];
  const handoffIntent = first?.pendingRequest?.kind ?? raisedBefore[raisedBefore.length - 1]?.intent;
  const actions = { executed: 0, denied: 0, compensated: 0, failed: 0 };
  for (const a of state.actions ?? []) {
    if (a.status === 'executed' || a.status === 'delayed') actions.executed += 1;
    else if (a.status === 'denied' || a.status === 'compensated' || a.status === 'failed') actions[a.status] += 1;
  }
  const refundedCents = (state.refunds ?? []).filter((r) => r.status === 'paid' || r.status === 'completed').reduce((sum, r) => sum + r.amountCents, 0);
  const firstCustomer = state.transcript.find((t) => t.from === 'customer')?.at ?? state.startedAt;
  return {
    tiers,
    intents,
    escalationCodes: [...new Set(handoffs.flatMap((h) => h.reasons.map((r) => r.code)))],
    ...(handoffIntent ? { handoffIntent } : {}),
    actions,
    refundedCents,
    ...(injectionFlags ? { injectionFlags } : {}),
    ...(resolvedAt ? { secondsToResolution: Math.max(0, Math.round((Date.parse(resolvedAt) - Date.parse(firstCustomer)) / 1000)) } : {}),
  };
}
