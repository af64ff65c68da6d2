// A request as customers wrap it: a greeting before, thanks after, a sentence of context around it.
// Pure (no I/O): the cascade reads the parts when the whole message is not decided on its own.

const OPENING =
  /^\s*(?:(?:hi+|hello+|hey+|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|dear (?:team|support|sir or madam|all))(?:\s+(?:there|team|all|everyone|guys|folks|support))?(?:[\s,.!:;-]+|$)|(?:i )?hope (?:you are|you're|all is|everything is) (?:well|good|fine|ok|doing well)[\s,.!;-]*|how are you(?: doing)?(?: today)?[\s,.!?;-]*)/i;
const CLOSING =
  /[\s,.!;-]*(?:(?:ok(?:ay)?|many|thanks?|thank you|thx|ty|cheers|kind regards|best regards|regards|best|much appreciated|appreciate it)(?:\s+(?:so much|very much|a lot|a bunch|in advance|for (?:your|the) help|for helping|again))?|have a (?:nice|good|great) day)[\s!.]*$/i;

/** The message without greetings before and thanks after the request ('' when nothing else is left). */
export function withoutPleasantries(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const next = t.replace(OPENING, '');
    if (next === t) break;
    t = next;
  }
  for (let i = 0; i < 3; i++) {
    const next = t.replace(CLOSING, '');
    if (next === t) break;
    t = next;
  }
  return t.trim();
}

/**
 * What the cascade may read on its own when the whole message is not decided: the message without its
 * pleasantries, then each of its sentences (of two words or more). Empty when there is nothing else to read.
 */
export function requestParts(text: string): string[] {
  if (text.length > 500) return [];
  const core = withoutPleasantries(text);
  // Sentences, and the clauses a dash or semicolon sets apart ("I'm Noah Brown, 80279 — please cancel it").
  const sentences = core
    .split(/(?<=[.!?])\s+|\s*\n+\s*|\s+[—–-]+\s+|\s*[—–;]\s*/)
    .map((s) => withoutPleasantries(s))
    .filter((s) => s.split(/\s+/).length >= 2);
  // Who the customer is and which order tell nothing of the request: read without them too.
  const bare = withoutDetails(core);
  const parts = [core, ...(bare !== core ? [bare] : []), ...(sentences.length > 1 ? sentences : [])].filter((p) => p !== '' && p !== text.trim());
  return [...new Set(parts)];
}

const DETAILS = [
  /\b(?:my )?e-?mail(?: address)? is\s+\S+@\S+|\S+@\S+\.\w+/gi,
  /\b(?:this is|i'?m|i am|my name is)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:\s+here)?/g,
  /\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\s+here\b/g,
  /\b(?:and )?(?:my )?(?:zip|postcode|postal code)(?: code)?(?: is)?\s*:?\s*\d{5}\b/gi,
];

/** The message without the customer's e-mail, name and zip code, and with order ids as "the order". */
export function withoutDetails(text: string): string {
  let t = text;
  for (const re of DETAILS) t = t.replace(re, ' ');
  t = t.replace(/#?\b[Ww]\d{7}\b/g, 'the order');
  return t.replace(/\s*,(\s*,)+/g, ',').replace(/^[\s,.;:—–-]+/, '').replace(/\s{2,}/g, ' ').trim();
}
