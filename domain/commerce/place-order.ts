import type { MessageKey } from '../messages';

/**
 * "How do I order?" is answered from the help centre; a customer who wants someone to place the
 * order for them ("can you order it for me") needs a person, because the bot places no orders.
 */
const FOR_ME = [
  /\b(order|buy|purchase|get)\b[^.?!]*\bfor me\b/,
  /\b(place|make|put in|put through|do)\b[^.?!]*\border\b[^.?!]*\bfor me\b/,
  /\bcan (you|someone|somebody|anyone|a person|an agent)\b[^.?!]*\b(place|make|put in|put through|take)\b[^.?!]*\border\b/,
  /\b(help|assist) me\b[^.?!]*\b(place|make|put in|complete|finish|with)\b[^.?!]*\border\b/,
  /\b(help|assistance) (placing|making|completing|with placing|with making|with my|with an|with the)\b[^.?!]*\border/,
  /\b(can'?t|cannot|unable to|not able to|won'?t let me)\b[^.?!]*\b(place|complete|finish|check ?out|submit)\b/,
  /\border by (phone|telephone)\b/,
];

export function wantsOrderPlacedForThem(text: string): boolean {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return FOR_ME.some((re) => re.test(t));
}

export const PLACE_ORDER_ARTICLE = { articleId: 'placing-an-order', title: 'How to place an order' } as const;

/** A template: the first reply says it in the customer's language. */
export const PLACE_ORDER_ANSWER: MessageKey =
  'To order, open the product, choose its options (size, colour and so on), add it to your basket and check out: sign in or give your e-mail address, choose the delivery address and pay by card, PayPal or gift card. You get a confirmation with the order number at once. If you would like a colleague to help you place it, just say so.';
