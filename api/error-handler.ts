import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './http-error';
import { recordRequestError } from './request-log';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Turns every failure into the contract's JSON error; internals never leak to the caller. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const http = toHttpError(err);
  // The request's log line (request-log.ts) carries the cause; the caller gets the contract's error only.
  if (http.status >= 500) recordRequestError(res, err);
  if (http.retryAfterSeconds !== undefined) res.set('Retry-After', String(http.retryAfterSeconds));
  res.status(http.status).json({ error: { code: http.code, message: http.message } });
};

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const parser = err as BodyParserError;
  switch (parser?.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'the request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `the request body is larger than ${parser.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', 'send the body as UTF-8 JSON');
  }
  return new HttpError(500, 'internal', 'something went wrong on our side; the request can be retried');
}
