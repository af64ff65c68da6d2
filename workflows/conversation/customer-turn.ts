import type { CarriedState, MessageResult } from '../../domain/conversation';
import type { HandoffReasonCode } from '../../domain/escalation';
import { switchesTopic, wantsToStop } from '../../domain/dialogue/leaving-a-flow';
import { extractRating, RATING_OPTIONS } from '../../domain/dialogue/rating';
import { assessEscalation, COMPLAINT_INTENT, detailTerms } from '../../domain/escalation';
import { firstReplyFor } from '../../domain/first-replies';
import { intentDefinition } from '../../domain/intents';
import { registerApproval } from './approvals';
import { classifyIntent, detectInjection } from '../activity-proxies';
import { classifyTurn, type TurnClassification } from './classify-turn';
import type { ConversationContext } from './context';
import { beginHandoff, RATING_QUESTION } from './handoff';
import { answerQuestion } from './knowledge';
import { routeNewRequest } from './route-turn';
import { continueFlow, customerFlowKindForIntent, expectingOf, isCustomerFlowKind, startFlow, type CustomerFlowKind } from './flows';
import { wantsOrderPlacedForThem } from '../../domain/commerce/place-order';
import { answer } from './replying';
import { say } from './speaking';
import type { MessageKey } from '../../domain/messages';
import { readMessage, type Reading } from '../../domain/understanding/reading';
import { patched } from '@temporalio/workflow';
import { isServedLanguage } from '../../domain/language/languages';
import { languageOf } from './speaking';
import { answerForLanguage, noteInjectionVerdict, startTurn } from './turn-language';
import { ACCOUNT_FLOWS_PATCH, ACTIONS_BEFORE_ARTICLES_PATCH, ANSWERED_REPEATS_PATCH, COMMERCE_INTENTS_PATCH, GOODBYE_AFTER_END_PATCH, INJECTION_FLAGS_PATCH, PLAIN_WORDS_PATCH, THREATS_AND_FLOW_FRUSTRATION_PATCH } from './patches';

/** Frustration signals kept for the handoff packet; older ones are dropped. */
const KEPT_SIGNALS = 20;

const COMMERCE_INTENTS: readonly string[] = ['check_invoice', 'get_invoice', 'newsletter_subscription', 'review', 'place_order', 'set_up_shipping_address'];

const ACCOUNT_FLOW_KINDS: ReadonlySet<string> = new Set(['edit_account', 'delete_account', 'recover_password', 'registration_problems']);

const STILL_WAITING_TEXT: MessageKey = 'Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.';

/**
 * One customer message, start to finish: the person who owns the conversation gets it, or the bot
 * checks for frustration and loops, classifies it, and answers through the flow, the help centre,
 * a menu or a handoff.
 */
export async function handleCustomerMessage(ctx: ConversationContext, text: string): Promise<MessageResult> {
  const { state, input } = ctx;
  const seq = ctx.record('customer', text);
  state.lastTurnTier = undefined;
  const start = await startTurn(ctx, seq, text);
  const injectionFlagged = start ? start.injectionFlagged : patched(INJECTION_FLAGS_PATCH) ? await flagInjection(ctx, seq, text) : false;
  // While a person owns the conversation the bot never answers; the person sees the message.
  if (state.status === 'with_agent') return answer(ctx, { replies: [] });
  if (state.status === 'awaiting_agent') return answer(ctx, { replies: [{ text: say(state, STILL_WAITING_TEXT) }] });
  const forLanguage = start ? await answerForLanguage(ctx, seq, start) : undefined;
  if (forLanguage) return forLanguage;
  const rating = state.awaitingRating ? extractRating(text) : undefined;
  if (rating !== undefined) {
    state.awaitingRating = false;
    state.csat = { score: rating, at: ctx.now() };
    ctx.decide({ seq, kind: 'csat', reason: `rated ${rating} of 5` });
    return answer(ctx, { replies: [{ text: say(state, 'Thank you for your feedback!') }] });
  }
  state.awaitingRating = false;
  const wasResolved = state.status === 'resolved';
  if (wasResolved) {
    state.status = 'open';
    ctx.decide({ seq, kind: 'reopened', reason: 'the customer wrote again after the conversation was resolved' });
  }
  const menu = state.flow ? undefined : state.menu;
  state.menu = undefined;
  const unread = readMessage(text, { plainWords: patched(PLAIN_WORDS_PATCH), expecting: menu ? { options: menu, exactOnly: true } : expectingOf(state.flow, state) });
  // The answer to a menu of requests ("change my order": which change?) starts that request.
  const picked = menu && unread.choice?.kind === 'one' ? unread.choice.option : undefined;
  if (picked && isCustomerFlowKind(picked.id)) {
    ctx.decide({ seq, kind: 'dialogue', intent: picked.id, rule: 'menu:chosen' });
    return answer(ctx, await startFlow(picked.id, state, unread));
  }
  if (state.flow && wantsToStop(text)) {
    ctx.decide({ seq, kind: 'dialogue', intent: state.flow.kind, rule: `${state.flow.kind}:dropped` });
    state.flow = undefined;
    return answer(ctx, { replies: [{ text: say(state, 'All right, I have left that. What else can I do for you?') }] });
  }
  // Inside a flow most answers are e-mails, ids or "yes": only the local tiers look for a change of topic.
  const intent: TurnClassification = state.flow
    ? (start?.local ?? (await classifyIntent({ text })))
    : await classifyTurn(input, text, { injectionFlagged, ...(start ? { local: start.local, llmFirst: !isServedLanguage(languageOf(state)) } : {}) });
  const label = intent.tier === 'none' ? undefined : intent.label;
  const reading: Reading = { ...unread, intent: readIntentOf(intent) };
  const inFlow = state.flow !== undefined && !switchesTopic(state.flow.kind, intent);
  // An answer inside a flow is read by the flow itself; only a new request has a classifier tier.
  if (!inFlow) state.lastTurnTier = intent.tier;
  // The flow an intent starts; the commerce intents only in conversations that have their handling
  // (asked where it is needed, so older histories meet the patch where they recorded it).
  const flowKindOf = (intentName: string): CustomerFlowKind | undefined =>
    (COMMERCE_INTENTS.includes(intentName) && !patched(COMMERCE_INTENTS_PATCH)) || (ACCOUNT_FLOW_KINDS.has(intentName) && !patched(ACCOUNT_FLOWS_PATCH))
      ? undefined
      : customerFlowKindForIntent(intentName);
  // A new request and the help centre decide together which answers it; a confident article is an
  // answer, not an unclear turn. Before the patch, questions went to the help centre first.
  const routed = !inFlow && patched(ACTIONS_BEFORE_ARTICLES_PATCH) ? await routeNewRequest(text, label, intent.candidate, flowKindOf, state) : undefined;
  const helpAnswer = routed
    ? routed.article
    : !inFlow && (label === undefined || intentDefinition(label)?.kind === 'information')
      ? await answerQuestion(text, state)
      : undefined;
  const unsureStreak = inFlow || helpAnswer || routed?.flow ? 0 : label === undefined ? (state.unsureStreak ?? 0) + 1 : 0;

  // Frustration and loops are checked on every turn, whatever is being collected.
  const threatsAndFlowFrustration = patched(THREATS_AND_FLOW_FRUSTRATION_PATCH);
  const verdict = assessEscalation({
    text,
    transcript: state.transcript.slice(0, -1),
    decisions: state.decisions,
    intent: label,
    unsureStreak,
    knownTerms: threatsAndFlowFrustration ? knownTermsOf(state, detailTerms(unread.entities)) : knownTermsOf(state, [text]),
    ...(threatsAndFlowFrustration ? {} : { withoutThreatCheck: true }),
    ...(inFlow && state.flow ? { answering: `${state.flow.kind}:${state.flow.step}` } : {}),
    ...(patched(ANSWERED_REPEATS_PATCH) ? {} : { answersCountAsRepeats: true }),
  });
  if (verdict.signals.length) {
    state.frustrationSignals = [...(state.frustrationSignals ?? []), ...verdict.signals.map((s) => ({ ...s, seq }))].slice(-KEPT_SIGNALS);
  }
  if (!inFlow) {
    state.unsureStreak = unsureStreak;
    ctx.decide({
      seq,
      kind: 'reply',
      intent: intent.label,
      tier: intent.tier,
      confidence: intent.confidence,
      rule: intent.rule,
      latencyMicros: Math.round(intent.micros),
      ...(intent.llmFailure ? { reason: `LLM tier failed: ${intent.llmFailure}` } : {}),
    });
  }
  if (verdict.escalate) {
    ctx.decide({ seq, kind: 'handoff_requested', intent: label, reason: verdict.reasons.map((r) => `${r.code}: ${r.detail}`).join('; ') });
    const waiting = await beginHandoff(ctx, seq, verdict.reasons);
    return answer(ctx, { replies: [{ text: `${say(state, handoffOpening(verdict.reasons[0]?.code))} ${waiting}` }], ...(label ? { intent: label } : {}) });
  }

  if (state.flow && inFlow) {
    const step = state.flow.step;
    const kind = state.flow.kind;
    const reply = await continueFlow(state, reading);
    const heard = threatsAndFlowFrustration && label === COMPLAINT_INTENT ? { heard: label } : {};
    ctx.decide({ seq, kind: 'dialogue', intent: kind, rule: `${kind}:${step}`, ...heard });
    // A yes that needs a supervisor is on their list before the customer hears so.
    await registerApproval(ctx);
    return answer(ctx, reply);
  }
  // A new request: whatever was being collected is dropped.
  state.flow = undefined;
  const flowKind = routed ? routed.flow?.kind : label !== undefined ? flowKindOf(label) : undefined;
  if (flowKind) {
    if (routed?.flow?.byCandidate) {
      ctx.decide({ seq, kind: 'dialogue', intent: flowKind, rule: 'help_centre:request_started', reason: `the model's guess ${flowKind} and the help-centre article about it agree` });
    }
    const started = await startFlow(flowKind, state, reading);
    const beside = routed?.flow?.beside ?? [];
    return answer(ctx, beside.length ? { ...started, replies: [...beside, ...started.replies], intent: flowKind } : started);
  }
  if (label === 'place_order' && patched(COMMERCE_INTENTS_PATCH)) {
    // The bot places no orders: someone who wants one placed for them gets a person; everyone else the how-to.
    if (wantsOrderPlacedForThem(text)) {
      const why = 'the customer wants help placing an order';
      ctx.decide({ seq, kind: 'handoff_requested', intent: label, reason: why });
      const waiting = await beginHandoff(ctx, seq, [{ code: 'explicit_request', detail: why }]);
      return answer(ctx, { replies: [{ text: `${say(state, 'Of course, a colleague can help you place it.')} ${waiting}` }], intent: label });
    }
    ctx.decide({ seq, kind: 'dialogue', intent: label, rule: 'place_order:answered' });
    return answer(ctx, { replies: [{ text: firstReplyFor(label, 0).text }], intent: label });
  }
  if (helpAnswer) {
    ctx.decide({ seq, kind: 'dialogue', intent: label ?? 'question', rule: 'help_centre:answered' });
    return answer(ctx, { replies: helpAnswer.replies, ...(label ? { intent: label } : {}) });
  }

  const reply = firstReplyFor(label, unsureStreak, (key, params) => say(state, key, params));
  if (reply.handoff) {
    ctx.decide({ seq, kind: 'handoff_requested', reason: reply.handoff.reason });
    const code = label === 'complaint' ? 'complaint' : label === 'contact_human_agent' ? 'explicit_request' : label === 'payment_issue' ? 'payment_check' : 'unsure_twice';
    const waiting = await beginHandoff(ctx, seq, [{ code, detail: reply.handoff.reason }]);
    return answer(ctx, { replies: [{ text: `${reply.text} ${waiting}` }], ...(label ? { intent: label } : {}) });
  }
  if (reply.menu) {
    state.menu = reply.menu;
    return answer(ctx, { replies: [{ text: reply.text }], ...(label ? { intent: label } : {}), options: reply.menu });
  }
  if (label === 'goodbye' && wasResolved && patched(GOODBYE_AFTER_END_PATCH)) {
    state.status = 'resolved';
    ctx.decide({ seq, kind: 'resolved', reason: 'the customer said goodbye again' });
    return answer(ctx, { replies: [{ text: reply.text }], intent: label });
  }
  if (label === 'goodbye') {
    state.status = 'resolved';
    state.awaitingRating = true;
    ctx.decide({ seq, kind: 'resolved', reason: 'the customer said goodbye' });
    return answer(ctx, { replies: [{ text: `${reply.text} ${say(state, RATING_QUESTION)}` }], intent: label, awaiting: 'rating', options: RATING_OPTIONS });
  }
  return answer(ctx, {
    replies: [{ text: reply.text }],
    ...(label ? { intent: label } : {}),
    ...(reply.awaiting ? { awaiting: reply.awaiting } : {}),
  });
}

/** Runs the detector on the turn and records a flag; true when the turn was flagged. */
async function flagInjection(ctx: ConversationContext, seq: number, text: string): Promise<boolean> {
  const verdict = await detectInjection({ text });
  noteInjectionVerdict(ctx, seq, verdict);
  return verdict.flagged;
}

function readIntentOf(c: TurnClassification): Reading['intent'] {
  return { label: c.label, tier: c.tier, confidence: c.confidence, ...(c.rule ? { rule: c.rule } : {}), ...(c.candidate ? { candidate: c.candidate } : {}) };
}

/** What the customer hears first when the bot hands over, by the strongest reason. */
function handoffOpening(code: HandoffReasonCode | undefined): MessageKey {
  if (code === 'explicit_request') return 'Of course, I will bring in a colleague.';
  if (code === 'legal_threat' || code === 'chargeback_threat') return 'I understand. A colleague will look into this with you personally.';
  if (code === 'profanity' || code === 'insult' || code === 'shouting' || code === 'repeated_complaint' || code === 'negative_trend') {
    return 'I am sorry this has been frustrating. I am bringing in a colleague who can help.';
  }
  return 'I do not seem to be getting this right, so I am bringing in a colleague.';
}

/**
 * Words a customer may legitimately write in capitals: the names of what they are being offered,
 * and the details being asked for (an address or a name is often typed in capitals).
 */
function knownTermsOf(state: CarriedState, details: string[]): string[] {
  const offered = (state.flow?.options ?? []).flatMap((o) => o.label.split(/[^A-Za-z0-9]+/)).filter((w) => w.length > 2);
  const givingDetails = state.flow?.step === 'email' || state.flow?.step === 'address';
  return givingDetails ? [...offered, ...details] : offered;
}

