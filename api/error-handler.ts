import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './http-error';
import { recordRequestError } from './request-log';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  /** zlib's code when a compressed body did not inflate (Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_1, ...). */
  code?: string;
  expose?: boolean;
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
  // The router could not percent-decode a path parameter: such a path names nothing that exists.
  if (err instanceof URIError) return new HttpError(404, 'not_found', 'the path has invalid percent-encoding');
  const parser = err as BodyParserError;
  switch (parser?.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'the request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `the request body is larger than ${parser.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', 'send the body as UTF-8 JSON');
    case 'request.aborted':
      return new HttpError(400, 'request_aborted', 'the request body ended early');
    case 'request.size.invalid':
      return new HttpError(400, 'invalid_body_length', 'the request body is not as long as its Content-Length');
  }
  // A body whose Content-Encoding (gzip, deflate, br) does not match its bytes fails inside zlib.
  if (parser?.status === 400 && typeof parser.code === 'string') {
    return new HttpError(400, 'invalid_content_encoding', 'the request body does not decode with its Content-Encoding');
  }
  if (typeof parser?.status === 'number' && parser.status >= 400 && parser.status < 500 && parser.expose) {
    return new HttpError(parser.status, 'bad_request', 'the request could not be read');
  }
  return new HttpError(500, 'internal', 'something went wrong on our side; the request can be retried');
}
