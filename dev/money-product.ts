import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { payloadPrivacy } from '../privacy/conversation-keys';
import { formatPayloadKeys, newPayloadKey, parsePayloadKeys } from '../privacy/payload-keys';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Client } from '@temporalio/client';
import crypto from 'node:crypto';
import knex, { type Knex } from 'knex';
import { createApp } from '../api/app';
import type { RateLimits } from '../api/rate-limits';
import type { Role } from '../auth/roles';
import { mintToken } from '../auth/token-service';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { startSandboxProvider, type RunningSandbox } from '../payments/sandbox/start-sandbox';

/**
 * What the money drills need of a running product: the API's address, its database (and the folder
 * of its SQLite file, for a worker process to open), Temporal, and the sandbox provider with its book
 * and fault injection. The tests' stack is one; `startMoneyProduct` starts one for the benchmark.
 */
export interface MoneyProduct {
  baseUrl: string;
  db: Knex;
  /** The folder of the SQLite file, when there is no `databaseUrl`. */
  dataDir: string;
  /** The PostgreSQL URL (with its own schema) a worker process opens, when the product runs on PostgreSQL. */
  databaseUrl?: string;
  temporal: { address: string; namespace: string; client: Client };
  /** PAYLOAD_KEYS for the worker processes: the key the API's client encrypts with. */
  payloadKeys: string;
  taskQueue: string;
  sandbox: RunningSandbox;
  token(role: Role): Promise<string>;
  close(): Promise<void>;
}

/** Asks the sandbox (started with faults enabled) to fail its next refund requests. */
export async function injectProviderFault(sandboxUrl: string, fault: { route: 'refunds' | 'reversals'; mode: 'fail_before' | 'fail_after' | 'hang_after'; times?: number }): Promise<void> {
  const res = await fetch(`${sandboxUrl}/v1/_faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ times: 1, ...fault }) });
  if (res.status !== 204) throw new Error(`fault injection refused: ${res.status} ${await res.text()}`);
}

let queues = 0;

/**
 * The API, a fresh SQLite file and the sandbox provider (faults on), on a Temporal server that runs
 * elsewhere; no worker: the drill runs the production worker in processes of its own.
 */
export async function startMoneyProduct(options: {
  temporalAddress: string;
  /** A PostgreSQL database to use (in a fresh schema of its own, dropped at close) instead of a SQLite file. */
  postgresUrl?: string;
  timings?: { approvalTimeoutMs?: number; handoffSlaMs?: number };
  /** The API's request limits; the product's defaults unless given (a load test lifts them to measure turns, not the limiter). */
  rateLimits?: RateLimits;
}): Promise<MoneyProduct> {
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'money-drill-'));
    stops.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const databaseUrl = options.postgresUrl ? await freshSchema(options.postgresUrl, stops) : undefined;
    const db = openDatabase({ sqliteFile: path.join(dataDir, 'support.sqlite'), ...(databaseUrl ? { databaseUrl } : {}) });
    stops.push(() => closeDatabase(db));
    await migrateToLatest(db);
    const keyring = parsePayloadKeys(formatPayloadKeys([newPayloadKey('drill')]));
    const { dataConverter } = payloadPrivacy(keyring, db);
    const env = await TestWorkflowEnvironment.createFromExistingServer({ address: options.temporalAddress, client: { dataConverter } });
    stops.push(() => env.teardown());
    const sandbox = await startSandboxProvider({ file: ':memory:', port: 0, faultsEnabled: true });
    stops.push(() => sandbox.close());
    const namespace = env.namespace ?? 'default';
    const taskQueue = `money-drill-${process.pid}-${++queues}`;
    const app = createApp({ db, client: env.client, namespace, taskQueue, idleTimeoutMs: 60 * 60_000, maxBodyBytes: 16 * 1024, timings: options.timings, ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}) });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      db,
      dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      temporal: { address: options.temporalAddress, namespace, client: env.client },
      payloadKeys: formatPayloadKeys([keyring.primary]),
      taskQueue,
      sandbox,
      token: (role) => mintToken(db, { role, name: `drill ${role}` }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A new schema in the PostgreSQL database at `baseUrl`, and a URL whose connections use it; dropped at close. */
async function freshSchema(baseUrl: string, stops: (() => Promise<void>)[]): Promise<string> {
  const schema = `drill_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: baseUrl, pool: { min: 0, max: 1 } });
  await admin.raw('CREATE SCHEMA ??', [schema]);
  stops.push(async () => {
    await admin.raw('DROP SCHEMA ?? CASCADE', [schema]);
    await admin.destroy();
  });
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
