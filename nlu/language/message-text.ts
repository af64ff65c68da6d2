/**
 * The words of a message a language detector should see: order ids, e-mail addresses, links,
 * payment-method ids, numbers and emoji say nothing about the language and mislead detectors
 * ("#W2378156" reads as Polish), so they are taken out first.
 */
const NOT_LANGUAGE = [
  /\bhttps?:\/\/\S+/giu,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu,
  /#?\bW\d{4,}\b/giu,
  /\b[a-z]+(?:_[a-z]+)*_\d+\b/giu,
  /[+]?\d[\d\s()./-]*/gu,
  /\p{Extended_Pictographic}/gu,
];

export function languageText(text: string): string {
  let rest = text;
  for (const pattern of NOT_LANGUAGE) rest = rest.replace(pattern, ' ');
  return rest.replace(/[^\p{L}\p{M}'’\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Words of at least two letters: "a", "y" and stray letters carry no evidence. */
export function wordCount(text: string): number {
  return text.split(' ').filter((w) => /\p{L}.*\p{L}/u.test(w)).length;
}
