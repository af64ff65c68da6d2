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
  const sentences = core
    .split(/(?<=[.!?])\s+|\s*\n+\s*/)
    .map((s) => withoutPleasantries(s))
    .filter((s) => s.split(/\s+/).length >= 2);
  const parts = [core, ...(sentences.length > 1 ? sentences : [])].filter((p) => p !== '' && p !== text.trim());
  return [...new Set(parts)];
}
