import type { OrderFlow, ReplyOption } from '../../../../domain/conversation';
import { chooseOption } from '../../../../domain/dialogue/choose-option';
import { chooseOptions } from '../../../../domain/dialogue/choose-options';
import { resolveChoice, resolveChoices, type ChoiceHints, type Resolution } from '../../../../domain/understanding/descriptions';
import type { Reading } from '../../../../domain/understanding/reading';
import { ask, type FlowReply } from '../replies';

/** One option picked, or the question that asks again: about exactly the fits, or about all when none fits. */
export type Picked<T> = { picked: T; reply?: never } | { picked?: never; reply: FlowReply };

interface Question {
  awaiting: FlowReply['awaiting'];
  /** Asked when the answer names nothing the bot offered. */
  again: string;
  /** What the options are, for "none of the … fits" ("orders", "items", "payment methods"). */
  what: string;
}

/** Which one offered option the reading means, described in plain words or by id, label or position. */
export function pickOne(flow: OrderFlow, reading: Reading, options: readonly ReplyOption[], question: Question, hints: ChoiceHints = {}): Picked<ReplyOption> {
  const resolution = resolve(reading, options, hints);
  if (resolution.kind === 'one') return { picked: resolution.option };
  return { reply: askAgain(flow, resolution, options, question) };
}

/** Several offered options in one answer ("the office chair and the tablet", "all of them"). */
export function pickSeveral(flow: OrderFlow, reading: Reading, options: readonly ReplyOption[], question: Question): Picked<ReplyOption[]> {
  if (!reading.plainWords) {
    const one = chooseOption(reading.text, options);
    const several = chooseOptions(reading.text, options) ?? (one ? [one] : undefined);
    return several ? { picked: several } : { reply: ask(flow, question.again, question.awaiting, [...options]) };
  }
  const resolution = resolveChoices(reading.text, options);
  if (resolution.kind === 'all') return { picked: resolution.options };
  return { reply: askAgain(flow, resolution.part, options, question) };
}

function resolve(reading: Reading, options: readonly ReplyOption[], hints: ChoiceHints): Resolution {
  if (reading.plainWords) return resolveChoice(reading.text, options, hints);
  const legacy = chooseOption(reading.text, options);
  return legacy ? { kind: 'one', option: legacy } : { kind: 'none', described: false };
}

function askAgain(flow: OrderFlow, resolution: Resolution, options: readonly ReplyOption[], question: Question): FlowReply {
  if (resolution.kind === 'several') {
    return ask(flow, `More than one fits that. Which one do you mean: ${resolution.options.map((o) => o.label).join(', or ')}?`, question.awaiting, resolution.options);
  }
  if (resolution.kind === 'none' && resolution.described) {
    return ask(flow, `None of the ${question.what} I can offer here fits that description. These are the ones there are:`, question.awaiting, [...options]);
  }
  return ask(flow, question.again, question.awaiting, [...options]);
}
