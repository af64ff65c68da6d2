import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { hashPassword, hashResetToken } from '../../auth/passwords';
import { findResetToken, setPasswordHash, spendOtherResetTokens, spendResetToken } from '../../db/repositories/accounts';
import { looksLikeResetToken, RESET_TOKEN_PROBLEMS, resetTokenVerdict, whyPasswordIsUnusable, type ResetTokenVerdict } from '../../domain/accounts/password-reset';
import { escapeHtml } from './help-centre';

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}label{display:block;margin-top:1rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}';

/**
 * The page a reset link opens: public (the token is the credential), a form for the new password, and
 * the POST that sets it. A form gets HTML pages back, a JSON caller JSON; a link that is unknown,
 * expired or used is a 404 or 410 with the reason, either way.
 */
export function accountResetRoutes(deps: { db: Knex; maxBodyBytes?: number }): Router {
  const router = Router();
  router.use('/account/reset', express.urlencoded({ extended: false, limit: deps.maxBodyBytes ?? 16_384 }));

  const verdictOf = async (token: string): Promise<{ verdict: ResetTokenVerdict; tokenHash: string; customerId?: string }> => {
    const tokenHash = hashResetToken(token);
    if (!looksLikeResetToken(token)) return { verdict: 'unknown', tokenHash };
    const stored = await findResetToken(deps.db, tokenHash);
    return { verdict: resetTokenVerdict(stored, new Date()), tokenHash, ...(stored ? { customerId: stored.customerId } : {}) };
  };

  router.get('/account/reset/:token', async (req, res) => {
    const { verdict } = await verdictOf(String(req.params.token));
    if (verdict !== 'usable') return refuse(req, res, verdict);
    sendPage(res, 200, 'Choose a new password', formHtml(String(req.params.token)));
  });

  router.post('/account/reset/:token', async (req, res) => {
    const token = String(req.params.token);
    const { verdict, tokenHash, customerId } = await verdictOf(token);
    if (verdict !== 'usable' || !customerId) return refuse(req, res, verdict === 'usable' ? 'unknown' : verdict);
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const problem = whyPasswordIsUnusable(body.password, body.confirm);
    if (problem) return answer(req, res, 400, 'password_unusable', problem, formHtml(token, problem));
    const passwordHash = await hashPassword(String(body.password));
    const at = new Date().toISOString();
    const spent = await deps.db.transaction(async (trx) => {
      if (!(await spendResetToken(trx, tokenHash, at))) return false;
      await spendOtherResetTokens(trx, customerId, at);
      await setPasswordHash(trx, customerId, passwordHash, at);
      return true;
    });
    // Another request used the link in the meantime.
    if (!spent) return refuse(req, res, (await verdictOf(token)).verdict === 'expired' ? 'expired' : 'used');
    if (req.is('application/json')) return void res.status(200).json({ status: 'password_changed' });
    sendPage(res, 200, 'Password changed', '<h1>Password changed</h1>\n<p>Your new password is set. You can sign in with it now.</p>');
  });

  return router;
}

function refuse(req: Request, res: Response, verdict: Exclude<ResetTokenVerdict, 'usable'>): void {
  const problem = RESET_TOKEN_PROBLEMS[verdict];
  answer(req, res, problem.status, problem.code, problem.message, `<h1>This link does not work</h1>\n<p>${escapeHtml(problem.message)}</p>`);
}

function answer(req: Request, res: Response, status: number, code: string, message: string, html: string): void {
  if (req.is('application/json')) {
    res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
    return;
  }
  sendPage(res, status, 'Reset your password', html);
}

function formHtml(token: string, problem?: string): string {
  const error = problem ? `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>\n` : '';
  return `<h1>Choose a new password</h1>\n${error}<form method="post" action="/account/reset/${encodeURIComponent(token)}">\n<label>New password <input type="password" name="password" autocomplete="new-password" minlength="10" required></label>\n<label>Again <input type="password" name="confirm" autocomplete="new-password" minlength="10" required></label>\n<button type="submit">Set the new password</button>\n</form>`;
}

function sendPage(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      // The token is in the URL: it must not leave in a Referer header or stay in a cache.
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
    .send(`<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`);
}
