/**
 * A confirmation is bound to one proposal by its fingerprint. Any change to what would be done (items,
 * amounts, payment method, the order's state) makes a new proposal that needs its own "yes"; a "yes" to a
 * proposal already carried out is spent. Reasons name no proposal ids: they reach customers' replies,
 * and the decision carries the proposal itself.
 */
import { deny } from '../decision';
import type { ConversationFacts, Deny, NeedsConfirmation, Proposal } from '../types';
import { words } from '../wording';

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function checkNotAlreadyDone(proposal: Proposal, facts: ConversationFacts): Deny | undefined {
  if (!listOf(facts.completedProposalIds).includes(proposal.proposalId)) return undefined;
  return deny('already-done', words('This exact action was already carried out; it is not repeated.'));
}

export function checkConfirmation(proposal: Proposal, facts: ConversationFacts): NeedsConfirmation | undefined {
  const confirmed = facts.confirmation?.proposalId;
  if (confirmed === proposal.proposalId) return undefined;
  const ask = (rule: NeedsConfirmation['rule'], reason: string): NeedsConfirmation => ({
    outcome: 'needs_confirmation',
    rule,
    reason,
    proposal,
  });
  if (typeof confirmed !== 'string') {
    return ask('confirmation-missing', 'The customer has not yet explicitly confirmed this action.');
  }
  if (listOf(facts.completedProposalIds).includes(confirmed)) {
    return ask(
      'confirmation-spent',
      'The confirmation on record was for an action already carried out; it cannot be used again. This action needs its own confirmation.',
    );
  }
  return ask(
    'confirmation-stale',
    'What would be done now differs from what was confirmed, and needs its own confirmation.',
  );
}
