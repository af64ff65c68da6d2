import type { Deny, RuleId } from './types';

export function deny(rule: RuleId, reason: string): Deny {
  return { outcome: 'deny', rule, reason };
}

/** Rule steps return either what they looked up or a Deny; this tells them apart. */
export function isDeny(value: unknown): value is Deny {
  return typeof value === 'object' && value !== null && (value as { outcome?: unknown }).outcome === 'deny';
}
