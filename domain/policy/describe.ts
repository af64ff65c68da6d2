/**
 * The lines of a proposal: what the bot lists before asking "yes?" (in the customer's language, from
 * proposalWords) and what auditors read (describeProposal, the same lines in English).
 */
import { money, MESSAGES, type MessageKey } from '../messages';
import { cancelReasonWords } from './rules/cancel-reason';
import { approvalWords } from './rules/refund-limit';
import type { Address, MoneyMovement, Proposal, ProposalItem } from './types';
import { inEnglish, words, type Wording, type Words } from './wording';

function addressLine(address: Address): string {
  return [address.address1, address.address2, address.city, `${address.state} ${address.zip}`.trim(), address.country]
    .filter((part) => part.trim() !== '')
    .join(', ');
}

function itemWords(item: ProposalItem): Wording {
  const from = { name: item.name, itemId: item.itemId, price: money(item.priceCents) };
  return item.newItemId === null
    ? words('{name} {itemId} ({price})', from)
    : words('{name} {itemId} ({price}) → {newItemId} ({newPrice})', { ...from, newItemId: item.newItemId, newPrice: money(item.newPriceCents ?? 0) });
}

const itemList = (items: readonly ProposalItem[]) => ({ joined: items.map(itemWords), by: '; ' });

function movementWords(movements: readonly MoneyMovement[], key: MessageKey): Wording[] {
  return movements.map((movement) => words(key, { amount: money(movement.amountCents), method: movement.paymentMethodId }));
}

/** A notice the proposal carries (English, inside its fingerprint), as the catalogue words it. */
function noticeWords(proposal: Proposal, notice: string): Words {
  if (Object.hasOwn(MESSAGES, notice)) return words(notice as MessageKey);
  const email = proposal.account?.from.email;
  if (email !== undefined) {
    const changed = words('A notice of the change goes to {email}.', { email });
    if (inEnglish(changed) === notice) return changed;
  }
  return notice;
}

export function proposalWords(proposal: Proposal): Words[] {
  const orderId = proposal.orderId ?? '';
  const lines: Words[] = [];
  switch (proposal.action) {
    case 'cancel_pending_order':
      lines.push(words('Cancel order {orderId} (reason: {reason}).', { orderId, reason: cancelReasonWords(proposal.reason ?? '') }));
      break;
    case 'modify_pending_order_address':
      lines.push(words('Ship order {orderId} to {address}.', { orderId, address: proposal.address ? addressLine(proposal.address.to) : '' }));
      break;
    case 'modify_user_address':
      lines.push(words('Change the default address to {address}.', { address: proposal.address ? addressLine(proposal.address.to) : '' }));
      break;
    case 'modify_user_account': {
      const account = proposal.account;
      if (!account) break;
      const name = (d: { firstName: string; lastName: string }) => `${d.firstName} ${d.lastName}`;
      if (name(account.from) !== name(account.to)) lines.push(words('Change the name on your account from {from} to {to}.', { from: name(account.from), to: name(account.to) }));
      if (account.from.email.toLowerCase() !== account.to.email.toLowerCase()) {
        lines.push(words('Change the e-mail address on your account from {from} to {to}.', { from: account.from.email, to: account.to.email }));
      }
      break;
    }
    case 'erase_user_account':
      lines.push(words('Close your account and erase your personal data.'));
      break;
    case 'modify_pending_order_payment':
      lines.push(words('Pay order {orderId} with {method} instead.', { orderId, method: proposal.paymentMethodId ?? '' }));
      break;
    case 'modify_pending_order_items':
      lines.push(words('Change items of order {orderId}: {items}.', { orderId, items: itemList(proposal.items) }));
      break;
    case 'exchange_delivered_order_items':
      lines.push(words('Exchange items of order {orderId}: {items}.', { orderId, items: itemList(proposal.items) }));
      break;
    case 'return_delivered_order_items':
      lines.push(words('Return items of order {orderId}: {items}.', { orderId, items: itemList(proposal.items) }));
      break;
    case 'goodwill_credit':
      // The goodwill reason is free text (an agent's or the customer's words): shown as it is.
      lines.push(words('Goodwill credit on order {orderId} (reason: {reason}).', { orderId, reason: proposal.reason ?? '' }));
      break;
    case 'transfer_to_human':
      lines.push(words('Transfer to a human agent.'));
      break;
  }
  lines.push(...movementWords(proposal.charges, 'Pay {amount} with {method}.'), ...movementWords(proposal.refunds, 'Refund {amount} to {method}.'));
  const approval = approvalWords(proposal);
  if (approval !== undefined) lines.push(approval);
  lines.push(...proposal.notices.map((notice) => noticeWords(proposal, notice)));
  return lines;
}

export function describeProposal(proposal: Proposal): string[] {
  return proposalWords(proposal).map(inEnglish);
}
