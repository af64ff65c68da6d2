/** What the store knows of an order's whereabouts, as the tracking reply needs it. */
export interface OrderStatusFacts {
  orderId: string;
  status: string;
  itemNames: string[];
  trackingIds: string[];
}

const MEANING: Record<string, string> = {
  pending: 'has been placed and is waiting to be processed; it can still be changed or cancelled',
  'pending (item modified)': 'has been placed, with changed items, and is waiting to be processed',
  processed: 'has been processed and is on its way',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
  'return requested': 'has a return requested: the refund follows once the items are back with us',
  'exchange requested': 'has an exchange requested: the new items are sent once the old ones are back with us',
};

/** One plain sentence or two, from the store's facts only: no promises beyond what its status means. */
export function describeOrderStatus(facts: OrderStatusFacts): string {
  const what = facts.itemNames.length > 0 ? ` (${[...new Set(facts.itemNames)].join(', ')})` : '';
  const meaning = MEANING[facts.status] ?? `has the status "${facts.status}"`;
  const tracking =
    facts.trackingIds.length === 0
      ? ''
      : ` Tracking number${facts.trackingIds.length > 1 ? 's' : ''}: ${facts.trackingIds.join(', ')}.`;
  return `Order ${facts.orderId}${what} ${meaning}.${tracking}`;
}
