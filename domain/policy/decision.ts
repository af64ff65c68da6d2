import type { Deny, RuleId } from './types';
import { inEnglish, type Wording } from './wording';

/** The reason is the wording's English, so what audits and agents read is what the customer is told. */
export function deny(rule: RuleId, wording: Wording): Deny {
  return { outcome: 'deny', rule, reason: inEnglish(wording), wording };
}

/** Rule steps return either what they looked up or a Deny; this tells them apart. */
export function isDeny(value: unknown): value is Deny {
  return typeof value === 'object' && value !== null && (value as { outcome?: unknown }).outcome === 'deny';
}
