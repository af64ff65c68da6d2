/** The longest passage a reply quotes from an article. */
export const MAX_PASSAGE_CHARS = 400;

/** Whole sentences up to the limit; a first sentence that is too long is cut at a word, with an ellipsis. */
export function excerpt(text: string, maxChars = MAX_PASSAGE_CHARS): string {
  const clean = text.trim();
  if (clean.length <= maxChars) return clean;
  const sentences = clean.match(/[^.!?]+(?:[.!?]+|$)\s*/g) ?? [clean];
  let taken = '';
  for (const sentence of sentences) {
    if ((taken + sentence).trimEnd().length > maxChars) break;
    taken += sentence;
  }
  if (taken.trim().length > 0) return taken.trim();
  const cut = clean.slice(0, maxChars - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > maxChars / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
