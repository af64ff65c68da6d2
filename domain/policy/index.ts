/** The policy engine: every action request → allow / deny(reason) / needs_confirmation(proposal) / needs_approval(role). */
export { evaluate } from './evaluate';
export { describeProposal, proposalWords } from './describe';
export { proposalChangeWords, proposalChanges } from './changes';
export { approvalWords } from './rules/refund-limit';
export { inEnglish, sayWords, words, wordsIn, type SayTemplate, type Wording, type WordingParam, type WordList, type Words } from './wording';
export { hasValidProposalId, proposalIdOf } from './proposal';
export { DEFAULT_POLICY_SETTINGS, whyPolicySettingsAreInvalid } from './settings';
export { ORDER_STATUS, statusesOpenTo, type OrderStatusAction } from './rules/order-status';
export { formatCents } from './money';
export { canonicalJson, fingerprint, fnv1a64 } from './fingerprint';
export * from './types';
