/** An error the API answers with as `{ "error": { "code", "message" } }` and the given status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent as `Retry-After`: when trying again is worth it (a part that is down). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);

/** How long a caller should wait before retrying when the worker is down: about as long as a restart takes. */
export const WORKER_RETRY_AFTER_SECONDS = 5;

export const workerUnavailable = (what: string) =>
  new HttpError(503, 'worker_unavailable', `${what} cannot be answered right now: the conversation worker is not responding; try again shortly`, WORKER_RETRY_AFTER_SECONDS);
