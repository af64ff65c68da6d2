import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** What the stand-in does with the next request. */
export type Scripted =
  | { kind: 'tool'; input: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang'; ms: number };

export interface MessagesStandIn {
  url: string;
  requests: { headers: Record<string, string | string[] | undefined>; body: any }[];
  script(...next: Scripted[]): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Anthropic's Messages API (`POST /v1/messages`), answering in the API's
 * own wire format, so tests run the real @anthropic-ai/sdk against it through `baseURL`. Scripted
 * answers come first; then `otherwise` answers every request (a 500 without it).
 */
export async function startMessagesStandIn(options: { otherwise?: (body: any) => Scripted } = {}): Promise<MessagesStandIn> {
  const queue: Scripted[] = [];
  const requests: MessagesStandIn['requests'] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/v1/messages', async (req, res) => {
    requests.push({ headers: req.headers, body: req.body });
    const next = queue.shift() ?? options.otherwise?.(req.body) ?? { kind: 'status', status: 500 };
    if (next.kind === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, next.ms));
      if (res.writableEnded || req.socket.destroyed) return;
    }
    if (next.kind === 'status') {
      res.status(next.status).json({ type: 'error', error: { type: next.status === 529 ? 'overloaded_error' : 'api_error', message: 'stand-in failure' } });
      return;
    }
    const content =
      next.kind === 'tool'
        ? [{ type: 'tool_use', id: `toolu_${requests.length}`, name: req.body.tool_choice?.name ?? 'tool', input: next.input }]
        : [{ type: 'text', text: next.kind === 'text' ? next.text : '' }];
    res.json({
      id: `msg_${requests.length}`,
      type: 'message',
      role: 'assistant',
      model: req.body.model,
      content,
      stop_reason: next.kind === 'tool' ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 6 },
    });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script: (...next) => queue.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
