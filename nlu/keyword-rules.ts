/**
 * Tier 1 of intent classification: high-precision keyword and pattern rules. A rule fires only on
 * phrasings that leave no doubt; everything else is left to the model. Pure and fast (microseconds).
 */
import type { IntentName } from '../domain/intents';
import { LANGUAGE_RULES, matchLanguageRule } from './keyword-rules-languages';

export interface KeywordMatch {
  label: IntentName;
  rule: string;
}

interface KeywordRule {
  name: string;
  label: IntentName;
  /** Fires when any of these matches the normalised text... */
  match: readonly RegExp[];
  /** ...and none of these does. */
  unless?: readonly RegExp[];
}

// Negations and hedges near the verb make a request not a request ("I don't want to cancel").
const NEGATED = /\b(not|don'?t|do not|doesn'?t|didn'?t|never|no need|no longer|instead of)\b/;
const WHOLE = (body: string) => new RegExp(`^(?:${body})(?:\\s+(?:there|again|everyone|all|guys|team|bot))?[\\s!.,:)]*$`);

/** Another variant of an item: "a different piece count and color for an item", "another size of the shoes". */
const VARIANT_WISH = /\b(a\s+)?(different|another|other)\s+([a-z-]+\s+){1,4}(for|of|on)\s+(something|(an?|one|the|my|some)\s+[a-z-]+)\b/;
/** "change the t-shirt in the one with the lamp", "swap the boots in my order". */
const ITEM_IN_ORDER_CHANGE = /\b(change|swap|switch|exchange)\s+(an?|one|the|my)\s+([a-z-]+\s+){0,3}?[a-z-]+\s+(in|from|of)\s+(my|the|this|an?)\s+(order|one|purchase)\b/;
/** A negation of the cancelling itself ("I don't want to cancel"), not of the reason ("I don't need it"). */
const CANCEL_NEGATED = /\b(not|don'?t|do not|never|no need to|no longer want to)\s+(want to\s+|wish to\s+|need to\s+|going to\s+|to\s+)?cancel/;

const RULES: readonly KeywordRule[] = [
  {
    name: 'greeting',
    label: 'greeting',
    match: [WHOLE('(?:hi+|hello+|hey+|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))(?:[\\s,!]+(?:hi|hello|hey))?')],
  },
  {
    name: 'thanks',
    label: 'thanks',
    match: [
      WHOLE(
        "(?:ok(?:ay)?[\\s,]+)?(?:thanks?|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it)(?:\\s+(?:so much|very much|a lot|a bunch|a million))?(?:[\\s,!.]+(?:that'?s (?:great|perfect|helpful)|great|perfect|awesome))?",
      ),
    ],
  },
  {
    name: 'goodbye',
    label: 'goodbye',
    match: [
      WHOLE(
        "(?:(?:ok(?:ay)?|thanks?|thank you)[\\s,!.]+)?(?:bye(?:[\\s-]?bye)?|goodbye|good bye|see (?:you|ya)(?: later)?|take care|have a (?:nice|good|great) (?:day|evening|one)|that'?s all(?: for (?:now|today))?|that is all|nothing else|no,? that'?s it|that'?s it)(?:[\\s,!.]+(?:thanks?|thank you|bye))?",
      ),
    ],
  },
  {
    name: 'ask-for-human',
    label: 'contact_human_agent',
    match: [
      /\b(talk|speak|chat)\s+(to|with)\s+(a|an|some|the|your)?\s*(real|live|actual|human)?\s*(human|person|agent|representative|rep|somebody|someone|operator)\b/,
      /\b(connect|transfer|put)\s+me\s+(through\s+)?(to|with)\s+(a|an|some|the)?\s*(real|live|actual|human)?\s*(human|person|agent|representative|somebody|someone|operator)\b/,
      /\b(want|need|get me|give me)\s+(a|an)\s+(real\s+|live\s+)?(human|person|agent|representative|operator)\b/,
      /^(a\s+)?(human|real person|live agent|human agent|operator|representative)(\s+please)?[\s!.]*$/,
    ],
    unless: [NEGATED, /\b(spoke|talked|chatted)\b/],
  },
  {
    name: 'cancellation-fee',
    label: 'check_cancellation_fee',
    match: [/\bcancell?ation (fee|charge|cost|penalt)/, /\b(fees?|charges?|penalty|penalties|costs?)\b.{0,20}\bcancel(l?ing)?\b/],
  },
  {
    // Before cancel-order: "cancel the deletion" is about the account, and scored as a cancellation by the model.
    name: 'delete-account',
    label: 'delete_account',
    match: [
      /\b(delete|erase|close|remove|deactivate)\s+(my|our)\s+(whole\s+|entire\s+)?(account|profile)\b/,
      /\b(cancel|stop|undo|call off|withdraw|revoke)\s+(the|my|this|that)?\s*(account\s+)?(deletion|erasure|closure)\b/,
    ],
    unless: [NEGATED, /\b(order|newsletter|subscription)\b/],
  },
  {
    name: 'cancel-order',
    label: 'cancel_order',
    match: [
      /\bcancel(l?ing)?\s+(my|the|this|an|that|our)?\s*(whole\s+|entire\s+|last\s+|recent\s+|latest\s+)?(order|purchase)\b/,
      // "cancel the one with the kettle", "cancel my pending order", "cancel the keyboard order".
      /\bcancel(l?ing)?\s+(my|the|this|that|our)\s+((?!of\b|for\b|to\b|from\b|deletion\b)[a-z-]+\s+){0,3}(order|purchase|one)\b/,
    ],
    unless: [CANCEL_NEGATED, /\b(fees?|charges?|costs?|penalt(y|ies)|refund|policy|cancelled|canceled)\b/],
  },
  {
    name: 'track-order',
    label: 'track_order',
    match: [
      /\bwhere(?:'s| is)\s+my\s+(?:order|package|parcel|delivery|stuff)\b(?!\s*(?:number|id|confirmation|#|no\b))/,
      /\btrack(?:ing)?\s+(?:my|the|an|this)?\s*(?:order|package|parcel|shipment)\b/,
      /\b(?:status|whereabouts)\s+of\s+(?:my|the)\s+(?:order|package|parcel|shipment)\b/,
      /\b(?:any\s+)?(?:update|news)\s+(?:on|about)\s+my\s+(?:order|package|parcel|delivery|shipment)\b/,
      /\bwhere(?:'s| is)\s+the\s+(?:order|one|package|parcel)\s+with\b/,
      /\bhas\s+(?:my|the)\s+(?:order|one|package|parcel)\b.{0,40}\b(?:shipped|arrived|been (?:sent|shipped|delivered)|left)\b/,
      /\b(?:still\s+)?waiting\s+(?:for|on)\s+my\s+(?:order|package|parcel|delivery)\b/,
    ],
    unless: [/\b(refund|return|cancel)/],
  },
  {
    name: 'refund-policy',
    label: 'check_refund_policy',
    match: [/\b(refund|return|money[- ]back)\s+(policy|policies|rules|conditions|terms)\b/],
  },
  {
    name: 'track-refund',
    label: 'track_refund',
    match: [
      /\b(status|progress)\s+of\s+(my|the)\s+refund\b/,
      /\bwhere(?:'s| is)\s+my\s+refund\b/,
      /\btrack\s+(my|the|a)?\s*refund\b/,
      /\b(has|have)\s+(my|the)\s+refund\s+(been\s+)?(processed|issued|sent)\b/,
    ],
  },
  {
    name: 'get-refund',
    label: 'get_refund',
    match: [/\b(want|need|like|get|request|claim|demand)\s+(a\s+|my\s+)?(full\s+)?refund\b/, /\b(want|need|get)\s+my\s+money\s+back\b/],
    // "return the shirt and get my money back" is a return (the refund comes with it).
    unless: [NEGATED, /\b(status|track|where|policy|when|yet|still|how long|cases?|situations?|circumstances|conditions|eligible|entitled|which|what|return|send (it |them )?back)\b/],
  },
  {
    name: 'return-items',
    label: 'return_items',
    match: [
      /\b(i want to|i'd like to|i would like to|i need to|how (do|can) i|can i|could i)\s+(return|send back)\b/,
      /\b(i want to|i'd like to|i would like to|i need to|how (do|can) i|can i|could i)\s+(send|ship|mail)\s+([a-z-]+\s+){0,4}back\b/,
    ],
    unless: [NEGATED, /\b(policy|exchange)\b/],
  },
  {
    name: 'exchange-items',
    label: 'exchange_items',
    match: [/\b(i want to|i'd like to|i would like to|i need to|how (do|can) i|can i|could i)\s+exchange\b(?!\s+rates?)/],
    unless: [NEGATED, /\b(pending|not (yet )?(shipped|arrived|delivered)|hasn'?t (shipped|arrived))\b/],
  },
  {
    // "I'd like a different size for an item I received": another variant of a delivered item is an exchange.
    name: 'exchange-variant',
    label: 'exchange_items',
    match: [VARIANT_WISH, ITEM_IN_ORDER_CHANGE],
    unless: [NEGATED, /\b(pending|not (yet )?(shipped|arrived|delivered)|hasn'?t (shipped|arrived|been delivered)|yet to (ship|arrive))\b/, /^(?!.*\b(delivered|received|arrived|got it|got them|came)\b)/],
  },
  {
    // "a different colour for an item in my order", "change the t-shirt in the one with the lamp": the flow
    // offers the orders it can change, and a delivered order named in it is taken as an exchange.
    name: 'variant-wish',
    label: 'modify_items',
    match: [VARIANT_WISH, ITEM_IN_ORDER_CHANGE],
    unless: [NEGATED, /\b(address|payment|card|refund|return|cancel)\b/],
  },
  {
    // "change the colour of an item in my order": an option of an item, before it ships (after, it is an exchange).
    name: 'modify-items',
    label: 'modify_items',
    match: [
      /\b(change|swap|switch|modify)\s+(the\s+)?([a-z,-]+\s+){1,6}?(of|on|for)\s+(an?|one|the|some|two|three|several|my)\s+(items?|products?)\s+(in|of|from)\s+(my|the|this|an?)\s+(pending\s+)?order\b/,
      /\b(change|swap|switch)\s+(the\s+)?(size|colou?r|model|version|variant|capacity|storage)s?\s+of\s+(an?|one|the|my)\s+(items?|products?)\b/,
      /\b(change|swap|switch|modify)\s+(an?|one|the|some|my)\s+(items?|products?)\s+(in|of|from|on)\s+(my|the|this|an?)\s+(pending\s+)?order\b/,
    ],
    unless: [NEGATED, /\b(delivered|received|arrived|got it|exchange|return|address|payment)\b/],
  },
  {
    name: 'default-address',
    label: 'update_default_address',
    match: [/\b(change|update|edit|set)\b.{0,25}\bdefault\s+(shipping\s+|delivery\s+)?address\b/, /\b(change|update|edit)\b.{0,15}\baddress\s+(on|in)\s+my\s+(account|profile)\b/],
    unless: [NEGATED],
  },
  {
    name: 'shipping-address',
    label: 'change_shipping_address',
    match: [
      /\b(change|update|edit|correct|fix)\b.{0,20}\b(shipping|delivery)\s+address\b/,
      /\b(sent|send|ship(ped)?|deliver(ed)?|go(es)?)\s+to\s+(a\s+)?(another|different|new|other)\s+address\b/,
    ],
    unless: [NEGATED, /\b(default|account|profile)\b/],
  },
  {
    name: 'change-payment-method',
    label: 'modify_payment_method',
    match: [
      /\b(change|switch|update)\b.{0,25}\bpayment method\b.{0,25}\b(order|purchase)\b/,
      /\bpay\s+(for\s+)?(my|the|this)\s+(order|purchase)\s+with\s+(a\s+)?(different|another)\b/,
      // "I want to pay with a different card": a request to pay otherwise, not a report of a failed payment.
      /\b(want|wish|like|need|prefer|can i|could i|may i)\s+(to\s+)?pay\s+(for\s+(it|this|that|my order|the order|this order)\s+)?(with|by|using)\s+(a\s+)?(different|another|other)\s+(card|credit card|debit card|payment method|method)\b/,
    ],
    unless: [NEGATED, /\b(declined|failed|rejected|did ?n[o']t go through|won'?t go through)\b/],
  },
  {
    name: 'payment-methods',
    label: 'check_payment_methods',
    match: [/\b(which|what)\s+(payment\s+(methods|options)|forms\s+of\s+payment|ways\s+(to|of)\s+pay(ing)?|methods\s+of\s+payment)\b/],
  },
  {
    name: 'payment-issue',
    label: 'payment_issue',
    match: [/\b(charged|billed)\s+twice\b/, /\bdouble[- ]charged\b/, /\bpayment\s+(failed|was declined|got declined|keeps failing|did ?n[o']t go through|won'?t go through)\b/],
  },
  {
    name: 'delivery-options',
    label: 'delivery_options',
    match: [/\b(shipping|delivery)\s+(options|methods)\b/],
    unless: [/\b(change|switch|update)\b/],
  },
  {
    name: 'delivery-period',
    label: 'delivery_period',
    match: [/\bhow\s+long\s+(does|will|would)\s+(the\s+)?(delivery|shipping)\s+take\b/],
  },
  {
    name: 'complaint',
    label: 'complaint',
    match: [
      /\b(file|make|lodge|submit|raise|open|register)\s+a\s+(formal\s+)?complaint\b/,
      /\bi\s+(want|would like|need)\s+to\s+complain\b/,
      // Disappointment with the shop itself, not with an item: "I am really disappointed with you".
      /\bi\s*(?:'?m|am)\s+(?:really\s+|very\s+|so\s+|deeply\s+)?disappointed\s+(?:with|in)\s+(?:you|your\s+(?:service|store|shop|company|support))\b/,
    ],
  },
  {
    name: 'customer-service-contact',
    label: 'contact_customer_service',
    match: [
      /\b(customer\s+(service|support|care))\s+(phone|number|hours|e-?mail|address)\b/,
      /\bhow\s+(do|can)\s+i\s+(contact|reach|call|email|e-mail)\s+(customer\s+(service|support|care)|your\s+support)\b/,
    ],
  },
];

export function normaliseForRules(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first rule that fires for the text, if any. `allowed` limits the labels rules may give
 * (a cascade passes its model's labels, so a rule never answers with an intent the deployment lacks).
 */
export function matchKeywordRule(text: string, allowed?: (label: string) => boolean): KeywordMatch | undefined {
  if (text.length > 500) return undefined; // long messages carry more than one request: leave them to the model
  const t = normaliseForRules(text);
  for (const rule of RULES) {
    if (allowed && !allowed(rule.label)) continue;
    if (!rule.match.some((re) => re.test(t))) continue;
    if (rule.unless?.some((re) => re.test(t))) continue;
    return { label: rule.label, rule: rule.name };
  }
  // German, Spanish, French and Portuguese after English, so an English message is decided as before.
  const other = matchLanguageRule(text, allowed);
  return other && { label: other.label, rule: other.name };
}

export const KEYWORD_RULE_NAMES: readonly string[] = [...RULES.map((r) => r.name), ...LANGUAGE_RULES.map((r) => r.name)];
