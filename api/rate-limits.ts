import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpError } from './http-error';

/** Requests per minute; generous by default, so only floods are stopped (RATE_LIMIT_* in config). */
export interface RateLimits {
  perIpPerMinute: number;
  perTokenPerMinute: number;
  /** Conversations one widget key may open per minute from one address. */
  widgetConversationsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perIpPerMinute: 6000, perTokenPerMinute: 3000, widgetConversationsPerMinute: 60 };

const refuse: RequestHandler = (_req, res, next) => {
  next(new HttpError(429, 'rate_limited', `too many requests; try again in ${String(res.getHeader('retry-after') ?? 'a few')} seconds`));
};

function limiter(limit: number, options: { keyGenerator?: (req: Request) => string; skip?: (req: Request) => boolean } = {}): RequestHandler {
  // Retry-After is set by the library on every refusal.
  return rateLimit({ windowMs: 60_000, limit, standardHeaders: 'draft-8', legacyHeaders: false, handler: refuse, ...options });
}

// IPv6 addresses count by their /56, as one household or host gets them (the library's helper).
const addressOf = (req: Request) => (req.ip ? ipKeyGenerator(req.ip) : 'unknown');

/** Before authentication: by client address. */
export const perIpLimit = (limits: RateLimits): RequestHandler => limiter(limits.perIpPerMinute, { keyGenerator: addressOf });

/** After authentication: by the token's id, so one leaked or looping token cannot flood from many addresses. */
export const perTokenLimit = (limits: RateLimits): RequestHandler =>
  limiter(limits.perTokenPerMinute, { keyGenerator: (req) => `token:${req.principal?.tokenId ?? 'none'}` });

/** A widget key opening conversations: by key and address, inside the per-token limit. */
export const widgetConversationLimit = (limits: RateLimits): RequestHandler =>
  limiter(limits.widgetConversationsPerMinute, {
    keyGenerator: (req) => `widget:${req.principal?.tokenId ?? 'none'}:${addressOf(req)}`,
    skip: (req) => req.principal?.role !== 'widget',
  });
