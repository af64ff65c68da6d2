/** A customer's answer to "how would you rate this conversation, 1 to 5": the score, or undefined. */
import { foldAccents } from '../entities';

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

// The whole answer must be the rating ("4", "4/5", "five stars", "I'd give it a 3 out of 5"):
// a number inside a longer request ("I have 2 more questions") is not a rating.
const RATING = /^\s*(?:(?:i(?:'d| would)? (?:give|rate) (?:it|you|this)(?: an?)?)\s+)?(?:an?\s+)?([1-5]|one|two|three|four|five)(?:\s*(?:\/\s*5|out of (?:5|five)|stars?|points?))?\s*[.!]*\s*$/i;

// The same answer in German, Spanish, French and Portuguese, on accent-folded text ("vier Sterne",
// "cinco estrellas", "je donne 4 sur 5", "dou-lhe um 5").
const WORDS_OTHER: Record<string, number> = {
  eins: 1, zwei: 2, drei: 3, vier: 4, funf: 5,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5,
  um: 1, uma: 1, dois: 2, duas: 2, quatro: 4,
};
const RATING_OTHER = new RegExp(
  `^\\s*(?:(?:ich gebe(?: (?:ihnen|euch|dir|dem gesprach))?|ich vergebe|(?:le |les )?doy|(?:je (?:vous )?(?:donne|mets))|(?:eu )?dou(?:-lhe)?)\\s+)?(?:(?:eine|ein|un|una|une|um|uma)\\s+)?([1-5]|${Object.keys(WORDS_OTHER).join('|')})(?:\\s*(?:\\/\\s*5|(?:von|de|sur|em) (?:5|funf|cinco|cinq)|sterne?|stern|estrellas?|etoiles?|estrelas?|punkte?|puntos?|points?|pontos?))?\\s*[.!]*\\s*$`,
);

export function extractRating(text: string): number | undefined {
  const match = RATING.exec(text);
  const token = match?.[1]?.toLowerCase();
  if (token) return WORDS[token] ?? Number(token);
  const other = RATING_OTHER.exec(foldAccents(text))?.[1];
  if (!other) return undefined;
  return WORDS_OTHER[other] ?? Number(other);
}

export const RATING_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: String(n) }));
