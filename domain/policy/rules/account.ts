/** The name and e-mail on an account: what a usable one looks like, and whether a new e-mail is free. */
import { deny } from '../decision';
import type { Deny } from '../types';
import { words, type Wording } from '../wording';

const MAX_EMAIL_CHARS = 254;
const MAX_NAME_CHARS = 100;
const CONTROL = /[\u0000-\u001f\u007f]/;
// One @, a local part without spaces, a domain of dot-separated labels ending in letters.
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function whyEmailIsInvalid(email: unknown): Wording | undefined {
  if (typeof email !== 'string' || email.trim().length === 0) return words('the e-mail address is empty');
  if (email.length > MAX_EMAIL_CHARS) return words('the e-mail address is longer than {max} characters', { max: String(MAX_EMAIL_CHARS) });
  if (!EMAIL.test(email) || email.includes('..')) return words('{email} is not a valid e-mail address', { email });
  return undefined;
}

export function whyNameIsInvalid(name: unknown): Wording | undefined {
  if (typeof name !== 'object' || name === null) return words('the name must have a first and a last name');
  for (const part of ['firstName', 'lastName'] as const) {
    const value = (name as Record<string, unknown>)[part];
    const first = part === 'firstName';
    if (typeof value !== 'string' || value.trim().length === 0) return words(first ? 'the first name is empty' : 'the last name is empty');
    if (value.length > MAX_NAME_CHARS || CONTROL.test(value)) return words(first ? 'the first name is not usable' : 'the last name is not usable');
  }
  return undefined;
}

/** E-mails compare case-insensitively, as the store finds customers by them. */
export const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** An e-mail address identifies one customer: another customer's address cannot be taken. */
export function requireEmailFree(holderId: string | null | undefined, customerId: string): Deny | undefined {
  if (holderId === undefined) return deny('record-not-found', words('Whether the new e-mail address is in use was not looked up.'));
  if (holderId !== null && holderId !== customerId) return deny('email-taken', words('That e-mail address already belongs to another account.'));
  return undefined;
}
