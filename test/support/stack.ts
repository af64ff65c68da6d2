import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import net from 'node:net';
import { createApp, gatewayOf, type AppDeps } from '../../api/app';
import { mailOutOf, startEmailChannel, type EmailChannel } from '../../channels';
import { silentLogger } from '../../observability/logger';
import { createHttpServer, listenOn, type ServerLimits } from '../../api/server-limits';
import type { GatewayOptions } from '../../api/conversation-gateway';
import type { PolicySettings } from '../../domain/policy';
import type { Role } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { importTauStore } from '../../tau/store/import';
import type { Logger } from '../../observability/logger';
import { createConversationWorker } from '../../workers/conversation-worker';
import { intentClassifierFor } from '../../llm/anthropic-intent-classifier';
import { replyPhraserFor } from '../../llm/anthropic-reply-phraser';
import type { AdaptersOver } from '../../channels';
import { runWithHeartbeat } from '../../workers/heartbeat';
import type { MoneyProduct } from '../../dev/money-product';
import { startTestPayments, type TestPayments } from './payments';
import { temporaryDatabase, type TestDatabase } from './database';
import type { StoredDataKeys } from '../../privacy/conversation-keys';
import { TEST_PAYLOAD_KEYS } from './payload-privacy';
import type { TwilioAccountSettings } from '../../channels/voice/sms-sender';
import { privacyOf, startTemporal, uniqueTaskQueue, workflowBundle } from './temporal';

export interface TestStack {
  baseUrl: string;
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  payments: TestPayments;
  taskQueue: string;
  /** The conversations' payload keys in this stack's database (what erasure destroys). */
  dataKeys: StoredDataKeys;
  token(role: Role, conversationId?: string): Promise<string>;
  /** Starts the worker, with other policy settings when given (a restart after a configuration change). */
  startWorker(restart?: { policy?: PolicySettings }): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
  /** The e-mail channel, when asked for (StackOptions.email): its inbox, and its SMTP listener's port. */
  email?: EmailChannel;
}

export interface StackOptions {
  continueAsNewAfterTurns?: number;
  idleTimeoutMs?: number;
  /** A store folder in the tau-bench format to import first, as SEED_DB_DIR does for `npm start`. */
  seedDbDir?: string;
  /** Handoff, approval and follow-up timers for new conversations (short ones make tests quick). */
  timings?: GatewayOptions['timings'];
  /** Policy settings for the worker's action layer (a low refund limit makes approvals reachable). */
  policy?: PolicySettings;
  /** How long refund sagas wait out a provider that is down (REFUND_RETRY_MINUTES); short ones make outage tests quick. */
  refundRetryMs?: number;
  /** ACCOUNT_ERASURE_GRACE_DAYS in ms: a short one lets a test see an erasure happen. */
  accountErasureGraceMs?: number;
  /** Where the API's request lines and the worker's activity lines go (nowhere when left out). */
  logger?: Logger;
  /** TURN_TIMEOUT_SECONDS in ms: a turn not finished this long is answered 202 (short ones make worker-down tests quick). */
  turnTimeoutMs?: number;
  /** How long a read waits for a worker before answering 503. */
  readTimeoutMs?: number;
  /** The Temporal server to run on; the dev server unless a test needs another (e.g. the time-skipping one). */
  temporal?: () => Promise<TestWorkflowEnvironment>;
  /** False leaves the worker to the test (a worker process it can kill, say); `startWorker()` still starts one here. */
  worker?: boolean;
  /** METRICS_TOKEN and WORKER_METRICS_URL for the API's `/metrics`. */
  metrics?: AppDeps['metrics'];
  /** Requests per minute per address and per token; the product's defaults unless given. */
  rateLimits?: AppDeps['rateLimits'];
  /** Header, request and keep-alive timeouts of the HTTP server; the product's defaults unless given. */
  serverLimits?: ServerLimits;
  /** The channels the worker delivers notices through; every adapter of channels/ unless given. */
  channelAdapters?: AdaptersOver;
  /** The e-mail channel: an SMTP listener on a free port, replies and outbox mail to `relay` (host:port), else .eml files. */
  email?: { relay?: string; supportAddress?: string; maxBytes?: number; retryEveryMs?: number };
  /** Twilio's webhooks (auth token, the public URL Twilio signs, the agent line) and the account the worker texts from. */
  twilio?: { webhooks?: AppDeps['twilio']; account?: TwilioAccountSettings };
  /** WIDGET_ORIGINS: the page origins the chat widget may run on; any unless given. */
  widgetOrigins?: AppDeps['widgetOrigins'];
  /** How often an idle event stream gets a keep-alive comment. */
  eventStreamHeartbeatMs?: number;
  /** Claude configured (the LLM tier and the phrasing), its Messages API at this address: a local stand-in (support/messages-api-standin). */
  llm?: { baseURL: string };
}

/** The real product on one test's terms: dev server, SQLite, worker and API on a free port. */
export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const [env, database, payments] = await Promise.all([(options.temporal ?? startTemporal)(), temporaryDatabase(), startTestPayments()]);
  if (options.seedDbDir) await importTauStore(database.db, options.seedDbDir);
  const privacy = privacyOf(env);
  const dataKeys = privacy.bind(database.db);
  const taskQueue = uniqueTaskQueue('api');
  const namespace = env.namespace ?? 'default';
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const appDeps: AppDeps = {
    db: database.db,
    client: env.client,
    namespace,
    taskQueue,
    idleTimeoutMs: options.idleTimeoutMs ?? 60 * 60_000,
    maxBodyBytes: 16 * 1024,
    continueAsNewAfterTurns: options.continueAsNewAfterTurns,
    timings: options.timings,
    // A loaded test machine (and a refund saga's retries) can make a turn or a read slow without any part
    // being down; only the tests about a missing worker ask for the product's short limits.
    turnTimeoutMs: options.turnTimeoutMs ?? 120_000,
    readTimeoutMs: options.readTimeoutMs ?? 30_000,
    localWorkerState: () => worker?.getState() ?? 'STOPPED',
    logger: options.logger,
    metrics: options.metrics,
    payloadCodec: privacy.codec,
    codecOrigins: ['http://localhost:8233'],
    rateLimits: options.rateLimits,
    widgetOrigins: options.widgetOrigins,
    eventStreamHeartbeatMs: options.eventStreamHeartbeatMs,
    twilio: options.twilio?.webhooks,
    ...(options.llm ? { llmEnabled: true } : {}),
  };
  const emailSettings = options.email && {
    supportEmail: options.email.supportAddress ?? 'support@example.com',
    smtpRelay: options.email.relay,
    dataDir: database.dir,
    smtpPort: await freePort(),
    host: '127.0.0.1',
    maxEmailBytes: options.email.maxBytes ?? 1024 * 1024,
  };
  const email = emailSettings
    ? await startEmailChannel(emailSettings, { db: database.db, conversations: gatewayOf(appDeps), logger: options.logger ?? silentLogger, retryEveryMs: options.email?.retryEveryMs ?? 0 })
    : undefined;
  const llmSettings = options.llm && { anthropicApiKey: 'test-key', anthropicBaseUrl: options.llm.baseURL };
  const app = createApp({ ...appDeps, ...(email && emailSettings ? { email: { inbox: email.inbox, maxBytes: emailSettings.maxEmailBytes } } : {}) });
  // The product's server, with its limits on slow clients (shorter when a test asks).
  const server: Server = await listenOn(createHttpServer(app, options.serverLimits), 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;

  const stack: TestStack = {
    baseUrl: `http://127.0.0.1:${port}`,
    env,
    database,
    payments,
    taskQueue,
    dataKeys,
    ...(email ? { email } : {}),
    token: (role, conversationId) => mintToken(database.db, { role, name: `test ${role}`, conversationId }),
    async startWorker(restart) {
      worker = await createConversationWorker({
        connection: env.nativeConnection,
        dataConverter: privacy.dataConverter,
        namespace,
        taskQueue,
        db: database.db,
        payments: payments.provider,
        ...((restart?.policy ?? options.policy) ? { policy: restart?.policy ?? options.policy } : {}),
        ...(options.refundRetryMs !== undefined ? { refundRetryMs: options.refundRetryMs } : {}),
        ...(options.accountErasureGraceMs !== undefined ? { accountErasureGraceMs: options.accountErasureGraceMs } : {}),
        logger: options.logger,
        ...(options.channelAdapters ? { channelAdapters: options.channelAdapters } : {}),
        ...(emailSettings ? { mail: mailOutOf(emailSettings) } : {}),
        twilio: options.twilio?.account,
        ...(llmSettings ? { llm: intentClassifierFor(llmSettings), phraser: replyPhraserFor(llmSettings) } : {}),
        workflowBundle: await workflowBundle(),
      });
      running = runWithHeartbeat(worker, { db: database.db, taskQueue });
    },
    async stopWorker() {
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await running;
      worker = undefined;
    },
    async close() {
      await stack.stopWorker();
      await email?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await env.teardown();
      await database.close();
      await payments.sandbox.close();
    },
  };
  if (options.worker !== false) await stack.startWorker();
  return stack;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The stack as the money drivers of dev/money-flows.ts see a product (its worker runs in this process). */
export const moneyProductOf = (stack: TestStack): MoneyProduct => ({
  baseUrl: stack.baseUrl,
  db: stack.database.db,
  dataDir: stack.database.dir,
  temporal: { address: stack.env.address, namespace: stack.env.namespace ?? 'default', client: stack.env.client },
  payloadKeys: TEST_PAYLOAD_KEYS,
  taskQueue: stack.taskQueue,
  sandbox: stack.payments.sandbox,
  token: (role) => stack.token(role),
  close: () => stack.close(),
});

export interface Reply {
  status: number;
  body: any;
}

/** A JSON call to the test API; `body` as a string is sent raw (for malformed-JSON tests). */
export async function call(
  stack: TestStack,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export interface Chat {
  id: string;
  /** One customer message; the reply body (a message that is not answered with 200 fails the test). */
  say(text: string): Promise<any>;
  /** GET /v1/conversations/:id */
  view(): Promise<any>;
}

/** A new chat conversation over the API, talked to with a channel token. */
export async function startChat(stack: TestStack, channelToken: string): Promise<Chat> {
  const created = await call(stack, 'POST', '/v1/conversations', { token: channelToken, body: { channel: 'chat' } });
  if (created.status !== 201) throw new Error(`could not start a conversation: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.conversationId as string;
  return {
    id,
    async say(text) {
      const res = await call(stack, 'POST', `/v1/conversations/${id}/messages`, { token: channelToken, body: { text } });
      if (res.status !== 200) throw new Error(`"${text}" was answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async view() {
      return (await call(stack, 'GET', `/v1/conversations/${id}`, { token: channelToken })).body;
    },
  };
}
