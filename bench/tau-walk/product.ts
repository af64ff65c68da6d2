/**
 * The product in this process for the tau walk: a Temporal dev server, a fresh SQLite store, the
 * payments sandbox, the conversation worker and the API on a free port. The walk talks to it only
 * over HTTP and reads its store; the integration test walks the same tasks on its own test stack.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Knex } from 'knex';
import { createApp } from '../../api/app';
import type { Role } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { closeDatabase, openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { PolicySettings } from '../../domain/policy';
import { HttpPaymentProvider } from '../../payments/http-payment-provider';
import { startSandboxProvider } from '../../payments/sandbox/start-sandbox';
import { createConversationWorker } from '../../workers/conversation-worker';
import { EncryptionCodec } from '../../privacy/payload-codec';
import { newPayloadKey } from '../../privacy/payload-keys';

/** What the walk needs of a running product (the tests' TestStack is one). */
export interface RunningProduct {
  baseUrl: string;
  database: { db: Knex };
  token(role: Role): Promise<string>;
  close(): Promise<void>;
}

/** Starts the product; TEMPORAL_CLI_PATH names the dev server binary (`npm run bench:tau` finds it). */
export async function startProduct(options: { policy?: PolicySettings } = {}): Promise<RunningProduct> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    // The product's codec with a key of this run: the walk pays what encryption costs.
    const key = newPayloadKey('bench');
    const dataConverter = { payloadCodecs: [new EncryptionCodec({ primary: key, byId: new Map([[key.id, key.key]]) })] };
    const env = await TestWorkflowEnvironment.createLocal({
      client: { dataConverter },
      server: { ...(cliPath ? { executable: { type: 'existing-path', path: cliPath } } : {}), ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
    });
    stops.push(() => env.teardown());

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tau-walk-'));
    const db = openDatabase({ sqliteFile: path.join(dir, 'support.sqlite') });
    stops.push(async () => {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await migrateToLatest(db);

    const sandbox = await startSandboxProvider({ file: ':memory:', port: 0 });
    stops.push(() => sandbox.close());

    const namespace = env.namespace ?? 'default';
    const taskQueue = 'tau-walk';
    const worker = await createConversationWorker({
      connection: env.nativeConnection,
      dataConverter,
      namespace,
      taskQueue,
      db,
      payments: new HttpPaymentProvider(sandbox.url),
      ...(options.policy ? { policy: options.policy } : {}),
    });
    const running = worker.run();
    stops.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });

    const app = createApp({
      db,
      client: env.client,
      namespace,
      taskQueue,
      idleTimeoutMs: 60 * 60_000,
      maxBodyBytes: 16 * 1024,
      localWorkerState: () => worker.getState(),
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;

    return {
      baseUrl: `http://127.0.0.1:${port}`,
      database: { db },
      token: (role) => mintToken(db, { role, name: `tau walk ${role}` }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
