import http from 'node:http';
import type { RequestListener } from 'node:http';

/**
 * Time limits that keep a slow or stalled client from holding a connection: headers not finished,
 * or a body shorter than its Content-Length, are cut off instead of waited for forever.
 */
export interface ServerLimits {
  /** Until the request's headers are complete. */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open for its next request. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** The API's HTTP server; `app.listen` cannot set these, Node reads some of them only when the server is created. */
export function createHttpServer(app: RequestListener, limits: ServerLimits = DEFAULT_SERVER_LIMITS): http.Server {
  return http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node looks for expired requests only this often; its default (30 s) would stretch a short limit.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    app,
  );
}

/** Listens on `host:port` and resolves once it does. */
export function listenOn(server: http.Server, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
