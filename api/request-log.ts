import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { conversationIdOfPath } from '../observability/conversation-ids';
import type { Logger } from '../observability/logger';

/** Where the error handler leaves a 5xx's cause, so the request's one line carries it. */
const ERROR_LOCAL = 'requestLogError';

export function recordRequestError(res: Response, err: unknown): void {
  res.locals[ERROR_LOCAL] = err;
}

const TOKEN_ID_LOCAL = 'requestLogTokenId';

/** Which token (by its id) made the request, so the line, refusals included, says who without the secret. */
export function recordTokenId(res: Response, tokenId: number): void {
  res.locals[TOKEN_ID_LOCAL] = tokenId;
}

// A proxy's request id is kept when it looks like one; anything else could smuggle text into the logs.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One JSON line per request, written when the response is finished or the client went away: method,
 * path (never the query: tokens travel there), route, status, duration, request and conversation ids.
 * Headers and bodies are not logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const path = req.originalUrl.split('?')[0] ?? '';
      const location = res.getHeader('location');
      const conversationId =
        conversationIdOfPath(path) ?? (typeof location === 'string' ? conversationIdOfPath(location) : undefined);
      const status = res.statusCode;
      const err: unknown = res.locals[ERROR_LOCAL];
      const tokenId = res.locals[TOKEN_ID_LOCAL] as number | undefined;
      const line = {
        requestId,
        method: req.method,
        path,
        ...(req.route ? { route: `${req.baseUrl}${String(req.route.path)}` } : {}),
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(conversationId ? { conversationId } : {}),
        ...(tokenId === undefined ? {} : { tokenId }),
        ...(res.writableFinished ? {} : { aborted: true }),
        ...(err === undefined ? {} : { err }),
      };
      if (status >= 500) logger.error(line, 'http request');
      // Refusals are what an attack looks like: they stand out from routine lines.
      else if (status === 401 || status === 403 || status === 429) logger.warn(line, 'http request refused');
      // Health probes arrive every few seconds; a passing one is routine.
      else if (path === '/healthz' && status < 400) logger.debug(line, 'http request');
      else logger.info(line, 'http request');
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}
