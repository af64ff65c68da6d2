import crypto from 'node:crypto';

/**
 * Customers typing at once, from outside over HTTP: the benchmark (bench/turns.ts) and the soak and
 * scale-out tests drive the product's API and the bench's floor endpoint with it. Every message carries
 * an Idempotency-Key, so a message retried after a refused or broken request (a restarting Temporal
 * server) is the same message, and at the end each conversation's transcript is read back: a message
 * missing there is lost, one there twice is duplicated.
 */

/** What a load needs of a chat service: the product's API and the floor endpoint both answer this shape. */
export interface ChatTarget {
  name: string;
  /** A new conversation and its first message; resolves once the first reply is back. */
  firstTurn(text: string): Promise<string>;
  /** One message; true when the reply came with the answer, false when it was accepted for later (202). */
  turn(conversationId: string, text: string, key: string): Promise<boolean>;
  /** The customer's messages as the conversation recorded them. */
  customerTexts(conversationId: string): Promise<string[]>;
}

export interface LoadResult {
  conversations: string[];
  /** Milliseconds of each first turn (conversation start and first message). */
  firstTurnMs: number[];
  /** Milliseconds of each later turn, retries included. */
  turnMs: number[];
  /** Wall time of the later turns, first to last. */
  wallMs: number;
  /** Messages sent (first ones included) and how many were answered 202 (the reply comes later). */
  sent: number;
  deferred: number;
  /** Requests that failed and were sent again with the same key. */
  retries: number;
}

export interface LoadOptions {
  conversations: number;
  /** Later turns per conversation, after the first one. */
  turns: number;
  texts?: readonly string[];
  /** How long a message may be retried before the load gives up on it (a restart can take a while). */
  retryForMs?: number;
  /** Called after each later turn with how many are done, so a caller can act mid-run (restart a server). */
  progress?: (done: number, total: number) => void;
  /** Runs once every first turn is answered, before the later turns start (to read the API's counters, say). */
  afterFirstTurns?: () => Promise<void>;
}

export const PLAIN_TURNS = ['hi', 'where is my order', 'thanks'] as const;

/** Why a request failed in a way worth retrying: the service or something behind it is down for a moment. */
export class RetryableError extends Error {}

export async function runLoad(target: ChatTarget, options: LoadOptions): Promise<LoadResult> {
  const texts = options.texts ?? PLAIN_TURNS;
  const retryForMs = options.retryForMs ?? 0;
  const result: LoadResult = { conversations: [], firstTurnMs: [], turnMs: [], wallMs: 0, sent: 0, deferred: 0, retries: 0 };
  const retrying = async <T>(what: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + retryForMs;
    for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
      try {
        return await what();
      } catch (err) {
        if (!(err instanceof RetryableError) || Date.now() > deadline) throw err;
        result.retries++;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  const ids = await Promise.all(
    Array.from({ length: options.conversations }, async () => {
      const started = performance.now();
      const id = await retrying(() => target.firstTurn(texts[0] as string));
      result.firstTurnMs.push(performance.now() - started);
      result.sent++;
      return id;
    }),
  );
  result.conversations = ids;
  await options.afterFirstTurns?.();
  const total = options.conversations * options.turns;
  let done = 0;
  const began = performance.now();
  await Promise.all(
    ids.map(async (id, c) => {
      for (let t = 1; t <= options.turns; t++) {
        const text = texts[(c + t) % texts.length] as string;
        const key = `load-${crypto.randomUUID()}`;
        const started = performance.now();
        const replied = await retrying(() => target.turn(id, text, key));
        result.turnMs.push(performance.now() - started);
        result.sent++;
        if (!replied) result.deferred++;
        options.progress?.(++done, total);
      }
    }),
  );
  result.wallMs = performance.now() - began;
  return result;
}

export interface Tally {
  conversations: number;
  expected: number;
  recorded: number;
  lost: number;
  duplicated: number;
}

/** How long one transcript read is tried again while it is refused. */
const READ_RETRY_MS = 10 * 60_000;

/** Each conversation's transcript against what was sent to it: `1 + turns` customer messages each. */
export async function tallyTranscripts(target: ChatTarget, load: LoadResult, turns: number, readFor = async (id: string) => target.customerTexts(id)): Promise<Tally> {
  const tally: Tally = { conversations: load.conversations.length, expected: 0, recorded: 0, lost: 0, duplicated: 0 };
  for (let i = 0; i < load.conversations.length; i += 20) {
    const batch = load.conversations.slice(i, i + 20);
    // A read is a Query, answered by a worker: on a busy machine it may be refused for a while (503), as
    // after a soak, when the worker replays a thousand conversations past its cache to answer them.
    const read = async (id: string): Promise<number> => {
      const until = Date.now() + READ_RETRY_MS;
      for (;;) {
        try {
          return (await readFor(id)).length;
        } catch (err) {
          if (!(err instanceof RetryableError) || Date.now() > until) throw err;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    };
    const counts = await Promise.all(batch.map(read));
    for (const count of counts) {
      tally.expected += 1 + turns;
      tally.recorded += count;
      tally.lost += Math.max(0, 1 + turns - count);
      tally.duplicated += Math.max(0, count - 1 - turns);
    }
  }
  return tally;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

type Json = Record<string, unknown>;

async function json(res: Response, what: string): Promise<Json> {
  const text = await res.text();
  // Refused for a moment (a 503 while Temporal restarts, a 429 under load) or the server broke: worth another try.
  if (res.status === 503 || res.status === 429 || res.status === 502 || res.status === 500 || res.status === 504) throw new RetryableError(`${what}: ${res.status} ${text.slice(0, 200)}`);
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Json) : {};
}

async function post(url: string, body: unknown, headers: Record<string, string>, what: string): Promise<{ status: number; body: Json }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  } catch (err) {
    throw new RetryableError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = await json(res, what);
  return { status: res.status, body: parsed };
}

async function get(url: string, headers: Record<string, string>, what: string): Promise<Json> {
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch (err) {
    throw new RetryableError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return json(res, what);
}

/**
 * The product's API with a channel token; `baseUrls` are taken in turn, a conversation staying on the
 * API it was opened on unless `spread` sends each request to the next API (any replica can take any request).
 */
export function productTarget(baseUrls: readonly string[], token: string, options: { spread?: boolean } = {}): ChatTarget {
  let next = 0;
  const home = new Map<string, string>();
  const pick = (id?: string): string => {
    if (id && !options.spread) return home.get(id) as string;
    return baseUrls[next++ % baseUrls.length] as string;
  };
  const auth = { authorization: `Bearer ${token}` };
  // One key per conversation start, so a start retried after a broken connection is not a second conversation's message.
  const send = async (base: string, id: string, text: string, key: string) => {
    const res = await post(`${base}/v1/conversations/${id}/messages`, { text }, { ...auth, 'idempotency-key': key }, `message to ${id}`);
    return res.status === 200;
  };
  return {
    name: 'product',
    async firstTurn(text) {
      const base = pick();
      // Start and first message in one request (update-with-start behind the API): one round trip.
      const created = await post(`${base}/v1/conversations`, { channel: 'chat', message: { text } }, auth, 'new conversation');
      const id = created.body.conversationId as string;
      home.set(id, base);
      return id;
    },
    turn: (id, text, key) => send(pick(id), id, text, key),
    async customerTexts(id) {
      const view = await get(`${pick(id)}/v1/conversations/${id}`, auth, `conversation ${id}`);
      return (view.transcript as { from: string; text: string }[]).filter((t) => t.from === 'customer').map((t) => t.text);
    },
  };
}
