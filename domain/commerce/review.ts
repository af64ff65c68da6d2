/** A product review as the customer writes it: a rating of 1 to 5, and their words. */
import { render, type MessageKey } from '../messages';

export const MAX_REVIEW_CHARS = 2000;

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

// A rating opens the message ("4", "4/5", "five stars, lovely") or stands alone; other numbers in a
// review ("fits my 2 kids") are not ratings.
// "4 Sterne", "4 estrellas", "4 étoiles", "4 estrelas", "4 von 5", "4 de 5", "4 sur 5", "4 em 5" too.
const OUT_OF = String.raw`\/\s*5|out of (?:5|five)|stars?|points?|sterne?|punkte?|von 5|estrellas?|puntos?|de 5|[ée]toiles?|sur 5|estrelas?|pontos?|em 5`;
const LEADING = new RegExp(
  String.raw`^\s*(?:(?:i(?:'d| would)? (?:give|rate) (?:it|them|this|the \w+)(?: an?)?)\s+)?(?:an?\s+)?([1-5]|one|two|three|four|five)(?!\d|[.,]\d)(?:\s*(?:${OUT_OF}))?(?![\p{L}])\s*[.,:;!-]*\s*`,
  'iu',
);
const STARS = new RegExp(String.raw`(?<![\p{L}\d])([1-5]|one|two|three|four|five)\s*(?:\/\s*5|out of (?:5|five)|stars?|sterne?|von 5|estrellas?|de 5|[ée]toiles?|sur 5|estrelas?|em 5)(?![\p{L}])`, 'iu');

export interface ReviewAnswer {
  rating?: number;
  /** The review text, once the rating (when it opened the message) is taken off. */
  text?: string;
}

export function readReview(message: string): ReviewAnswer {
  const lead = LEADING.exec(message);
  const token = lead?.[1]?.toLowerCase();
  if (lead && token) {
    const rest = message.slice(lead[0].length).trim();
    return { rating: WORDS[token] ?? Number(token), ...(rest ? { text: rest } : {}) };
  }
  const stars = STARS.exec(message)?.[1]?.toLowerCase();
  const text = message.trim();
  return { ...(stars ? { rating: WORDS[stars] ?? Number(stars) } : {}), ...(text ? { text } : {}) };
}

/** Why a review text cannot be stored, as a template the conversation says in the customer's language; undefined when it can. */
export function reviewTextTrouble(text: string): { message: MessageKey; params: { max: string } } | undefined {
  const t = text.trim();
  if (t.length < 2) return { message: 'Please write a few words about it.', params: { max: String(MAX_REVIEW_CHARS) } };
  if (t.length > MAX_REVIEW_CHARS) return { message: 'Please keep the review under {max} characters.', params: { max: String(MAX_REVIEW_CHARS) } };
  return undefined;
}

/** The same in English. */
export function reviewTextProblem(text: string): string | undefined {
  const trouble = reviewTextTrouble(text);
  return trouble && render('en', trouble.message, trouble.params);
}

export const REVIEW_RATINGS = [1, 2, 3, 4, 5] as const;
