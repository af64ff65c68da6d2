import { patched } from '@temporalio/workflow';
import type { TurnReading } from '../../activities/classify-intent';
import type { Awaiting, MessageResult } from '../../domain/conversation';
import { nextConversationLanguage, withRuleEvidence } from '../../domain/language/conversation-language';
import { requestedLanguage } from '../../domain/language/language-request';
import { isServedLanguage, type ServedLanguage } from '../../domain/language/languages';
import { passingOnMessage } from '../../domain/language/unserved-language';
import type { MessageKey } from '../../domain/messages';

import { readTurn } from '../activity-proxies';
import type { ConversationContext } from './context';
import { beginHandoff } from './handoff';
import { answer } from './replying';
import { languageOf, say } from './speaking';
import { LANGUAGE_RULE_EVIDENCE_PATCH, LANGUAGE_TURN_PATCH } from './patches';

export interface TurnStart {
  injectionFlagged: boolean;
  local: TurnReading['local'];
  /** The language the customer asked for in this message, if they did. */
  asked?: string;
}

/** Reads the turn and moves the conversation's language; undefined in a run that reads it with separate activities. */
export async function startTurn(ctx: ConversationContext, seq: number, text: string): Promise<TurnStart | undefined> {
  // A local activity only where no patch is first decided after it (see PATCHES_UP_FRONT).
  if (!ctx.patchesUpFront || !patched(LANGUAGE_TURN_PATCH)) return undefined;
  const reading = await readTurn({ text });
  noteInjectionVerdict(ctx, seq, reading.injection);
  const { state } = ctx;
  const before = languageOf(state);
  const guess = reading.local.tier === 'keyword' && patched(LANGUAGE_RULE_EVIDENCE_PATCH) ? withRuleEvidence(reading.language, reading.local.rule) : reading.language;
  const decision = nextConversationLanguage(state.language, text, guess);
  if (decision.language) state.language = decision.language;
  const asked = requestedLanguage(text);
  // Recorded when the bot's language changes: English read in an English conversation is no news.
  if (decision.changed && state.language && languageOf(state) !== before) {
    const how = asked ? 'the customer asked for it' : guess !== reading.language ? `a ${state.language.language} keyword rule (${reading.local.rule}) read the message` : `${reading.language.words} words of the message read as ${state.language.language}`;
    // No rule: a change of language is not a step of a flow (the loop checks count those as progress).
    ctx.decide({ seq, kind: 'dialogue', reason: `language ${state.language.language} (was ${before}): ${how}` });
  }
  return { injectionFlagged: reading.injection.flagged, local: reading.local, ...(asked ? { asked } : {}) };
}

/** A flagged turn is recorded as a decision; it never reaches the LLM tier. */
export function noteInjectionVerdict(ctx: ConversationContext, seq: number, verdict: TurnReading['injection']): void {
  if (!verdict.flagged) return;
  ctx.decide({
    seq,
    kind: 'injection_flagged',
    confidence: verdict.probability,
    reason: `prompt-injection detector: P(injection) ${verdict.probability} ≥ ${verdict.threshold}; the turn is read as data only, without the LLM tier`,
  });
}

const SWITCHED: Record<ServedLanguage, MessageKey> = {
  en: 'Of course, we can continue in English. How can I help you?',
  de: 'Of course, we can continue in German. How can I help you?',
  es: 'Of course, we can continue in Spanish. How can I help you?',
  fr: 'Of course, we can continue in French. How can I help you?',
  pt: 'Of course, we can continue in Portuguese. How can I help you?',
};

const SWITCHED_IN_A_REQUEST: Record<ServedLanguage, MessageKey> = {
  en: 'Of course, we can continue in English.',
  de: 'Of course, we can continue in German.',
  es: 'Of course, we can continue in Spanish.',
  fr: 'Of course, we can continue in French.',
  pt: 'Of course, we can continue in Portuguese.',
};

/** The question an open request waits on, asked again in the new language. */
function questionFor(awaiting: Awaiting, hasOptions: boolean): MessageKey {
  if (awaiting === 'email') return 'What is the e-mail address on your account?';
  if (awaiting === 'name_zip') return 'To make changes I need to verify you first: what are your full name and zip code?';
  if (awaiting === 'confirmation') return 'Shall I go ahead? Please answer yes or no.';
  return hasOptions ? 'Please choose one of these options:' : 'Where were we: please answer my last question, and I will go on from there.';
}

/** Requests that may come with a language request and still leave nothing else to answer. */
const NOTHING_ELSE = new Set(['greeting', 'thanks']);

/**
 * What the bot answers for the language alone, before anything else reads the turn: the customer
 * asked for a language it speaks (and nothing more), or writes one it cannot serve without an LLM.
 */
export async function answerForLanguage(ctx: ConversationContext, seq: number, start: TurnStart): Promise<MessageResult | undefined> {
  const { state, input } = ctx;
  const language = languageOf(state);
  if (!isServedLanguage(language) && !input.llmEnabled) {
    const passing = passingOnMessage(language);
    if (passing.language !== 'en') (state.spoken ??= []).push({ text: passing.text, english: passingOnMessage('en').text });
    const detail = `the customer writes ${englishNameOf(language)} (${language}), which the bot cannot answer in without an LLM`;
    ctx.decide({ seq, kind: 'handoff_requested', reason: detail });
    // Only the one message in their language: the usual waiting words would be English.
    await beginHandoff(ctx, seq, [{ code: 'language', detail }]);
    return answer(ctx, { replies: [{ text: passing.text }], language: passing.language });
  }
  const asked = start.asked;
  if (asked && isServedLanguage(asked) && asked === language && (start.local.tier === 'none' || NOTHING_ELSE.has(start.local.label))) {
    // In the middle of a request the customer is not left wondering what comes next: its question again.
    const waiting = state.flow ? state.waitingFor : undefined;
    if (waiting) {
      const text = `${say(state, SWITCHED_IN_A_REQUEST[asked])} ${say(state, questionFor(waiting.awaiting, Boolean(waiting.options?.length)))}`;
      return answer(ctx, { replies: [{ text }], awaiting: waiting.awaiting, ...(waiting.options ? { options: waiting.options } : {}), intent: state.flow?.kind });
    }
    return answer(ctx, { replies: [{ text: say(state, SWITCHED[asked]) }] });
  }
  return undefined;
}

function englishNameOf(language: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
