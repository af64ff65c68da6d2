/** Refunds up to the automatic limit go through; above it a human with an approving role must approve that proposal. */
import { money } from '../../messages';
import type { ApproverRole, ConversationFacts, NeedsApproval, PolicySettings, Proposal } from '../types';
import { inEnglish, words, type Wording, type Words } from '../wording';

export function approvalRequirement(
  refundTowardLimitCents: number,
  settings: PolicySettings,
): { role: ApproverRole; reason: string } | null {
  if (refundTowardLimitCents <= settings.automaticRefundLimitCents) return null;
  const role = settings.refundApproverRoles[0] as ApproverRole;
  return { role, reason: inEnglish(approvalWording(refundTowardLimitCents, settings.automaticRefundLimitCents, role)) };
}

function approvalWording(refundCents: number, limitCents: number, role: ApproverRole): Wording {
  const params = { amount: money(refundCents), limit: money(limitCents) };
  return role === 'agent'
    ? words('A refund of {amount} is over the automatic limit of {limit}; a agent must approve it.', params)
    : words('A refund of {amount} is over the automatic limit of {limit}; a supervisor must approve it.', params);
}

const LIMIT_IN_REASON = /over the automatic limit of \$(\d+)\.(\d{2});/;

/**
 * The approval a proposal needs, worded for the customer. The proposal keeps only its English reason (its
 * fingerprint must not change), so the limit is read back from it, and the wording is used only when its
 * English is that reason exactly; otherwise the reason is shown as it is.
 */
export function approvalWords(proposal: Pick<Proposal, 'approval' | 'refundTowardLimitCents'>): Words | undefined {
  const approval = proposal.approval;
  if (!approval) return undefined;
  const limit = LIMIT_IN_REASON.exec(approval.reason);
  if (!limit) return approval.reason;
  const wording = approvalWording(proposal.refundTowardLimitCents, Number(limit[1]) * 100 + Number(limit[2]), approval.role);
  return inEnglish(wording) === approval.reason ? wording : approval.reason;
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
