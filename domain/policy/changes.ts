/**
 * What differs between a proposal the customer saw and the one the policy would make now (the order
 * changed, or the settings did, e.g. after a restart with a new refund limit), in the customer's words.
 * Proposal ids are internal and never appear here.
 */
import { canonicalJson } from './fingerprint';
import { formatCents } from './money';
import { sumCents } from './records';
import type { MoneyMovement, ProposalContent } from './types';

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function destinations(movements: readonly MoneyMovement[]): string[] {
  return [...new Set(movements.map((movement) => movement.paymentMethodId))].sort();
}

function moneyChange(what: 'refund' | 'amount to pay', before: readonly MoneyMovement[], after: readonly MoneyMovement[]): string[] {
  const was = sumCents(before);
  const now = sumCents(after);
  const lines: string[] = [];
  if (was !== now) {
    if (now === 0) lines.push(`There is no longer any ${what} (it was ${formatCents(was)}).`);
    else if (was === 0) lines.push(`There is now ${what === 'refund' ? 'a refund' : 'an amount to pay'} of ${formatCents(now)}.`);
    else lines.push(`The ${what} is now ${formatCents(now)} instead of ${formatCents(was)}.`);
  }
  if (was > 0 && now > 0 && !same(destinations(before), destinations(after))) {
    lines.push(what === 'refund' ? 'The refund now goes to a different payment method.' : 'It is now paid with a different payment method.');
  }
  return lines;
}

/** A sealed proposal carries its id; only the content is compared. */
function withoutId(proposal: ProposalContent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(proposal).filter(([key]) => key !== 'proposalId'));
}

/** One plain sentence per change the customer would care about; never empty when the two differ at all. */
export function proposalChanges(before: ProposalContent, after: ProposalContent): string[] {
  const lines: string[] = [];
  if (before.action !== after.action || before.orderId !== after.orderId || before.customerId !== after.customerId) {
    lines.push('What I would do now is a different action.');
  }
  if (!same(before.basis, after.basis)) {
    lines.push(after.basis ? `The order has changed since (it is now ${after.basis.orderStatus}).` : 'The order has changed since.');
  }
  if (!same(before.items, after.items)) lines.push('The items, or their prices, have changed.');
  if (!same(before.address, after.address)) lines.push('The address has changed.');
  if (!same(before.account?.from ?? null, after.account?.from ?? null)) lines.push('The name or e-mail address on your account has changed since.');
  if (before.paymentMethodId !== after.paymentMethodId && before.action === after.action) lines.push('The payment method has changed.');
  lines.push(...moneyChange('amount to pay', before.charges, after.charges), ...moneyChange('refund', before.refunds, after.refunds));

  if (before.approval && !after.approval) lines.push('It no longer needs anyone’s approval.');
  else if (!before.approval && after.approval) lines.push(`It now needs approval first: ${after.approval.reason}`);
  else if (before.approval && after.approval && !same(before.approval, after.approval)) {
    lines.push(`The approval it needs has changed: ${after.approval.reason}`);
  }
  if (!same(before.notices, after.notices)) lines.push('What I must tell you before you confirm has changed (see below).');

  if (before.reason !== after.reason) lines.push('The reason recorded for it has changed.');

  if (lines.length === 0 && !same(withoutId(before), withoutId(after))) lines.push('The details behind it were updated.');
  return lines;
}
