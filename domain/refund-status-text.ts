import { money, type MessageKey } from './messages';
import { inEnglish, type Speak } from './order-status-text';

/** What the store knows about a customer's refunds, for the refund-status reply. */
export interface RefundFacts {
  /** Refunds under way or paid, from the refund ledger. */
  refunds: { orderId: string; amountCents: number; purpose: string; status: string }[];
  /** Orders whose return or exchange waits for the parcel before any money moves. */
  awaitingParcel: { orderId: string; status: string }[];
}

/** One whole sentence per state of a refund; the purpose is named in the reader's language inside it. */
const STATE: Record<string, MessageKey> = {
  reserved: 'The {purpose} refund of {amount} for order {orderId} is being processed.',
  refunded: 'The {purpose} refund of {amount} for order {orderId} has been sent; card and PayPal refunds take 5-7 business days to show.',
  recorded: 'The {purpose} refund of {amount} for order {orderId} has been paid.',
  released: 'The {purpose} refund of {amount} for order {orderId} was stopped before any money moved.',
  reversed: 'The {purpose} refund of {amount} for order {orderId} was stopped and undone.',
};

const PURPOSE: Record<string, MessageKey> = {
  cancellation: 'cancellation',
  return: 'return',
  price_difference: 'price difference',
  goodwill: 'goodwill',
  payment_change: 'payment change',
};

/** Plain sentences from the ledger and the orders only: nothing is promised that the store does not say. */
export function describeRefunds(facts: RefundFacts, speak: Speak = inEnglish): string {
  const lines = facts.refunds.map((r) => {
    const known = PURPOSE[r.purpose];
    const params = { purpose: known ? speak(known) : r.purpose.replace('_', ' '), amount: money(r.amountCents), orderId: r.orderId };
    const key = STATE[r.status];
    return key ? speak(key, params) : speak('The {purpose} refund of {amount} for order {orderId} is {status}.', { ...params, status: r.status });
  });
  for (const o of facts.awaitingParcel) {
    lines.push(
      o.status === 'exchange requested'
        ? speak('Order {orderId} has an exchange requested: its refund, if any, follows once the items are back with us.', { orderId: o.orderId })
        : speak('Order {orderId} has a return requested: its refund, if any, follows once the items are back with us.', { orderId: o.orderId }),
    );
  }
  return lines.length > 0 ? lines.join(' ') : speak('I cannot see any refunds on your account.');
}
