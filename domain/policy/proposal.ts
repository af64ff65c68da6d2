/** Proposals: the concrete action a customer confirms, identified by a fingerprint of all of its content. */
import { fingerprint } from './fingerprint';
import type { ActionKind, Proposal, ProposalContent } from './types';

/** Bumped when the proposal's content changes meaning, so that older confirmations no longer match. */
const PROPOSAL_FORMAT = 'policy-proposal/1';

export function proposalIdOf(content: ProposalContent): string {
  return `p_${fingerprint({ format: PROPOSAL_FORMAT, content })}`;
}

export function sealProposal(content: ProposalContent): Proposal {
  return { proposalId: proposalIdOf(content), ...content };
}

/** True when the proposal's id is the fingerprint of its content (e.g. after it travelled through history). */
export function hasValidProposalId(proposal: Proposal): boolean {
  const { proposalId, ...content } = proposal;
  return proposalId === proposalIdOf(content);
}

/** A proposal with nothing in it but the action; each action fills in what it does. */
export function draftProposal(
  action: ActionKind,
  fields: Partial<Omit<ProposalContent, 'action'>>,
): ProposalContent {
  return {
    action,
    customerId: null,
    orderId: null,
    basis: null,
    items: [],
    reason: null,
    address: null,
    paymentMethodId: null,
    charges: [],
    refunds: [],
    priceDifferenceCents: null,
    refundTowardLimitCents: 0,
    approval: null,
    notices: [],
    ...fields,
  };
}
