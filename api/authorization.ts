import type { Knex } from 'knex';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticate } from '../auth/token-service';
import type { Principal, Role } from '../auth/roles';
import { HttpError } from './http-error';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** 401 without a valid bearer token. */
export function requireToken(db: Knex): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <token>');
    const principal = await authenticate(db, match[1]);
    if (!principal) throw new HttpError(401, 'unauthenticated', 'the bearer token is unknown or revoked');
    req.principal = principal;
    next();
  };
}

/** 403 unless the caller has one of the roles; a conversation token passes only for its own conversation. */
export function allowRoles(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const principal = req.principal;
    if (!principal || !roles.includes(principal.role)) {
      throw new HttpError(403, 'forbidden', `this call needs one of the roles: ${roles.join(', ')}`);
    }
    if (principal.role === 'conversation' && principal.conversationId !== req.params.id) {
      throw new HttpError(403, 'forbidden', 'this token is for another conversation');
    }
    next();
  };
}
