/** The policy engine: every action request → allow / deny(reason) / needs_confirmation(proposal) / needs_approval(role). */
export { evaluate } from './evaluate';
export { describeProposal } from './describe';
export { proposalChanges } from './changes';
export { hasValidProposalId, proposalIdOf } from './proposal';
export { DEFAULT_POLICY_SETTINGS, whyPolicySettingsAreInvalid } from './settings';
export { ORDER_STATUS, statusesOpenTo, type OrderStatusAction } from './rules/order-status';
export { formatCents } from './money';
export { canonicalJson, fingerprint, fnv1a64 } from './fingerprint';
export * from './types';
