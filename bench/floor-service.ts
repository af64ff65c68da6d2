import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { RetryableError, type ChatTarget } from '../dev/turn-load';
import { floorConversation, floorMessage, floorTranscript } from './floor/workflows';

/**
 * The floor, measured the way the product is: over HTTP. A tiny server (no framework, no database)
 * turns each request into one Temporal call on a workflow that does nothing (bench/floor/workflows.ts),
 * whose worker runs here on a task queue of its own on the product's Temporal server. What is left is
 * an HTTP hop, the client's gRPC call, the server's writes and one workflow task: the least a turn
 * through a Temporal Update can cost on this machine.
 */
export interface FloorService {
  baseUrl: string;
  target: ChatTarget;
  close(): Promise<void>;
}

const ID = /^[0-9a-f-]{36}$/;

export async function startFloorService(temporalAddress: string, namespace = 'default'): Promise<FloorService> {
  const taskQueue = `bench-floor-${process.pid}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./floor/workflows'), logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ connection: nativeConnection, namespace, taskQueue, workflowBundle });
  const running = worker.run();
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection, namespace });
  const started: string[] = [];

  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const parts = (req.url ?? '').split('/').filter(Boolean);
        let text: unknown;
        if (req.method === 'POST') {
          try {
            text = (JSON.parse(raw) as { text?: unknown }).text;
          } catch {
            return answer(res, 400, { error: 'invalid_json', message: 'the body must be JSON' });
          }
          if (typeof text !== 'string' || text.length === 0) return answer(res, 400, { error: 'invalid_message', message: 'text must be a non-empty string' });
        }
        if (parts[0] !== 'floor') return answer(res, 404, { error: 'not_found', message: 'no such route' });
        if (req.method === 'POST' && parts.length === 2 && parts[1] === 'first') {
          const conversationId = crypto.randomUUID();
          // The first turn in one round trip: start and message together (update-with-start).
          const reply = await client.workflow.executeUpdateWithStart(floorMessage, {
            args: [text as string],
            startWorkflowOperation: new WithStartWorkflowOperation(floorConversation, { workflowId: `floor-${conversationId}`, taskQueue, workflowIdConflictPolicy: 'FAIL' }),
          });
          started.push(conversationId);
          return answer(res, 200, { conversationId, ...reply });
        }
        const id = parts[1] ?? '';
        if (!ID.test(id)) return answer(res, 404, { error: 'not_found', message: 'no such conversation' });
        const handle = client.workflow.getHandle(`floor-${id}`);
        if (req.method === 'POST' && parts[2] === 'messages') {
          const key = req.headers['idempotency-key'];
          const reply = await handle.executeUpdate(floorMessage, { args: [text as string], ...(typeof key === 'string' ? { updateId: key } : {}) });
          return answer(res, 200, reply);
        }
        if (req.method === 'GET' && parts.length === 2) return answer(res, 200, { messages: await handle.query(floorTranscript) });
        return answer(res, 404, { error: 'not_found', message: 'no such route' });
      })().catch((err: unknown) => answer(res, 503, { error: 'temporal_unavailable', message: err instanceof Error ? err.message : String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      throw new RetryableError(err instanceof Error ? err.message : String(err));
    }
    const parsed = (await res.json()) as { message?: string; conversationId?: string; messages?: string[] };
    if (res.status === 503) throw new RetryableError(parsed.message ?? 'unavailable');
    if (res.status !== 200) throw new Error(`floor ${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  const target: ChatTarget = {
    name: 'floor',
    firstTurn: async (text) => (await call('POST', '/floor/first', { text })).conversationId as string,
    turn: async (id, text, key) => {
      await call('POST', `/floor/${id}/messages`, { text }, { 'idempotency-key': key });
      return true;
    },
    customerTexts: async (id) => (await call('GET', `/floor/${id}`)).messages as string[],
  };
  return {
    baseUrl,
    target,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (let i = 0; i < started.length; i += 50) {
        await Promise.all(started.slice(i, i + 50).map((id) => client.workflow.getHandle(`floor-${id}`).terminate('bench over').catch(() => undefined)));
      }
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}
