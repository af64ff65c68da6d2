import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { looksLikeResetToken, RESET_TOKEN_PROBLEMS, resetTokenVerdict, whyPasswordIsUnusable, type ResetTokenVerdict, type StoredResetToken } from '../../domain/accounts/password-reset';

const NOW = new Date('2026-12-01T12:00:00.000Z');

describe('password reset links', () => {
  const VERDICTS: [string, StoredResetToken | undefined, ResetTokenVerdict][] = [
    ['a token we never stored', undefined, 'unknown'],
    ['an unused token before its expiry', { expiresAt: '2026-12-01T12:30:00.000Z', usedAt: null }, 'usable'],
    ['an unused token at the very moment it expires', { expiresAt: '2026-12-01T12:00:00.000Z', usedAt: null }, 'expired'],
    ['an unused token after its expiry', { expiresAt: '2026-12-01T11:00:00.000Z', usedAt: null }, 'expired'],
    ['a used token before its expiry', { expiresAt: '2026-12-01T12:30:00.000Z', usedAt: '2026-12-01T11:50:00.000Z' }, 'used'],
    ['a used token after its expiry', { expiresAt: '2026-12-01T11:00:00.000Z', usedAt: '2026-12-01T10:50:00.000Z' }, 'used'],
  ];
  for (const [label, stored, verdict] of VERDICTS) {
    it(`when the link carries ${label}, then it is ${verdict}`, () => {
      assert.equal(resetTokenVerdict(stored, NOW), verdict);
      if (verdict !== 'usable') assert.ok(RESET_TOKEN_PROBLEMS[verdict].status >= 400 && RESET_TOKEN_PROBLEMS[verdict].status < 500);
    });
  }

  const TOKENS: [string, boolean][] = [
    [`${'q1Xb-4m0n_T5yZ'.repeat(3)}a`, true],
    [`${'q1Xb-4m0n_T5yZ'.repeat(3)}ab`, false],
    [`${'q1Xb-4m0n_T5yZ'.repeat(3)}/`, false],
    ['', false],
  ];
  for (const [token, ok] of TOKENS) {
    it(`when the token is ${token.length} characters ${ok ? 'of base64url' : 'that are not ours'}, then it ${ok ? 'can' : 'cannot'} be one we issued`, () => {
      assert.equal(looksLikeResetToken(token), ok);
    });
  }

  const PASSWORDS: [string, unknown, unknown, RegExp | undefined][] = [
    ['a long enough password, confirmed', 'correct horse battery', 'correct horse battery', undefined],
    ['a long enough password, no confirmation field (a JSON caller)', 'correct horse battery', undefined, undefined],
    ['no password', undefined, undefined, /choose a new password/],
    ['a short password', 'short', 'short', /at least 10/],
    ['a password with a space at the end', 'correct horse ', 'correct horse ', /space/],
    ['two different passwords', 'correct horse battery', 'correct horse batter', /not the same/],
    ['a password far too long', 'x'.repeat(201), undefined, /at most 200/],
  ];
  for (const [label, password, confirmation, problem] of PASSWORDS) {
    it(`when the customer sends ${label}, then it is ${problem ? 'refused with the reason' : 'accepted'}`, () => {
      const why = whyPasswordIsUnusable(password, confirmation);
      if (problem) assert.match(why ?? '', problem);
      else assert.equal(why, undefined);
    });
  }
});
