/**
 * Password reset links: how long one works, what a token looks like, what a usable new password is,
 * and what a stored token says now. Pure: the activity and the reset page supply the clock and rows.
 */
import { render } from '../messages';

/** A reset link works this long after it is sent, and once. */
export const RESET_LINK_TTL_MS = 60 * 60_000;
export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 200;

/** 32 random bytes in base64url: 43 characters. Anything else cannot be a token we issued. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const looksLikeResetToken = (token: string): boolean => TOKEN.test(token);

export type ResetTokenVerdict = 'usable' | 'unknown' | 'expired' | 'used';

/** A stored token as the verdict needs it (times ISO 8601). */
export interface StoredResetToken {
  expiresAt: string;
  usedAt: string | null;
}

export function resetTokenVerdict(token: StoredResetToken | undefined, now: Date): ResetTokenVerdict {
  if (!token) return 'unknown';
  if (token.usedAt !== null) return 'used';
  return Date.parse(token.expiresAt) > now.getTime() ? 'usable' : 'expired';
}

/** What the customer reads for each verdict but the usable one, and the HTTP status it comes with. */
export const RESET_TOKEN_PROBLEMS: Record<Exclude<ResetTokenVerdict, 'usable'>, { status: number; code: string; message: string }> = {
  unknown: { status: 404, code: 'reset_link_unknown', message: 'This reset link is not one we sent. Ask us for a new link.' },
  expired: { status: 410, code: 'reset_link_expired', message: 'This reset link has expired. Ask us for a new link.' },
  used: { status: 410, code: 'reset_link_used', message: 'This reset link has already been used. Ask us for a new link if you need one.' },
};

export function whyPasswordIsUnusable(password: unknown, confirmation: unknown): string | undefined {
  if (typeof password !== 'string' || password.length === 0) return 'Please choose a new password.';
  if ([...password].length < MIN_PASSWORD_CHARS) return `The new password must have at least ${MIN_PASSWORD_CHARS} characters.`;
  if (password.length > MAX_PASSWORD_CHARS) return `The new password must have at most ${MAX_PASSWORD_CHARS} characters.`;
  if (password.trim() !== password) return 'The new password must not start or end with a space.';
  if (confirmation !== undefined && confirmation !== password) return 'The two passwords are not the same.';
  return undefined;
}

/** The e-mail with the link, in the conversation's language: sent to the address on file, never to one typed in the conversation. */
export function resetNoticeBody(link: string, language?: string): string {
  return render(
    language,
    'Someone asked to reset the password of your account. To choose a new password, open {link} within {minutes} minutes; the link works once. If it was not you, ignore this message: your password stays as it is.',
    { link, minutes: String(RESET_LINK_TTL_MS / 60_000) },
  );
}
