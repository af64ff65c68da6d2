import type { CarriedState, MessageResult } from '../../domain/conversation';
import type { HandoffReasonCode } from '../../domain/escalation';
import { chooseOption } from '../../domain/dialogue/choose-option';
import { switchesTopic, wantsToStop } from '../../domain/dialogue/leaving-a-flow';
import { extractRating, RATING_OPTIONS } from '../../domain/dialogue/rating';
import { assessEscalation } from '../../domain/escalation';
import { firstReplyFor } from '../../domain/first-replies';
import { intentDefinition } from '../../domain/intents';
import { registerApproval } from './approvals';
import { classifyIntent } from '../activity-proxies';
import { classifyTurn, type TurnClassification } from './classify-turn';
import type { ConversationContext } from './context';
import { beginHandoff, RATING_QUESTION } from './handoff';
import { answerQuestion } from './knowledge';
import { continueFlow, isCustomerFlowKind, startFlow } from './flows';
import { answer } from './replying';
import { readMessage, type Reading } from '../../domain/understanding/reading';
import { patched } from '@temporalio/workflow';

/** Frustration signals kept for the handoff packet; older ones are dropped. */
const KEPT_SIGNALS = 20;

/**
 * Messages are read once per turn into a `Reading`, and descriptions in plain words resolve against
 * what the bot offered. Conversations recorded before that replay with the older matching.
 */
export const PLAIN_WORDS_PATCH = 'plain-words-reading';

/**
 * The account requests start flows of their own; before, they got a first reply and the next message
 * was read afresh. A conversation recorded then replays that way.
 */
export const ACCOUNT_FLOWS_PATCH = 'account-flows';
const ACCOUNT_FLOW_KINDS: ReadonlySet<string> = new Set(['edit_account', 'delete_account', 'recover_password', 'registration_problems']);
const flowStarts = (label: string): boolean => !ACCOUNT_FLOW_KINDS.has(label) || patched(ACCOUNT_FLOWS_PATCH);

const STILL_WAITING_TEXT = 'Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.';

/**
 * One customer message, start to finish: the person who owns the conversation gets it, or the bot
 * checks for frustration and loops, classifies it, and answers through the flow, the help centre,
 * a menu or a handoff.
 */
export async function handleCustomerMessage(ctx: ConversationContext, text: string): Promise<MessageResult> {
  const { state, input } = ctx;
  const seq = ctx.record('customer', text);
  // While a person owns the conversation the bot never answers; the person sees the message.
  if (state.status === 'with_agent') return answer(ctx, { replies: [] });
  if (state.status === 'awaiting_agent') return answer(ctx, { replies: [{ text: STILL_WAITING_TEXT }] });
  const rating = state.awaitingRating ? extractRating(text) : undefined;
  if (rating !== undefined) {
    state.awaitingRating = false;
    state.csat = { score: rating, at: ctx.now() };
    ctx.decide({ seq, kind: 'csat', reason: `rated ${rating} of 5` });
    return answer(ctx, { replies: [{ text: 'Thank you for your feedback!' }] });
  }
  state.awaitingRating = false;
  if (state.status === 'resolved') {
    state.status = 'open';
    ctx.decide({ seq, kind: 'reopened', reason: 'the customer wrote again after the conversation was resolved' });
  }
  const unread = readMessage(text, { plainWords: patched(PLAIN_WORDS_PATCH) });
  // The answer to a menu of requests ("change my order": which change?) starts that request.
  const menu = state.menu;
  state.menu = undefined;
  const picked = menu && !state.flow ? chooseOption(text, menu) : undefined;
  if (picked && isCustomerFlowKind(picked.id)) {
    ctx.decide({ seq, kind: 'dialogue', intent: picked.id, rule: 'menu:chosen' });
    return answer(ctx, await startFlow(picked.id, state, unread));
  }
  if (state.flow && wantsToStop(text)) {
    ctx.decide({ seq, kind: 'dialogue', intent: state.flow.kind, rule: `${state.flow.kind}:dropped` });
    state.flow = undefined;
    return answer(ctx, { replies: [{ text: 'All right, I have left that. What else can I do for you?' }] });
  }
  // Inside a flow most answers are e-mails, ids or "yes": only the local tiers look for a change of topic.
  const intent: TurnClassification = state.flow ? await classifyIntent({ text }) : await classifyTurn(input, text);
  const label = intent.tier === 'none' ? undefined : intent.label;
  const reading: Reading = { ...unread, intent: readIntentOf(intent) };
  const inFlow = state.flow !== undefined && !switchesTopic(state.flow.kind, intent);
  // Questions, and anything the classifier could not place, go to the help centre first:
  // a confident article is an answer, not an unclear turn.
  const helpAnswer = !inFlow && (label === undefined || intentDefinition(label)?.kind === 'information') ? await answerQuestion(text) : undefined;
  const unsureStreak = inFlow || helpAnswer ? 0 : label === undefined ? (state.unsureStreak ?? 0) + 1 : 0;

  // Frustration and loops are checked on every turn, whatever is being collected.
  const verdict = assessEscalation({
    text,
    transcript: state.transcript.slice(0, -1),
    decisions: state.decisions,
    intent: label,
    unsureStreak,
    knownTerms: knownTermsOf(state, text),
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
    return answer(ctx, { replies: [{ text: `${handoffOpening(verdict.reasons[0]?.code)} ${waiting}` }], ...(label ? { intent: label } : {}) });
  }

  if (state.flow && inFlow) {
    const step = state.flow.step;
    const kind = state.flow.kind;
    const reply = await continueFlow(state, reading);
    ctx.decide({ seq, kind: 'dialogue', intent: kind, rule: `${kind}:${step}` });
    // A yes that needs a supervisor is on their list before the customer hears so.
    await registerApproval(ctx);
    return answer(ctx, reply);
  }
  // A new request: whatever was being collected is dropped.
  state.flow = undefined;
  if (label !== undefined && isCustomerFlowKind(label) && flowStarts(label)) return answer(ctx, await startFlow(label, state, reading));
  if (helpAnswer) {
    ctx.decide({ seq, kind: 'dialogue', intent: label ?? 'question', rule: 'help_centre:answered' });
    return answer(ctx, { replies: helpAnswer.replies, ...(label ? { intent: label } : {}) });
  }

  const reply = firstReplyFor(label, unsureStreak);
  if (reply.handoff) {
    ctx.decide({ seq, kind: 'handoff_requested', reason: reply.handoff.reason });
    const code = label === 'complaint' ? 'complaint' : label === 'contact_human_agent' ? 'explicit_request' : 'unsure_twice';
    const waiting = await beginHandoff(ctx, seq, [{ code, detail: reply.handoff.reason }]);
    return answer(ctx, { replies: [{ text: `${reply.text} ${waiting}` }], ...(label ? { intent: label } : {}) });
  }
  if (reply.menu) {
    state.menu = reply.menu;
    return answer(ctx, { replies: [{ text: reply.text }], ...(label ? { intent: label } : {}), options: reply.menu });
  }
  if (label === 'goodbye') {
    state.status = 'resolved';
    state.awaitingRating = true;
    ctx.decide({ seq, kind: 'resolved', reason: 'the customer said goodbye' });
    return answer(ctx, { replies: [{ text: `${reply.text} ${RATING_QUESTION}` }], intent: label, awaiting: 'rating', options: RATING_OPTIONS });
  }
  return answer(ctx, {
    replies: [{ text: reply.text }],
    ...(label ? { intent: label } : {}),
    ...(reply.awaiting ? { awaiting: reply.awaiting } : {}),
  });
}

function readIntentOf(c: TurnClassification): Reading['intent'] {
  return { label: c.label, tier: c.tier, confidence: c.confidence, ...(c.rule ? { rule: c.rule } : {}), ...(c.candidate ? { candidate: c.candidate } : {}) };
}

/** What the customer hears first when the bot hands over, by the strongest reason. */
function handoffOpening(code: HandoffReasonCode | undefined): string {
  if (code === 'explicit_request') return 'Of course, I will bring in a colleague.';
  if (code === 'profanity' || code === 'insult' || code === 'shouting' || code === 'repeated_complaint' || code === 'negative_trend') {
    return 'I am sorry this has been frustrating. I am bringing in a colleague who can help.';
  }
  return 'I do not seem to be getting this right, so I am bringing in a colleague.';
}

/**
 * Words a customer may legitimately write in capitals: the names of what they are being offered,
 * and the details being asked for (an address or a name is often typed in capitals).
 */
function knownTermsOf(state: CarriedState, text: string): string[] {
  const offered = (state.flow?.options ?? []).flatMap((o) => o.label.split(/[^A-Za-z0-9]+/)).filter((w) => w.length > 2);
  const givingDetails = state.flow?.step === 'email' || state.flow?.step === 'address';
  return givingDetails ? [...offered, text] : offered;
}

