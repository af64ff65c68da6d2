/** A customer's answer to "how would you rate this conversation, 1 to 5": the score, or undefined. */

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

// The whole answer must be the rating ("4", "4/5", "five stars", "I'd give it a 3 out of 5"):
// a number inside a longer request ("I have 2 more questions") is not a rating.
const RATING = /^\s*(?:(?:i(?:'d| would)? (?:give|rate) (?:it|you|this)(?: an?)?)\s+)?(?:an?\s+)?([1-5]|one|two|three|four|five)(?:\s*(?:\/\s*5|out of (?:5|five)|stars?|points?))?\s*[.!]*\s*$/i;

export function extractRating(text: string): number | undefined {
  const match = RATING.exec(text);
  const token = match?.[1]?.toLowerCase();
  if (!token) return undefined;
  return WORDS[token] ?? Number(token);
}

export const RATING_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: String(n) }));
