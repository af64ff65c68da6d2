/** Plain-English lines for a proposal: what the bot lists before asking "yes?", and what auditors read. */
import { formatCents } from './money';
import type { Address, MoneyMovement, Proposal, ProposalItem } from './types';

function addressLine(address: Address): string {
  return [address.address1, address.address2, address.city, `${address.state} ${address.zip}`.trim(), address.country]
    .filter((part) => part.trim() !== '')
    .join(', ');
}

function itemLine(item: ProposalItem): string {
  const from = `${item.name} ${item.itemId} (${formatCents(item.priceCents)})`;
  return item.newItemId === null ? from : `${from} → ${item.newItemId} (${formatCents(item.newPriceCents ?? 0)})`;
}

function movementLines(movements: readonly MoneyMovement[], line: (amount: string, method: string) => string): string[] {
  return movements.map((movement) => line(formatCents(movement.amountCents), movement.paymentMethodId));
}

export function describeProposal(proposal: Proposal): string[] {
  const order = proposal.orderId ?? '';
  const lines: string[] = [];
  switch (proposal.action) {
    case 'cancel_pending_order':
      lines.push(`Cancel order ${order} (reason: ${proposal.reason ?? ''}).`);
      break;
    case 'modify_pending_order_address':
      lines.push(`Ship order ${order} to ${proposal.address ? addressLine(proposal.address.to) : ''}.`);
      break;
    case 'modify_user_address':
      lines.push(`Change the default address to ${proposal.address ? addressLine(proposal.address.to) : ''}.`);
      break;
    case 'modify_user_account': {
      const account = proposal.account;
      if (!account) break;
      const name = (d: { firstName: string; lastName: string }) => `${d.firstName} ${d.lastName}`;
      if (name(account.from) !== name(account.to)) lines.push(`Change the name on your account from ${name(account.from)} to ${name(account.to)}.`);
      if (account.from.email.toLowerCase() !== account.to.email.toLowerCase()) {
        lines.push(`Change the e-mail address on your account from ${account.from.email} to ${account.to.email}.`);
      }
      break;
    }
    case 'erase_user_account':
      lines.push('Close your account and erase your personal data.');
      break;
    case 'modify_pending_order_payment':
      lines.push(`Pay order ${order} with ${proposal.paymentMethodId ?? ''} instead.`);
      break;
    case 'modify_pending_order_items':
      lines.push(`Change items of order ${order}: ${proposal.items.map(itemLine).join('; ')}.`);
      break;
    case 'exchange_delivered_order_items':
      lines.push(`Exchange items of order ${order}: ${proposal.items.map(itemLine).join('; ')}.`);
      break;
    case 'return_delivered_order_items':
      lines.push(`Return items of order ${order}: ${proposal.items.map(itemLine).join('; ')}.`);
      break;
    case 'goodwill_credit':
      lines.push(`Goodwill credit on order ${order} (reason: ${proposal.reason ?? ''}).`);
      break;
    case 'transfer_to_human':
      lines.push('Transfer to a human agent.');
      break;
  }
  lines.push(
    ...movementLines(proposal.charges, (amount, method) => `Pay ${amount} with ${method}.`),
    ...movementLines(proposal.refunds, (amount, method) => `Refund ${amount} to ${method}.`),
  );
  if (proposal.approval) lines.push(proposal.approval.reason);
  lines.push(...proposal.notices);
  return lines;
}
