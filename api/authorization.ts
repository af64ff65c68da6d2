import type { Knex } from 'knex';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { checkToken } from '../auth/token-service';
import type { Principal, Role } from '../auth/roles';
import { HttpError } from './http-error';
import { recordTokenId } from './request-log';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

const REFUSALS = {
  unknown: 'the bearer token is unknown',
  revoked: 'the bearer token was revoked',
  expired: 'the bearer token has expired; ask for a new one',
  conversation_closed: 'this conversation is closed, and its token with it',
} as const;

/** 401 without a valid bearer token (unknown, revoked, expired, or a closed conversation's). */
export function requireToken(db: Knex): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <token>');
    const checked = await checkToken(db, match[1]);
    if (!('principal' in checked)) {
      // The log line names the token by its id, never the token itself.
      if ('tokenId' in checked) recordTokenId(res, checked.tokenId);
      throw new HttpError(401, 'unauthenticated', REFUSALS[checked.reason]);
    }
    recordTokenId(res, checked.principal.tokenId);
    req.principal = checked.principal;
    next();
  };
}

/**
 * 403 unless the caller has one of the roles; a conversation token passes only for its own
 * conversation, and a widget key only from the page origin it was minted for.
 */
export function allowRoles(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const principal = req.principal;
    if (!principal || !roles.includes(principal.role)) {
      throw new HttpError(403, 'forbidden', `this call needs one of the roles: ${roles.join(', ')}`);
    }
    if (principal.role === 'conversation' && principal.conversationId !== req.params.id) {
      throw new HttpError(403, 'forbidden', 'this token is for another conversation');
    }
    if (principal.role === 'widget' && (principal.origin === null || req.get('origin') !== principal.origin)) {
      throw new HttpError(403, 'forbidden', 'this widget key works only from the page origin it was made for');
    }
    next();
  };
}
