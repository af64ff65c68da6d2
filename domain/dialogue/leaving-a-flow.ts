/**
 * When a customer in the middle of an action (being asked for an e-mail, an order, a reason)
 * says something else, the bot should follow them rather than ask the same question again.
 */

import { foldAccents } from '../entities';

const STOP = /^\s*(never\s?mind|forget (it|that|about it)|stop( it)?|leave it|don'?t (bother|worry)|no,? thanks|nothing|cancel that|scratch that)\b/i;

// The same in German, Spanish, French and Portuguese, on accent-folded text. "Egal", "da igual", "peu importe"
// are left out: they also answer a question ("egal welche Farbe").
const STOP_OTHER =
  /^\s*(vergiss es|vergessen sie es|vergiss das|lass (es|gut sein)|lassen sie es|schon gut|nein,? danke|dejalo|dejelo|olvidalo|olvidelo|olvidate|mejor no|no,? gracias|laisse tomber|laissez tomber|oublie( ca)?|oubliez( ca)?|non,? merci|esquece|esqueca|deixa (pra|para) la|deixa estar|nao,? obrigad[oa])(?![\p{L}])/u;

/** The customer drops what is being collected. */
export function wantsToStop(text: string): boolean {
  return STOP.test(text) || STOP_OTHER.test(foldAccents(text));
}

// Small talk inside a flow ("yes thanks", "ok bye") is not a new request.
const NOT_A_NEW_REQUEST = new Set(['greeting', 'thanks', 'goodbye']);

/** A high-precision (keyword-tier) intent other than the flow's own means the customer changed topic. */
export function switchesTopic(flowIntent: string, classified: { tier: string; label: string }): boolean {
  return classified.tier === 'keyword' && classified.label !== flowIntent && !NOT_A_NEW_REQUEST.has(classified.label);
}
