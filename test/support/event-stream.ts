/** A server-sent event as the browser's EventSource would hand it over. */
export interface StreamEvent {
  event: string;
  data: string;
  id?: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** Every event so far, and the comments (heartbeats) counted apart. */
  events: StreamEvent[];
  comments: number;
  /** Resolves with the first event (not yet taken) that matches; fails after `timeoutMs`. */
  next(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): void;
}

/** Opens an event stream over fetch and parses it by the SSE rules (fields, blank line ends an event). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: StreamEvent[] = [];
  let taken = 0;
  let done = false;
  const waiters = new Set<() => void>();
  const stream: EventStream = {
    status: response.status,
    headers: response.headers,
    events,
    comments: 0,
    async next(match, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (let i = taken; i < events.length; i++) {
          const found = events[i]!;
          if (match(found)) {
            taken = i + 1;
            return found;
          }
        }
        if (done) throw new Error(`the stream ended without the event; it sent ${JSON.stringify(events)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; the stream sent ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    ended: () => done,
    close: () => abort.abort(),
  };
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  if (!response.ok || !response.body) {
    done = true;
    return stream;
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: Partial<StreamEvent> & { data?: string } = {};
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (current.data !== undefined) events.push({ event: current.event ?? 'message', data: current.data, ...(current.id !== undefined ? { id: current.id } : {}) });
            current = {};
            wake();
          } else if (line.startsWith(':')) {
            stream.comments += 1;
            wake();
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') current.data = current.data === undefined ? value : `${current.data}\n${value}`;
            else if (field === 'event') current.event = value;
            else if (field === 'id') current.id = value;
          }
        }
      }
    } catch {
      // Aborted by close(), or the connection dropped: either way the stream is over.
    } finally {
      done = true;
      wake();
    }
  })();
  return stream;
}
