/**
 * The quality scorecard of a closed conversation, read only from what it recorded: its decisions,
 * transcript, action reports, handoffs and signals, plus the outcome it ended with. Pure and
 * deterministic (time arrives as ISO strings), so the workflow can score itself at close.
 * Details cite turns by their seq and never quote the customer: a supervisor is one click away from them.
 */
import type { ActionReport, CarriedState, Decision, HandoffState, OrderFlowKind, Turn } from '../conversation';
import type { FrustrationSignalCode, HandoffReasonCode } from '../escalation/codes';
import { LOOP_EXEMPT_INTENTS, REPEATED_MESSAGE_MIN_WORDS, REPEATED_MESSAGE_WINDOW, nearlySame, timesWithoutProgress } from '../escalation';
import { movedOnFrom } from '../escalation/loops';
import { normalise } from '../escalation/words';
import { extractYesNo } from '../entities';
import { OOS_INTENT } from '../intents';
import type { Outcome, OutcomeAssessment, ScorecardCheck } from '../outcomes/types';
import type { ActionKind } from '../policy/types';

export const SCORECARD_CHECK_IDS = [
  'resolved_verified',
  'policy_followed',
  'no_repeated_question',
  'no_bot_repetition',
  'frustration_handled',
  'turns_and_time',
  'person_needed',
] as const;
export type ScorecardCheckId = (typeof SCORECARD_CHECK_IDS)[number];

/** Above this many customer turns a conversation took too long, whatever it ended with. */
export const MAX_CUSTOMER_TURNS = 12;
/** Above this many minutes from the first message to the resolution, it took too long. */
export const MAX_MINUTES_TO_RESOLUTION = 30;
/** A sign of frustration that calls for a person may wait this many customer turns for the handoff, no more. */
export const FRUSTRATION_HANDOFF_GRACE_TURNS = 1;

/** Signs of frustration that call for a person: swearing, insults, a complaint. The others are only shown. */
export const ESCALATING_SIGNALS: ReadonlySet<FrustrationSignalCode> = new Set<FrustrationSignalCode>(['profanity', 'insult', 'complaint']);

/** Handoff reasons that mean the bot did not understand or got stuck: a person should not have been needed. */
export const BOT_FAILURE_CODES: ReadonlySet<HandoffReasonCode> = new Set<HandoffReasonCode>(['unsure_twice', 'intent_loop', 'bot_repeating']);

/** Handoff reasons that are the customer's frustration, acted on at the turn it showed. */
const FRUSTRATION_CODES: ReadonlySet<HandoffReasonCode> = new Set<HandoffReasonCode>([
  'shouting',
  'profanity',
  'insult',
  'repeated_complaint',
  'negative_trend',
  'legal_threat',
  'chargeback_threat',
  'complaint',
]);

/** Why a person was brought in, in a supervisor's words. */
const WHY_A_PERSON: Record<HandoffReasonCode, string> = {
  legal_threat: 'a threat of legal action',
  chargeback_threat: 'a threat of a chargeback',
  explicit_request: 'the customer asked for a person',
  shouting: 'the customer was shouting',
  profanity: 'profanity aimed at the bot or the company',
  insult: 'insults aimed at the bot or the company',
  repeated_complaint: 'repeated complaints',
  negative_trend: 'a worsening tone',
  intent_loop: 'the same request going nowhere',
  bot_repeating: 'the bot repeating itself',
  unsure_twice: 'the bot could not tell what the customer wanted, twice',
  complaint: 'a complaint, which a person records',
  payment_check: 'a payment problem only the payment records can settle',
  approval_denied: 'a supervisor did not approve a request',
  approval_timed_out: 'no supervisor decided on a request in time',
  return_overdue: 'a return that did not arrive',
  refund_failed: 'a refund that could not be paid',
  language: 'a language the bot cannot answer in',
};

/**
 * The flow whose confirmation step each consequential action is carried out from. `transfer_to_human`
 * is the tau tools' handoff, never an action report of a conversation.
 */
const FLOW_OF_ACTION: Record<Exclude<ActionKind, 'transfer_to_human'>, OrderFlowKind> = {
  cancel_pending_order: 'cancel_order',
  modify_pending_order_address: 'change_shipping_address',
  modify_pending_order_items: 'modify_items',
  modify_pending_order_payment: 'modify_payment_method',
  modify_user_address: 'update_default_address',
  modify_user_account: 'edit_account',
  erase_user_account: 'delete_account',
  return_delivered_order_items: 'return_items',
  exchange_delivered_order_items: 'exchange_items',
  goodwill_credit: 'goodwill_credit',
};
const isPolicyAction = (name: string): name is keyof typeof FLOW_OF_ACTION => Object.hasOwn(FLOW_OF_ACTION, name);

export interface ScorecardInput {
  /** The conversation as it closed (before compaction for the next run). */
  state: CarriedState;
  /** What it ended with: the assessment the conversation made, or just the outcome. */
  outcome: OutcomeAssessment | Outcome;
  /** Workflow time, ISO 8601. */
  closedAt: string;
  /** Customer turns over the whole conversation, when turns were compacted away; else the transcript's are counted. */
  customerTurns?: number;
}

/** Every check, in the order of SCORECARD_CHECK_IDS. */
export function scoreConversation(input: ScorecardInput): ScorecardCheck[] {
  const { state } = input;
  const assessment: OutcomeAssessment = typeof input.outcome === 'string' ? { outcome: input.outcome, reason: '', issues: [] } : input.outcome;
  const handoffs = [...(state.pastHandoffs ?? []), ...(state.handoff ? [state.handoff] : [])];
  return [
    resolvedVerified(assessment),
    policyFollowed(state),
    noRepeatedQuestion(state),
    noBotRepetition(state, handoffs),
    frustrationHandled(state, handoffs),
    turnsAndTime(state, assessment, input),
    personNeeded(state, handoffs),
  ];
}

const check = (id: ScorecardCheckId, passed: boolean, detail: string): ScorecardCheck => ({ id, passed, detail });
const turnList = (seqs: readonly number[]): string => (seqs.length === 1 ? `turn ${seqs[0]}` : `turns ${seqs.slice(0, -1).join(', ')} and ${seqs[seqs.length - 1]}`);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function resolvedVerified(assessment: OutcomeAssessment): ScorecardCheck {
  const why = assessment.reason ? `: ${assessment.reason}` : '';
  if (assessment.outcome === 'verified') return check('resolved_verified', true, `verified${why}`);
  if (assessment.candidate === 'verified') {
    const issues = assessment.issues.length ? ` on ${assessment.issues.join(', ')}` : '';
    return check('resolved_verified', true, `resolved, and verified once the resolution window passes without the customer coming back${issues}${why}`);
  }
  return check('resolved_verified', false, `${assessment.outcome ?? 'no outcome yet'}${why}`);
}

/** A proposal the customer answered at a flow's confirmation step, possibly several times (asked again, or re-proposed). */
interface AnsweredProposal {
  flow: string;
  answers: { seq: number; reading: 'yes' | 'no' | undefined }[];
  approval?: { state: 'asked' } | { state: 'approved'; by: string } | { state: 'refused' };
  used: boolean;
}

/**
 * The proposals answered, from the decisions: each `<flow>:confirmation` decision is the customer's
 * answer to a proposal the policy made (a flow reaches that step only with one); any other decision
 * about the same flow starts the next proposal. An approval request follows the yes it parks, and its
 * outcome is an approval when a person's `approve` is recorded at the same moment.
 */
function answeredProposals(state: CarriedState): AnsweredProposal[] {
  const customerText = new Map(state.transcript.filter((t) => t.from === 'customer').map((t) => [t.seq, t.text]));
  const approvals = (state.agentActions ?? []).filter((a) => a.action === 'approve');
  const proposals: AnsweredProposal[] = [];
  const open = new Map<string, AnsweredProposal>();
  let last: AnsweredProposal | undefined;
  let waitingForApproval: AnsweredProposal | undefined;
  for (const d of state.decisions) {
    if (d.kind === 'dialogue' && d.intent && d.rule === `${d.intent}:confirmation`) {
      const text = customerText.get(d.seq);
      const answer = { seq: d.seq, reading: text === undefined ? undefined : extractYesNo(text) };
      const proposal = open.get(d.intent);
      if (proposal) proposal.answers.push(answer);
      else {
        const fresh: AnsweredProposal = { flow: d.intent, answers: [answer], used: false };
        proposals.push(fresh);
        open.set(d.intent, fresh);
      }
      last = open.get(d.intent);
      continue;
    }
    if (d.kind === 'approval') {
      if (!waitingForApproval && last && !last.approval) {
        last.approval = { state: 'asked' };
        waitingForApproval = last;
      } else if (waitingForApproval) {
        const by = approvals.find((a) => a.at === d.at);
        waitingForApproval.approval = by ? { state: 'approved', by: `${by.role} ${by.by}` } : { state: 'refused' };
        waitingForApproval = undefined;
      }
      continue;
    }
    if (d.intent) open.delete(d.intent);
  }
  return proposals;
}

/** The actions carried out, each once: a delayed refund's later `executed` (or failure) settles it, it is not another action. */
function executedActions(actions: readonly ActionReport[]): ActionReport[] {
  const delayed = new Map<string, number>();
  const done: ActionReport[] = [];
  for (const a of actions) {
    const waiting = delayed.get(a.name) ?? 0;
    if (a.status === 'delayed') {
      delayed.set(a.name, waiting + 1);
      done.push(a);
    } else if (waiting > 0 && (a.status === 'executed' || a.status === 'failed' || a.status === 'compensated')) {
      delayed.set(a.name, waiting - 1);
    } else if (a.status === 'executed') {
      done.push(a);
    }
  }
  return done;
}

function policyFollowed(state: CarriedState): ScorecardCheck {
  const done = executedActions(state.actions ?? []);
  const policyActions = done.filter((a) => isPolicyAction(a.name));
  const others = [...new Set(done.filter((a) => !isPolicyAction(a.name)).map((a) => a.name))];
  const denied = (state.actions ?? []).filter((a) => a.status === 'denied').map((a) => a.name);
  const proposals = answeredProposals(state);
  const problems: string[] = [];
  const followed: string[] = [];
  for (const action of policyActions) {
    const flow = isPolicyAction(action.name) ? FLOW_OF_ACTION[action.name] : undefined;
    const mine = proposals.filter((p) => p.flow === flow && !p.used);
    const confirmed = mine.find((p) => p.answers[p.answers.length - 1]?.reading !== 'no' && (!p.approval || p.approval.state === 'approved'));
    if (!confirmed) {
      const unapproved = mine.some((p) => p.approval && p.approval.state !== 'approved');
      problems.push(`${action.name} was executed ${unapproved ? 'without the approval its proposal waited for' : 'without the customer confirming a proposal'}`);
      continue;
    }
    confirmed.used = true;
    const yes = confirmed.answers[confirmed.answers.length - 1];
    const approval = confirmed.approval?.state === 'approved' ? `, approved by ${confirmed.approval.by}` : '';
    followed.push(`${action.name} proposed, confirmed at turn ${yes?.seq ?? '?'}${approval}`);
  }
  // Each proposal carried out leaves its policy-issued id behind: an execution without one skipped the policy.
  const policyIds = (state.completedProposalIds ?? []).filter((id) => id.startsWith('p_')).length;
  if (policyActions.length > policyIds) {
    problems.push(`${plural(policyActions.length - policyIds, 'executed action')} left no policy proposal id (${policyIds} for ${policyActions.length} executed)`);
  }
  const notes = [
    ...(denied.length ? [`the policy denied ${denied.join(', ')}`] : []),
    ...(others.length ? [`${others.join(', ')} need no proposal`] : []),
  ];
  if (problems.length) return check('policy_followed', false, [...problems, ...followed, ...notes].join('; '));
  if (!policyActions.length) return check('policy_followed', true, ['no action that needs a proposal was executed', ...notes].join('; '));
  return check('policy_followed', true, [...followed.map((f) => `${f}, checked by the policy`), ...notes].join('; '));
}

function noRepeatedQuestion(state: CarriedState): ScorecardCheck {
  const repeats: string[] = [];
  state.decisions.forEach((d, i) => {
    if (d.kind !== 'reply' || !d.intent || d.tier === 'none' || LOOP_EXEMPT_INTENTS.has(d.intent)) return;
    if (timesWithoutProgress(state.decisions.slice(0, i), d.intent) < 2) return;
    const first = firstAskedSince(state.decisions.slice(0, i), d.intent);
    repeats.push(`${d.intent} asked again at turn ${d.seq}${first !== undefined ? ` (first at turn ${first})` : ''} with no step forward`);
  });
  // The customer writing nearly the same message again, unless the flow took the earlier one as an answer and moved on.
  const moved = movedOnFrom({ text: '', transcript: state.transcript, decisions: state.decisions, unsureStreak: 0 });
  const customerTurns = state.transcript.filter((t) => t.from === 'customer');
  // A message nearly the same as an earlier one joins that one's group: three alike are one finding.
  const groups: number[][] = [];
  customerTurns.forEach((turn, i) => {
    if (normalise(turn.text).split(' ').length < REPEATED_MESSAGE_MIN_WORDS || moved.has(turn.seq)) return;
    const earlier = customerTurns.slice(Math.max(0, i - REPEATED_MESSAGE_WINDOW), i).find((t) => !moved.has(t.seq) && nearlySame(t.text, turn.text));
    if (!earlier) return;
    const group = groups.find((g) => g.includes(earlier.seq));
    if (group) group.push(turn.seq);
    else groups.push([earlier.seq, turn.seq]);
  });
  for (const seqs of groups) repeats.push(`the customer wrote nearly the same message at ${turnList(seqs)}`);
  if (repeats.length) return check('no_repeated_question', false, repeats.join('; '));
  return check('no_repeated_question', true, 'the customer did not have to ask anything twice');
}

/** The turn the current run of asks for `intent` began (the earliest one with no step forward since). */
function firstAskedSince(decisions: readonly Decision[], intent: string): number | undefined {
  let first: number | undefined;
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i];
    if (!d || (d.kind === 'dialogue' && d.rule !== undefined && !d.rule.endsWith(':dropped'))) break;
    if (d.kind === 'reply' && d.intent === intent) first = d.seq;
  }
  return first;
}

/** While a person has (or is about to take) the conversation, the bot's "a colleague will see this" repeats by design. */
function duringHandoff(turn: Turn, handoffs: readonly HandoffState[]): boolean {
  return handoffs.some((h) => turn.at > h.requestedAt && (!h.outcome || turn.at < h.outcome.at));
}

function noBotRepetition(state: CarriedState, handoffs: readonly HandoffState[]): ScorecardCheck {
  const replies = state.transcript.filter((t) => t.from === 'bot' && !duringHandoff(t, handoffs));
  const bySameText = new Map<string, number[]>();
  const inARow = new Set<string>();
  replies.forEach((turn, i) => {
    const text = normalise(turn.text);
    if (!text) return;
    bySameText.set(text, [...(bySameText.get(text) ?? []), turn.seq]);
    const previous = replies[i - 1];
    if (previous && normalise(previous.text) === text) inARow.add(text);
  });
  const repeated = [...bySameText.entries()].filter(([text, seqs]) => inARow.has(text) || seqs.length >= 3);
  if (!repeated.length) return check('no_bot_repetition', true, 'the bot did not repeat a reply');
  return check(
    'no_bot_repetition',
    false,
    repeated.map(([text, seqs]) => `the bot sent the same reply ${seqs.length} times${inARow.has(text) ? ' (in a row)' : ''}, at ${turnList(seqs)}`).join('; '),
  );
}

function frustrationHandled(state: CarriedState, handoffs: readonly HandoffState[]): ScorecardCheck {
  const seen = new Map<string, { code: FrustrationSignalCode; seq?: number }>();
  for (const s of [...handoffs.flatMap((h) => h.signals), ...(state.frustrationSignals ?? [])]) seen.set(`${s.code}@${s.seq ?? ''}`, { code: s.code, seq: s.seq });
  const signals = [...seen.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const handedOverFor = handoffs.filter((h) => h.reasons.some((r) => FRUSTRATION_CODES.has(r.code)));
  if (!signals.length && !handedOverFor.length) return check('frustration_handled', true, 'no frustration seen');

  const customerSeqs = state.transcript.filter((t) => t.from === 'customer').map((t) => t.seq);
  const handoffSeqs = handoffs.map((h) => h.requestedAtSeq).sort((a, b) => a - b);
  const problems: string[] = [];
  const handled: string[] = [];
  for (const h of handedOverFor) {
    const codes = h.reasons.filter((r) => FRUSTRATION_CODES.has(r.code)).map((r) => r.code);
    handled.push(`${codes.join(', ')} at turn ${h.requestedAtSeq}, handed over at once`);
  }
  for (const s of signals.filter((x) => ESCALATING_SIGNALS.has(x.code))) {
    if (s.seq === undefined) continue;
    const seq = s.seq;
    const handoffAt = handoffSeqs.find((h) => h >= seq);
    if (handoffAt === undefined) {
      problems.push(`${s.code} at turn ${seq}, never handed over`);
      continue;
    }
    if (handoffAt === seq) {
      if (!handedOverFor.some((h) => h.requestedAtSeq === seq)) handled.push(`${s.code} at turn ${seq}, handed over at once`);
      continue;
    }
    const later = customerSeqs.filter((c) => c > seq && c <= handoffAt).length;
    const what = `${s.code} at turn ${seq}, handed over at turn ${handoffAt} (${plural(later, 'customer turn')} later)`;
    (later > FRUSTRATION_HANDOFF_GRACE_TURNS ? problems : handled).push(what);
  }
  const weak = signals.filter((x) => !ESCALATING_SIGNALS.has(x.code)).map((x) => `${x.code}${x.seq !== undefined ? ` (turn ${x.seq})` : ''}`);
  const parts = [...problems, ...handled, ...(weak.length ? [`also seen: ${weak.join(', ')}`] : [])];
  return check('frustration_handled', problems.length === 0, parts.join('; '));
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);
}

function duration(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

function turnsAndTime(state: CarriedState, assessment: OutcomeAssessment, input: ScorecardInput): ScorecardCheck {
  const turns = input.customerTurns ?? state.transcript.filter((t) => t.from === 'customer').length;
  const start = state.transcript.find((t) => t.from === 'customer')?.at ?? state.startedAt;
  const resolvedAt = assessment.resolvedAt ?? [...state.decisions].reverse().find((d) => d.kind === 'resolved')?.at;
  const tooManyTurns = turns > MAX_CUSTOMER_TURNS;
  const turnsText = `${plural(turns, 'customer turn')}${tooManyTurns ? ` (more than ${MAX_CUSTOMER_TURNS})` : ''}`;
  if (!resolvedAt) {
    return check('turns_and_time', !tooManyTurns, `${turnsText}; not resolved, closed ${duration(minutesBetween(start, input.closedAt))} after the first message`);
  }
  const minutes = minutesBetween(start, resolvedAt);
  const tooLong = minutes > MAX_MINUTES_TO_RESOLUTION;
  return check(
    'turns_and_time',
    !tooManyTurns && !tooLong,
    `${turnsText}; resolved ${duration(minutes)} after the first message${tooLong ? ` (more than ${MAX_MINUTES_TO_RESOLUTION} min)` : ''}`,
  );
}

function personNeeded(state: CarriedState, handoffs: readonly HandoffState[]): ScorecardCheck {
  const decided = (state.agentActions ?? []).filter((a) => a.action === 'approve' || a.action === 'deny');
  const approvals = decided.length ? `; a supervisor decided ${plural(decided.length, 'approval')}` : '';
  if (!handoffs.length) return check('person_needed', true, `no person was needed${approvals}`);
  // A request the bot recognised but hands to people (a payment problem) reached the handoff coded like an
  // unclear one before it had its own code: it is the bot's failure only when that turn was not understood.
  const understood = (seq: number) =>
    state.decisions.find((d) => d.kind === 'reply' && d.seq === seq && d.tier !== 'none' && d.intent !== undefined && d.intent !== OOS_INTENT)?.intent;
  let botFailed = false;
  const each = handoffs.map((h) => {
    const known = understood(h.requestedAtSeq);
    const why = h.reasons.map((r) => {
      if (r.code === 'unsure_twice' && known) return `${known} (${r.detail})`;
      if (BOT_FAILURE_CODES.has(r.code)) botFailed = true;
      return `${r.code} (${WHY_A_PERSON[r.code]})`;
    });
    return `at turn ${h.requestedAtSeq} for ${[...new Set(why)].join(', ')}`;
  });
  const lead = botFailed ? 'a person was needed because the bot did not understand' : 'a person was needed';
  return check('person_needed', !botFailed, `${lead}: ${each.join('; ')}${approvals}`);
}
