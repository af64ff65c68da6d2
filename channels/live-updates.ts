import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import pg from 'pg';
import { isPostgres } from '../db/connection';

/**
 * Live updates for the customer's open chat (the widget's event stream): who changed a conversation says
 * so here, and the streams of that conversation read it again. Only *that* something changed travels,
 * never what: the stream reads the conversation with the reader's own rights.
 */
export type ConversationChange =
  | { conversationId: string; kind: 'message' }
  | { conversationId: string; kind: 'typing'; active: boolean };

export type ChangeListener = (change: ConversationChange) => void;

/** The PostgreSQL channel the API and worker processes tell each other on. */
export const LIVE_UPDATES_CHANNEL = 'open_support_conversation_changes';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * One process's hub. In one process (`npm start`: worker and API together) an announcement reaches
 * the subscribers at once; with PostgreSQL it also goes out by NOTIFY, and what other processes
 * announce comes in by LISTEN, so an API in another process than its worker hears the worker's notices.
 */
export class LiveUpdates {
  private readonly local = new EventEmitter();
  private readonly stopping = new EventEmitter();
  /** Our own NOTIFYs come back to us over LISTEN: they were already delivered locally. */
  private readonly origin = randomUUID();
  private publishers: Knex[] = [];
  private listeners: pg.Client[] = [];

  constructor() {
    // Every open stream subscribes; the default limit of 10 would warn about a busy conversation.
    this.local.setMaxListeners(0);
    this.stopping.setMaxListeners(0);
  }

  /** Calls `onStop` when the process shuts down (see stopStreams), until the returned function is called. */
  whenStopping(onStop: () => void): () => void {
    this.stopping.once('stop', onStop);
    return () => {
      this.stopping.off('stop', onStop);
    };
  }

  /** Ends every open stream: an HTTP server closing waits for its connections, and a stream never ends by itself. */
  stopStreams(): void {
    this.stopping.emit('stop');
  }

  /** Delivers at once in this process, and to other processes over the database when one is connected. Never throws. */
  async announce(change: ConversationChange): Promise<void> {
    this.local.emit(change.conversationId, change);
    const payload = JSON.stringify({ ...change, origin: this.origin });
    await Promise.all(
      this.publishers.map((db) =>
        db.raw('select pg_notify(?, ?)', [LIVE_UPDATES_CHANNEL, payload]).catch(() => {
          // Best effort by design: a stream missing one change catches up with the next one it hears of.
        }),
      ),
    );
  }

  /** Calls `listener` for every change of the conversation until the returned function is called. */
  subscribe(conversationId: string, listener: ChangeListener): () => void {
    this.local.on(conversationId, listener);
    return () => {
      this.local.off(conversationId, listener);
    };
  }

  /**
   * Joins the other processes on this PostgreSQL database: announcements go out by NOTIFY, and theirs
   * come in over a connection of its own (a pooled one would be handed to queries). The returned
   * function leaves again.
   */
  async connectPostgres(db: Knex): Promise<() => Promise<void>> {
    const listener = new pg.Client((db.client as { config: Knex.Config }).config.connection as pg.ClientConfig | string);
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.channel !== LIVE_UPDATES_CHANNEL || !message.payload) return;
      const change = parseChange(message.payload, this.origin);
      if (change) this.local.emit(change.conversationId, change);
    });
    // A connection lost stops live updates from other processes, not the process: streams still hear local changes.
    listener.on('error', () => undefined);
    await listener.query(`LISTEN ${LIVE_UPDATES_CHANNEL}`);
    this.publishers.push(db);
    this.listeners.push(listener);
    return async () => {
      this.publishers = this.publishers.filter((p) => p !== db);
      this.listeners = this.listeners.filter((l) => l !== listener);
      await listener.end().catch(() => undefined);
    };
  }
}

/** Another process's announcement, or undefined for our own and for anything malformed. */
function parseChange(payload: string, ownOrigin: string): ConversationChange | undefined {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { conversationId, kind, active, origin } = data as Record<string, unknown>;
  if (origin === ownOrigin || typeof conversationId !== 'string' || !UUID.test(conversationId)) return undefined;
  if (kind === 'message') return { conversationId, kind };
  if (kind === 'typing' && typeof active === 'boolean') return { conversationId, kind, active };
  return undefined;
}

/** This process's hub: the API's streams subscribe to it, the API and the chat adapter announce on it. */
export const liveUpdates = new LiveUpdates();

export const announceConversationChange = (change: ConversationChange): Promise<void> => liveUpdates.announce(change);

export const subscribe = (conversationId: string, listener: ChangeListener): (() => void) => liveUpdates.subscribe(conversationId, listener);

/** With PostgreSQL, this process joins the others on its database (returns how to leave); with SQLite it is one process anyway. */
export async function connectLiveUpdates(db: Knex): Promise<() => Promise<void>> {
  return isPostgres(db) ? liveUpdates.connectPostgres(db) : async () => undefined;
}
