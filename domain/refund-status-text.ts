/** What the store knows about a customer's refunds, for the refund-status reply. */
export interface RefundFacts {
  /** Refunds under way or paid, from the refund ledger. */
  refunds: { orderId: string; amountCents: number; purpose: string; status: string }[];
  /** Orders whose return or exchange waits for the parcel before any money moves. */
  awaitingParcel: { orderId: string; status: string }[];
}

const STATE: Record<string, string> = {
  reserved: 'is being processed',
  refunded: 'has been sent; card and PayPal refunds take 5-7 business days to show',
  recorded: 'has been paid',
  released: 'was stopped before any money moved',
  reversed: 'was stopped and undone',
};

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Plain sentences from the ledger and the orders only: nothing is promised that the store does not say. */
export function describeRefunds(facts: RefundFacts): string {
  const lines = facts.refunds.map(
    (r) => `The ${r.purpose.replace('_', ' ')} refund of ${dollars(r.amountCents)} for order ${r.orderId} ${STATE[r.status] ?? `is ${r.status}`}.`,
  );
  for (const o of facts.awaitingParcel) {
    lines.push(`Order ${o.orderId} has ${o.status === 'exchange requested' ? 'an exchange' : 'a return'} requested: its refund, if any, follows once the items are back with us.`);
  }
  return lines.length > 0 ? lines.join(' ') : 'I cannot see any refunds on your account.';
}
