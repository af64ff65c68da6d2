import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

/** `WIDGET_ORIGINS`: the page origins the widget may run on, or any. */
export type WidgetOrigins = readonly string[] | 'any';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** The calls the widget makes, and nothing else: opening a conversation, then its messages, its view and its stream. */
const WIDGET_ROUTES: { method: 'GET' | 'POST'; path: RegExp }[] = [
  { method: 'POST', path: /^\/v1\/conversations\/?$/ },
  { method: 'POST', path: new RegExp(`^/v1/conversations/${UUID}/messages/?$`) },
  { method: 'GET', path: new RegExp(`^/v1/conversations/${UUID}/?$`) },
  { method: 'GET', path: new RegExp(`^/v1/conversations/${UUID}/events/?$`) },
];

/** Who may read an answer cross-origin: the widget's own credentials, each good for one thing only. */
const WIDGET_ROLES = new Set(['widget', 'conversation']);

const isWidgetRoute = (method: string, path: string) => WIDGET_ROUTES.some((r) => r.method === method && r.path.test(path));

/**
 * CORS for the embeddable widget, which runs on shops' pages. `beforeAuth` answers preflights and marks
 * the answer readable by the page's origin (errors included, so the widget can tell a closed
 * conversation from a network failure); `afterAuth` takes that back unless the token is a widget key or a
 * conversation token. Allowing any origin for those is safe: they are bearer tokens, not cookies, so a
 * page can only use a token it already holds; a conversation token reaches its one conversation, and a
 * widget key only opens conversations, from the origin it was minted for (allowRoles checks `Origin`).
 * Agents', supervisors' and channel tokens never get an answer another origin may read.
 */
export function widgetCors(origins: WidgetOrigins): { beforeAuth: RequestHandler; afterAuth: RequestHandler } {
  const allowed = (origin: string) => origins === 'any' || origins.includes(origin);
  const beforeAuth: RequestHandler = (req, res, next) => {
    const origin = req.get('origin');
    if (req.method === 'OPTIONS') {
      const method = req.get('access-control-request-method') ?? '';
      if (!isWidgetRoute(method, req.path)) return next();
      if (!origin || !allowed(origin)) throw new HttpError(403, 'origin_not_allowed', 'this origin is not one the chat widget may run on (WIDGET_ORIGINS)');
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
      res.status(204).end();
      return;
    }
    if (!isWidgetRoute(req.method, req.path)) return next();
    res.vary('Origin');
    if (origin && allowed(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Location');
    }
    next();
  };
  const afterAuth: RequestHandler = (req, res, next) => {
    if (!req.principal || !WIDGET_ROLES.has(req.principal.role)) {
      res.removeHeader('Access-Control-Allow-Origin');
      res.removeHeader('Access-Control-Expose-Headers');
    }
    next();
  };
  return { beforeAuth, afterAuth };
}
