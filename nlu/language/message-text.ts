/**
 * The words of a message a language detector should see: order ids, e-mail addresses, links,
 * payment-method ids, numbers and emoji say nothing about the language and mislead detectors
 * ("#W2378156" reads as Polish), so they are taken out first.
 */
const NOT_LANGUAGE = [
  // Markup and code ("<img src=x onerror=…>", "alert(1)") are nobody's language: "img src onerror" reads as Catalan.
  /<[^<>]{0,500}>/gu,
  /\S*(?:=|[{}]|\w\([^\s)]*\))\S*/gu,
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

/** Scripts written without spaces between words: a run of them is counted as words of two characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words of at least two letters: "a", "y" and stray letters carry no evidence. Japanese, Chinese or
 * Thai has no spaces, so a whole sentence would be one word; there every two characters count as one.
 */
export function wordCount(text: string): number {
  let words = 0;
  for (const w of text.split(' ')) {
    const unspaced = w.match(UNSPACED)?.length ?? 0;
    if (unspaced >= 2) words += Math.floor(unspaced / 2);
    else if (/\p{L}.*\p{L}/u.test(w)) words++;
  }
  return words;
}
