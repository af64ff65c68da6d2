import type { ReplyOption } from '../conversation';
import { chooseOption } from '../dialogue/choose-option';
import { chooseOptions } from '../dialogue/choose-options';
import { extractEntities, type Entities } from '../entities';
import type { CancelReason } from '../policy';
import { resolveChoice, resolveChoices, type ChoiceHints, type Resolution } from './descriptions';
import { readCancelReason } from './reasons';
import { invoiceDeliveryIn } from '../commerce/invoice';
import { subscriptionChoice, type SubscriptionChoice } from '../commerce/newsletter';
import { readReview, type ReviewAnswer } from '../commerce/review';

/** How the intent of a message was told (the cascade's tiers, as the workflow records them). */
export interface ReadIntent {
  label: string;
  tier: 'keyword' | 'model' | 'llm' | 'none';
  confidence: number;
  rule?: string;
  candidate?: string;
}

/** What the bot is waiting for: the options its last question offered, and what else the customer may name instead. */
export interface Expecting {
  options: readonly ReplyOption[];
  hints?: ChoiceHints;
  /** Named instead of a plain answer: another variant, or another reason, at a confirmation ("no, the blue one"). */
  alternatives?: { options: readonly ReplyOption[]; hints?: ChoiceHints };
  /**
   * Only an option's id, label or position counts, not a description: a menu of requests, where a
   * question that shares a word with an entry ("what is your refund policy?") is a new question.
   */
  exactOnly?: boolean;
}

/** Several options picked at once, or the part of the answer that did not pick exactly one. */
export type SeveralChosen = { kind: 'all'; options: ReplyOption[] } | { kind: 'unclear'; part: Resolution };

/**
 * One customer message, read once per turn: its intent, its entities, and its answer resolved against
 * what the bot is waiting for. Flows and their steps take what they need from here and never parse
 * the raw text themselves.
 */
export interface Reading {
  /** The customer's words, as sent (for the transcript and for free-text slots). */
  text: string;
  intent?: ReadIntent;
  entities: Entities;
  /**
   * Descriptions in plain words resolve against what the bot offered ("the blue one", "my Mastercard").
   * False only while replaying a conversation recorded before plain-words reading existed, which must
   * take exactly the decisions it took then.
   */
  plainWords: boolean;
  /** The one offered option the message picks, or why it picks none (absent when nothing was offered). */
  choice?: Resolution;
  /** The offered options the message picks when it may name several ("the chair and the tablet"). */
  choices?: SeveralChosen;
  /** An alternative named instead of a plain answer. */
  alternative?: ReplyOption;
  /** A cancellation reason in the customer's own words ("I don't need it anymore"). */
  cancelReason?: CancelReason;
  /** Joining or leaving the newsletter, in the customer's words ("stop sending me the newsletter"). */
  subscription?: SubscriptionChoice;
  /** A review's rating and words ("4 stars, runs small"). */
  review: ReviewAnswer;
  /** The invoice by e-mail or as a link, in the customer's words. */
  invoiceDelivery?: 'email' | 'link';
}

export function readMessage(text: string, options: { intent?: ReadIntent; plainWords: boolean; expecting?: Expecting }): Reading {
  const { plainWords, expecting } = options;
  const subscription = subscriptionChoice(text);
  const invoiceDelivery = invoiceDeliveryIn(text);
  const reading: Reading = {
    text,
    entities: extractEntities(text),
    plainWords,
    review: readReview(text),
    ...(options.intent ? { intent: options.intent } : {}),
    ...(subscription ? { subscription } : {}),
    ...(invoiceDelivery ? { invoiceDelivery } : {}),
  };
  if (plainWords) {
    const reason = readCancelReason(text);
    if (reason) reading.cancelReason = reason;
  }
  if (!expecting) return reading;
  const described = plainWords && !expecting.exactOnly;
  reading.choice = described ? resolveChoice(text, expecting.options, expecting.hints) : legacyChoice(text, expecting.options);
  reading.choices = described ? resolveChoices(text, expecting.options) : legacyChoices(text, expecting.options);
  const alternative = expecting.alternatives && reading.entities.yesNo !== 'yes' ? alternativeIn(text, expecting.alternatives, plainWords) : undefined;
  if (alternative) reading.alternative = alternative;
  return reading;
}

/** "No, the blue one" or "actually, I ordered it by mistake": the words after the correction name another option. */
function alternativeIn(text: string, alternatives: NonNullable<Expecting['alternatives']>, plainWords: boolean): ReplyOption | undefined {
  const rest = text.replace(/^\s*((no|nope|actually|sorry|wait|i meant|i mean)\b[\s,.!-]*)+/i, '');
  if (!rest.trim()) return undefined; // a plain "no" declines
  if (!plainWords) return chooseOption(rest, alternatives.options);
  const resolved = resolveChoice(rest, alternatives.options, alternatives.hints);
  return resolved.kind === 'one' ? resolved.option : undefined;
}

function legacyChoice(text: string, options: readonly ReplyOption[]): Resolution {
  const option = chooseOption(text, options);
  return option ? { kind: 'one', option } : { kind: 'none', described: false };
}

function legacyChoices(text: string, options: readonly ReplyOption[]): SeveralChosen {
  const one = chooseOption(text, options);
  const several = chooseOptions(text, options) ?? (one ? [one] : undefined);
  return several ? { kind: 'all', options: several } : { kind: 'unclear', part: { kind: 'none', described: false } };
}
