import { APPROVER_ROLES, type PolicySettings } from './types';

/** Safe defaults: refunds above $500.00 wait for a supervisor. */
export const DEFAULT_POLICY_SETTINGS: PolicySettings = Object.freeze({
  automaticRefundLimitCents: 50_000,
  refundApproverRoles: Object.freeze(['supervisor'] as const),
  addressChangeAfterItemModification: true,
});

/** Returns why the settings are unusable, naming the field, or undefined when they are fine. */
export function whyPolicySettingsAreInvalid(settings: PolicySettings): string | undefined {
  const limit = settings.automaticRefundLimitCents;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
    return `automaticRefundLimitCents must be a whole number of cents, 0 or more (got ${String(limit)})`;
  }
  const roles: readonly unknown[] = Array.isArray(settings.refundApproverRoles) ? settings.refundApproverRoles : [];
  if (roles.length === 0) return 'refundApproverRoles must name at least one role';
  const unknownRole = roles.find((role) => !(APPROVER_ROLES as readonly unknown[]).includes(role));
  if (unknownRole !== undefined) {
    return `refundApproverRoles: ${JSON.stringify(unknownRole)} is not one of ${APPROVER_ROLES.join(', ')}`;
  }
  if (typeof settings.addressChangeAfterItemModification !== 'boolean') {
    return 'addressChangeAfterItemModification must be true or false';
  }
  return undefined;
}
