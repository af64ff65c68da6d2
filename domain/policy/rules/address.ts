import type { Address } from '../types';
import { words, type Wording } from '../wording';

const FIELDS = ['address1', 'address2', 'city', 'country', 'state', 'zip'] as const;
/** Address 2 and state may be empty (not every country has states); the rest must be filled in. */
const REQUIRED = ['address1', 'city', 'country', 'zip'] as const;
const MAX_FIELD_CHARS = 200;
const CONTROL = /[\u0000-\u001f\u007f]/;

export function whyAddressIsInvalid(address: unknown): Wording | undefined {
  if (typeof address !== 'object' || address === null) return words('address must be an object');
  const fields = address as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = fields[field];
    if (typeof value !== 'string') return words('address.{field} must be a string', { field });
    if (value.length > MAX_FIELD_CHARS) return words('address.{field} must be at most {max} characters', { field, max: String(MAX_FIELD_CHARS) });
    if (CONTROL.test(value)) return words('address.{field} must not contain control characters', { field });
  }
  for (const field of REQUIRED) {
    if ((fields[field] as string).trim().length === 0) return words('address.{field} must not be empty', { field });
  }
  return undefined;
}

/** Only the six address fields, in the tau order: nothing else a caller attached travels into a proposal. */
export function copyAddress(address: Address): Address {
  return {
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    country: address.country,
    state: address.state,
    zip: address.zip,
  };
}
