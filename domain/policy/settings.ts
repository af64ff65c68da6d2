import { APPROVER_ROLES, type PolicySettings } from './types';
import { inEnglish, words, type Wording } from './wording';

/** Safe defaults: refunds above $500.00 wait for a supervisor. */
export const DEFAULT_POLICY_SETTINGS: PolicySettings = Object.freeze({
  automaticRefundLimitCents: 50_000,
  refundApproverRoles: Object.freeze(['supervisor'] as const),
  addressChangeAfterItemModification: true,
});

/** Returns why the settings are unusable, naming the field, or undefined when they are fine. */
export function whyPolicySettingsAreInvalid(settings: PolicySettings): string | undefined {
  const problem = settingsProblem(settings);
  return problem && inEnglish(problem);
}

export function settingsProblem(settings: PolicySettings): Wording | undefined {
  const limit = settings.automaticRefundLimitCents;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
    return words('automaticRefundLimitCents must be a whole number of cents, 0 or more (got {value})', { value: String(limit) });
  }
  const roles: readonly unknown[] = Array.isArray(settings.refundApproverRoles) ? settings.refundApproverRoles : [];
  if (roles.length === 0) return words('refundApproverRoles must name at least one role');
  const unknownRole = roles.find((role) => !(APPROVER_ROLES as readonly unknown[]).includes(role));
  if (unknownRole !== undefined) {
    return words('refundApproverRoles: {role} is not one of {roles}', { role: JSON.stringify(unknownRole), roles: APPROVER_ROLES.join(', ') });
  }
  if (typeof settings.addressChangeAfterItemModification !== 'boolean') {
    return words('addressChangeAfterItemModification must be true or false');
  }
  return undefined;
}
