/**
 * When a customer in the middle of an action (being asked for an e-mail, an order, a reason)
 * says something else, the bot should follow them rather than ask the same question again.
 */

const STOP = /^\s*(never\s?mind|forget (it|that|about it)|stop( it)?|leave it|don'?t (bother|worry)|no,? thanks|nothing|cancel that|scratch that)\b/i;

/** The customer drops what is being collected. */
export function wantsToStop(text: string): boolean {
  return STOP.test(text);
}

// Small talk inside a flow ("yes thanks", "ok bye") is not a new request.
const NOT_A_NEW_REQUEST = new Set(['greeting', 'thanks', 'goodbye']);

/** A high-precision (keyword-tier) intent other than the flow's own means the customer changed topic. */
export function switchesTopic(flowIntent: string, classified: { tier: string; label: string }): boolean {
  return classified.tier === 'keyword' && classified.label !== flowIntent && !NOT_A_NEW_REQUEST.has(classified.label);
}
