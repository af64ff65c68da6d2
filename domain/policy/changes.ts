/**
 * What differs between a proposal the customer saw and the one the policy would make now (the order
 * changed, or the settings did, e.g. after a restart with a new refund limit), in the customer's words:
 * proposalChangeWords for their language, proposalChanges in English.
 * Proposal ids are internal and never appear here.
 */
import { money } from '../messages';
import { canonicalJson } from './fingerprint';
import { sumCents } from './records';
import { statusWords } from './rules/order-status';
import { approvalWords } from './rules/refund-limit';
import type { MoneyMovement, ProposalContent } from './types';
import { inEnglish, words, type Words } from './wording';

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function destinations(movements: readonly MoneyMovement[]): string[] {
  return [...new Set(movements.map((movement) => movement.paymentMethodId))].sort();
}

/** Each sentence whole for a refund and for an amount to pay: the two nouns take different words around them. */
const MONEY_SENTENCES = {
  refund: {
    gone: 'There is no longer any refund (it was {was}).',
    new: 'There is now a refund of {now}.',
    changed: 'The refund is now {now} instead of {was}.',
    elsewhere: 'The refund now goes to a different payment method.',
  },
  'amount to pay': {
    gone: 'There is no longer any amount to pay (it was {was}).',
    new: 'There is now an amount to pay of {now}.',
    changed: 'The amount to pay is now {now} instead of {was}.',
    elsewhere: 'It is now paid with a different payment method.',
  },
} as const;

function moneyChange(what: keyof typeof MONEY_SENTENCES, before: readonly MoneyMovement[], after: readonly MoneyMovement[]): Words[] {
  const sentences = MONEY_SENTENCES[what];
  const was = sumCents(before);
  const now = sumCents(after);
  const lines: Words[] = [];
  if (was !== now) {
    if (now === 0) lines.push(words(sentences.gone, { was: money(was) }));
    else if (was === 0) lines.push(words(sentences.new, { now: money(now) }));
    else lines.push(words(sentences.changed, { now: money(now), was: money(was) }));
  }
  if (was > 0 && now > 0 && !same(destinations(before), destinations(after))) lines.push(words(sentences.elsewhere));
  return lines;
}

/** A sealed proposal carries its id; only the content is compared. */
function withoutId(proposal: ProposalContent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(proposal).filter(([key]) => key !== 'proposalId'));
}

/** One plain sentence per change the customer would care about; never empty when the two differ at all. */
export function proposalChangeWords(before: ProposalContent, after: ProposalContent): Words[] {
  const lines: Words[] = [];
  if (before.action !== after.action || before.orderId !== after.orderId || before.customerId !== after.customerId) {
    lines.push(words('What I would do now is a different action.'));
  }
  if (!same(before.basis, after.basis)) {
    lines.push(after.basis ? words('The order has changed since (it is now {status}).', { status: statusWords(after.basis.orderStatus) }) : words('The order has changed since.'));
  }
  if (!same(before.items, after.items)) lines.push(words('The items, or their prices, have changed.'));
  if (!same(before.address, after.address)) lines.push(words('The address has changed.'));
  if (!same(before.account?.from ?? null, after.account?.from ?? null)) lines.push(words('The name or e-mail address on your account has changed since.'));
  if (before.paymentMethodId !== after.paymentMethodId && before.action === after.action) lines.push(words('The payment method has changed.'));
  lines.push(...moneyChange('amount to pay', before.charges, after.charges), ...moneyChange('refund', before.refunds, after.refunds));

  const approval = approvalWords(after);
  if (before.approval && !after.approval) lines.push(words('It no longer needs anyone’s approval.'));
  else if (!before.approval && approval !== undefined) lines.push(words('It now needs approval first: {approval}', { approval }));
  else if (before.approval && approval !== undefined && !same(before.approval, after.approval)) {
    lines.push(words('The approval it needs has changed: {approval}', { approval }));
  }
  if (!same(before.notices, after.notices)) lines.push(words('What I must tell you before you confirm has changed (see below).'));

  if (before.reason !== after.reason) lines.push(words('The reason recorded for it has changed.'));

  if (lines.length === 0 && !same(withoutId(before), withoutId(after))) lines.push(words('The details behind it were updated.'));
  return lines;
}

export function proposalChanges(before: ProposalContent, after: ProposalContent): string[] {
  return proposalChangeWords(before, after).map(inEnglish);
}
