/**
 * Whether a customer turn starts a request, is answered from the help centre, or gets the intent's own
 * answer. A request to do something starts its flow: an article never replaces an action the customer
 * asked for (it may come beside it), and an article about another topic never overrides an intent.
 */

/** The article about carrying out each request the bot can do: asking about it is asking for it. */
export const ACTION_ARTICLES: Readonly<Record<string, string>> = {
  cancel_order: 'cancelling-an-order',
  modify_items: 'changing-items-in-an-order',
  change_shipping_address: 'changing-the-delivery-address',
  modify_payment_method: 'changing-the-payment-method',
  return_items: 'returns',
  exchange_items: 'exchanges',
};

/**
 * The articles that answer each intent. An intent missing here trusts any confident article; one listed
 * here keeps its own answer when the help centre picks an article outside its list.
 */
export const INTENT_ARTICLES: Readonly<Record<string, readonly string[]>> = {
  check_refund_policy: ['refunds', 'returns', 'exchanges'],
  check_cancellation_fee: ['cancelling-an-order'],
  check_payment_methods: ['payment-methods', 'gift-cards', 'changing-the-payment-method'],
  payment_issue: ['payment-problems'],
  delivery_options: ['shipping-and-delivery'],
  delivery_period: ['shipping-and-delivery', 'tracking-your-order'],
  contact_customer_service: ['talking-to-a-person'],
  track_order: ['tracking-your-order', 'order-statuses', 'shipping-and-delivery'],
  track_refund: ['refunds'],
};

/** What the help centre found: its confident article, or that it was not sure. */
export type HelpCentreFinding = { confident: true; articleId: string } | { confident: false };

export type TurnRoute<K extends string> =
  /** Start this request; `withArticle` puts the article's passage before its first question. */
  | { to: 'flow'; flow: K; withArticle: boolean; why: 'intent' | 'candidate_and_article' }
  | { to: 'article' }
  /** The intent's own answer (a clarifying question when there is no intent). */
  | { to: 'intent' };

export interface TurnToRoute {
  /** The confident intent, if the classifier had one. */
  label?: string;
  /** The model's best guess when it was not confident. */
  candidate?: string;
  /** Undefined when the help centre was not asked. */
  found?: HelpCentreFinding;
}

/** Whether the help centre is worth asking for this turn: the flow of a confident request starts whatever it says. */
export function asksHelpCentre(label: string | undefined, kindOf: (label: string) => string | undefined, isFlow: (label: string) => boolean): boolean {
  if (label === undefined) return true;
  return kindOf(label) === 'information' && !isFlow(label);
}

export function routeTurn<K extends string>(turn: TurnToRoute, isFlow: (label: string) => label is K): TurnRoute<K> {
  const { label, candidate, found } = turn;
  if (label !== undefined && isFlow(label)) return { to: 'flow', flow: label, withArticle: false, why: 'intent' };
  const article = found?.confident ? found.articleId : undefined;
  if (label !== undefined) {
    const fits = INTENT_ARTICLES[label];
    return article !== undefined && (fits === undefined || fits.includes(article)) ? { to: 'article' } : { to: 'intent' };
  }
  // Unsure: the model's guess of a request and the help centre's confident article about doing it,
  // found on their own, agree; together they are the customer asking for it ("could I change the colour...").
  if (candidate !== undefined && isFlow(candidate) && article !== undefined && ACTION_ARTICLES[candidate] === article) {
    return { to: 'flow', flow: candidate, withArticle: true, why: 'candidate_and_article' };
  }
  return article !== undefined ? { to: 'article' } : { to: 'intent' };
}
