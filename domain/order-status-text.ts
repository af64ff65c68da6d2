import { render, type MessageKey, type MessageParams } from './messages';

/** What the store knows of an order's whereabouts, as the tracking reply needs it. */
export interface OrderStatusFacts {
  orderId: string;
  status: string;
  itemNames: string[];
  trackingIds: string[];
}

/** Says a template in the reader's language (the conversation's `say`); English by default. */
export type Speak = (key: MessageKey, params?: MessageParams) => string;
export const inEnglish: Speak = (key, params) => render('en', key, params);

/** One whole sentence per status, so each language keeps its own word order around the order and its items. */
const MEANING: Record<string, MessageKey> = {
  pending: 'Order {orderId}{items} has been placed and is waiting to be processed; it can still be changed or cancelled.',
  'pending (item modified)': 'Order {orderId}{items} has been placed, with changed items, and is waiting to be processed.',
  processed: 'Order {orderId}{items} has been processed and is on its way.',
  delivered: 'Order {orderId}{items} has been delivered.',
  cancelled: 'Order {orderId}{items} was cancelled.',
  'return requested': 'Order {orderId}{items} has a return requested: the refund follows once the items are back with us.',
  'exchange requested': 'Order {orderId}{items} has an exchange requested: the new items are sent once the old ones are back with us.',
};

/**
 * One plain sentence or two, from the store's facts only: no promises beyond what its status means.
 * Item names are the store's own and stay as they are in every language.
 */
export function describeOrderStatus(facts: OrderStatusFacts, speak: Speak = inEnglish): string {
  const items = facts.itemNames.length > 0 ? ` (${[...new Set(facts.itemNames)].join(', ')})` : '';
  const key = MEANING[facts.status];
  const meaning = key ? speak(key, { orderId: facts.orderId, items }) : speak('Order {orderId}{items} has the status "{status}".', { orderId: facts.orderId, items, status: facts.status });
  if (facts.trackingIds.length === 0) return meaning;
  const ids = facts.trackingIds.join(', ');
  return `${meaning} ${facts.trackingIds.length > 1 ? speak('Tracking numbers: {ids}.', { ids }) : speak('Tracking number: {ids}.', { ids })}`;
}
