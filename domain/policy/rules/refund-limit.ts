/** Refunds up to the automatic limit go through; above it a human with an approving role must approve that proposal. */
import { formatCents } from '../money';
import type { ApproverRole, ConversationFacts, NeedsApproval, PolicySettings, Proposal } from '../types';

export function approvalRequirement(
  refundTowardLimitCents: number,
  settings: PolicySettings,
): { role: ApproverRole; reason: string } | null {
  if (refundTowardLimitCents <= settings.automaticRefundLimitCents) return null;
  const role = settings.refundApproverRoles[0] as ApproverRole;
  return {
    role,
    reason: `A refund of ${formatCents(refundTowardLimitCents)} is over the automatic limit of ${formatCents(settings.automaticRefundLimitCents)}; a ${role} must approve it.`,
  };
}

/** Only an approval of this very proposal, by a role the settings accept, counts. */
export function checkApproval(proposal: Proposal, facts: ConversationFacts, settings: PolicySettings): NeedsApproval | undefined {
  if (!proposal.approval) return undefined;
  const approvals = Array.isArray(facts.approvals) ? facts.approvals : [];
  const approved = approvals.some(
    (approval) => approval.proposalId === proposal.proposalId && settings.refundApproverRoles.includes(approval.role),
  );
  if (approved) return undefined;
  return { outcome: 'needs_approval', role: proposal.approval.role, reason: proposal.approval.reason, proposal };
}
