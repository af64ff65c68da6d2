import { draftProposal } from '../proposal';
import type { PolicyContext, ProposalContent, TransferToHuman } from '../types';

/** Always possible, authenticated or not, and needs no confirmation: it changes no record. */
export function planTransferToHuman(request: TransferToHuman, context: PolicyContext): ProposalContent {
  const customerId = typeof context.facts.customerId === 'string' && context.facts.customerId !== '' ? context.facts.customerId : null;
  return draftProposal('transfer_to_human', { customerId, reason: request.summary });
}
