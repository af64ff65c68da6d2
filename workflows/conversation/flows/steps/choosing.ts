import type { CarriedState, OrderFlow, ReplyOption } from '../../../../domain/conversation';
import { localeOf, type MessageKey } from '../../../../domain/messages';
import type { Resolution } from '../../../../domain/understanding/descriptions';
import { readMessage, type Reading } from '../../../../domain/understanding/reading';
import { ask, type FlowReply } from '../replies';
import { languageOf, say } from '../../speaking';

/** One option picked, or the question that asks again: about exactly the fits, or about all when none fits. */
export type Picked<T> = { picked: T; reply?: never } | { picked?: never; reply: FlowReply };

interface Question {
  awaiting: FlowReply['awaiting'];
  /** Asked when the answer names nothing the bot offered, already in the conversation's language. */
  again: string;
  /** What the options are, for "none of the … fits". */
  what: OptionsOf;
  /** The conversation, for the language the bot asks again in (English without it). */
  state?: Pick<CarriedState, 'language' | 'spoken'>;
}

type OptionsOf = 'orders' | 'items' | 'payment methods' | 'options';

/** One whole sentence per kind of option, so each language can say it in its own word order. */
const NONE_FITS: Record<OptionsOf, MessageKey> = {
  orders: 'None of the orders I can offer here fits that description. These are the ones there are:',
  items: 'None of the items I can offer here fits that description. These are the ones there are:',
  'payment methods': 'None of the payment methods I can offer here fits that description. These are the ones there are:',
  options: 'None of the options I can offer here fits that description. These are the ones there are:',
};

/** The one offered option the reading picked; `options` are the ones to offer again when it picked none. */
export function pickOne(flow: OrderFlow, reading: Reading, options: readonly ReplyOption[], question: Question): Picked<ReplyOption> {
  const choice = reading.choice ?? { kind: 'none', described: false };
  if (choice.kind === 'one') return { picked: choice.option };
  return { reply: askAgain(flow, choice, options, question) };
}

/**
 * The items the opening message already named ("I'd like to return the vacuum cleaner"), read against
 * the order's items once they are known; the opening is then used up.
 */
export function itemsNamedAtOpening(flow: OrderFlow, items: readonly ReplyOption[]): ReplyOption[] | undefined {
  const opening = flow.openingWords;
  flow.openingWords = undefined;
  if (opening === undefined) return undefined;
  // "from my order with the water bottle" describes the order, not the items to change.
  const aboutItems = opening.replace(/\b(?:order|one|purchase|package)\s+(?:with|that has|that had|containing|which has)\s+[^,.;!?—–]*/gi, ' ');
  const named = readMessage(aboutItems, { plainWords: true, expecting: { options: items } }).choices;
  return named?.kind === 'all' ? named.options : undefined;
}

/** The id the reading picked among `options` (the ones the last question offered), if it picked one of them. */
export function chosenAmong(reading: Reading, options: readonly ReplyOption[]): string | undefined {
  const choice = reading.choice;
  return choice?.kind === 'one' && options.some((o) => o.id === choice.option.id) ? choice.option.id : undefined;
}

/** The offered options the reading picked when several may be named ("the office chair and the tablet", "all of them"). */
export function pickSeveral(flow: OrderFlow, reading: Reading, options: readonly ReplyOption[], question: Question): Picked<ReplyOption[]> {
  const choices = reading.choices ?? { kind: 'unclear', part: { kind: 'none', described: false } };
  if (choices.kind === 'all') return { picked: choices.options };
  return { reply: askAgain(flow, choices.part, options, question) };
}

function askAgain(flow: OrderFlow, resolution: Resolution, options: readonly ReplyOption[], question: Question): FlowReply {
  const state = question.state ?? {};
  if (resolution.kind === 'several') {
    const labels = eitherOf(resolution.options.map((o) => o.label), languageOf(state));
    return ask(flow, say(state, 'More than one fits that. Which one do you mean: {options}?', { options: labels }), question.awaiting, resolution.options);
  }
  if (resolution.kind === 'none' && resolution.described) {
    return ask(flow, say(state, NONE_FITS[question.what]), question.awaiting, [...options]);
  }
  return ask(flow, question.again, question.awaiting, [...options]);
}

/** "A, or B, or C" as English has always asked it; other languages list the alternatives their own way ("A, B oder C"). */
function eitherOf(labels: string[], language: string): string {
  if (language === 'en') return labels.join(', or ');
  return new Intl.ListFormat(localeOf(language), { style: 'long', type: 'disjunction' }).format(labels);
}
