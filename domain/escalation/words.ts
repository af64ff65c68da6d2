/** Word splitting shared by the checks: positions for "aimed at whom", clauses so a comma ends the aim. */

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Words in the same clause share a number; punctuation (, . ; : ! ? brackets, new line) starts a new one. */
  clause: number;
}

const WORD = /#?[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const CLAUSE_BREAK = /[,.;:!?()\n]/;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let clause = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const raw = match[0].replace(/['’-]+$/, '');
    if (CLAUSE_BREAK.test(text.slice(previousEnd, start))) clause++;
    words.push({ text: raw, lower: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, clause });
    previousEnd = start + match[0].length;
  }
  return words;
}

/** Lower case, punctuation gone, single spaces: two messages that differ only in those compare equal. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
