import { Router, type Request, type RequestHandler } from 'express';
import type { ConversationView, Turn } from '../../domain/conversation';
import { liveUpdates, subscribe, type ConversationChange } from '../../channels/live-updates';
import type { ConversationGateway } from '../conversation-gateway';
import { allowRoles } from '../authorization';
import { HttpError } from '../http-error';
import { conversationIdOf } from './conversations';

/** Often enough that proxies (nginx waits 60 s by default) never see an idle stream. */
export const DEFAULT_HEARTBEAT_MS = 20_000;

const EVENTS_PATH = /^\/v1\/conversations\/[^/]+\/events\/?$/;

/**
 * EventSource cannot send headers, so the stream alone takes its conversation token from `?token=`:
 * lifted into the Authorization header before `requireToken`, so that every usual check (expiry, closed
 * conversation, rate limits, roles) applies. Only this route; the request log never writes queries.
 */
export const eventStreamTokenFromQuery: RequestHandler = (req, _res, next) => {
  const token = req.query.token;
  if (req.method === 'GET' && EVENTS_PATH.test(req.path) && !req.get('authorization') && typeof token === 'string' && token) {
    req.headers.authorization = `Bearer ${token}`;
  }
  next();
};

/** The last transcript entry the client has (the `Last-Event-ID` of a reconnect, or `?after=`); 0 for all. */
function lastSeenSeq(req: Request): number {
  const raw = req.get('last-event-id') ?? (typeof req.query.after === 'string' ? req.query.after : undefined);
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, 'invalid_last_event_id', 'Last-Event-ID (or after) must be the seq of a transcript entry: a whole number');
  return Number(raw);
}

/** What the widget shows besides the transcript: who it is talking to, and the choices offered now. */
const statusOf = (view: ConversationView) => ({
  status: view.status,
  ...(view.awaiting ? { awaiting: view.awaiting } : {}),
  ...(view.options?.length ? { options: view.options } : {}),
});

/**
 * `GET /v1/conversations/:id/events`: the conversation live, as server-sent events. `message` (one
 * transcript entry; its `id` is its seq, so a reconnect sends only what is missing), `typing` (a turn
 * started or finished) and `status` (status, awaiting, options). The stream learns of changes from the
 * live-updates hub and then reads the conversation once: no polling.
 */
export function conversationEventRoutes(deps: { gateway: ConversationGateway; heartbeatMs?: number }): Router {
  const router = Router();

  router.get('/:id/events', allowRoles('conversation', 'channel'), async (req, res) => {
    const conversationId = conversationIdOf(req.params.id);
    let sentSeq = lastSeenSeq(req);
    let sentStatus = '';
    let closed = false;
    let reading = false;
    let readAgain = false;
    // Until the first read has answered (a 404 must still be JSON), what happens is held back.
    let started = false;
    const early: string[] = [];
    let changedEarly = false;

    const write = (chunk: string) => {
      if (closed) return;
      if (started) res.write(chunk);
      else early.push(chunk);
    };
    const event = (name: string, data: unknown, id?: number) => write(`${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

    const show = (view: ConversationView) => {
      const fresh = view.transcript.filter((t: Turn) => t.seq > sentSeq);
      for (const turn of fresh) {
        event('message', turn, turn.seq);
        sentSeq = turn.seq;
      }
      // After new entries always: the choices belong to the latest reply, even when they are the same again.
      const status = statusOf(view);
      const key = JSON.stringify(status);
      if (key !== sentStatus || fresh.length > 0) {
        sentStatus = key;
        event('status', status);
      }
      // A closed conversation's token no longer works: the client's reconnect is refused and it starts anew.
      if (view.status === 'closed') stop();
    };

    // Changes that arrive while a read is under way are taken by one more read after it.
    const refresh = async () => {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const view = await deps.gateway.read(conversationId).catch(() => undefined);
          // Nothing to show when no worker answers now; the next change reads again.
          if (view && !closed) show(view);
        } while (readAgain && !closed);
      } finally {
        reading = false;
      }
    };

    const onChange = (change: ConversationChange) => {
      if (change.kind === 'typing') event('typing', { active: change.active });
      else if (!started) changedEarly = true;
      else void refresh();
    };

    let heartbeat: ReturnType<typeof setInterval> | undefined = undefined;
    const stop = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      unwatchStop();
      if (started) res.end();
    };
    // Subscribed before the first read, so that nothing said in between is missed.
    const unsubscribe = subscribe(conversationId, onChange);
    const unwatchStop = liveUpdates.whenStopping(stop);
    req.on('close', stop);
    let first: ConversationView;
    try {
      first = await deps.gateway.read(conversationId);
    } catch (err) {
      stop();
      throw err;
    }
    // The client left, or the server is stopping, while the conversation was read.
    if (closed) throw new HttpError(503, 'shutting_down', 'the server is stopping; connect again in a moment', 2);

    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx would otherwise hold events back in its buffer.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    // How long EventSource waits before reconnecting after a drop.
    res.write('retry: 2000\n\n');
    started = true;
    for (const chunk of early.splice(0)) res.write(chunk);
    heartbeat = setInterval(() => write(': keep-alive\n\n'), deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    res.on('close', stop);

    show(first);
    if (changedEarly) void refresh();
  });

  return router;
}
