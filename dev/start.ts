// `npm start`: the whole product on one laptop — Temporal dev server, database, worker, API.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Knex } from 'knex';
import { configuredAppDeps, createConfiguredApp, gatewayOf } from '../api/app';
import { startEmailChannel } from '../channels';
import { connectLiveUpdates, liveUpdates } from '../channels/live-updates';
import { createHttpServer, listenOn } from '../api/server-limits';
import { authenticate, mintToken } from '../auth/token-service';
import { loadConfig, type Config } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedIfEmpty } from '../seed/seed';
import { countStore } from '../db/repositories/store-queries';
import { createLogger, quieterOf, type Logger } from '../observability/logger';
import { startSandboxProvider } from '../payments/sandbox/start-sandbox';
import { createConfiguredWorker } from '../workers/conversation-worker';
import { runWithHeartbeat } from '../workers/heartbeat';
import { installTemporalRuntime } from '../workers/temporal-runtime';
import { configuredPayloadPrivacy } from '../privacy/conversation-keys';
import { resolveTemporalCli } from './temporal-cli';
import { startDevServer, type DevServer } from './temporal-dev-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  // We stop the worker ourselves, in order, on Ctrl-C; routine worker chatter stays out of the console.
  const { metricsServed } = installTemporalRuntime(quieterOf(logger, 'warn'), { shutdownSignals: [], metricsAddress: config.workerMetricsAddress });
  const stack: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('Stopping…');
    for (const stop of stack.reverse()) await stop().catch((err: unknown) => logger.error({ err }, 'a part did not stop cleanly'));
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  // scripts/start.js keeps an IPC channel open to us: if it dies, even by SIGKILL, the channel closes and
  // we stop in order rather than run on unseen, holding the ports.
  process.on('disconnect', () => void stopAll(0));

  try {
    // Before anything starts: in production mode a missing PAYLOAD_KEYS stops us here, with its reason.
    const db = openDatabase(config);
    const { codec, dataConverter } = configuredPayloadPrivacy(config, db);
    const temporal = await temporalFor(config, logger);
    if (temporal.server) stack.push(temporal.server.stop);

    stack.push(() => closeDatabase(db));
    await migrateToLatest(db);
    await seedIfEmpty(db, { seedDir: config.seedDbDir });
    const store = await countStore(db);

    if (config.paymentsSandboxLocal) {
      const sandbox = await startSandboxProvider({
        file: path.join(config.dataDir, 'payments-sandbox.sqlite'),
        port: config.paymentsSandboxPort,
      });
      stack.push(() => sandbox.close());
    }

    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    stack.push(() => nativeConnection.close());
    const worker = await createConfiguredWorker(config, { connection: nativeConnection, db, logger, dataConverter });
    // The heartbeat lets an API started on its own against the same database see this worker too.
    const running = runWithHeartbeat(worker, { db, taskQueue: config.taskQueue, logger });
    stack.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });

    const connection = await Connection.connect({ address: temporal.address });
    stack.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter });
    // The worker here could not take its metrics port: whatever holds it is not this worker, so /metrics does not read it.
    const appConfig = metricsServed ? config : { ...config, workerMetricsUrl: undefined };
    // Worker and API share this process's hub; with PostgreSQL an API or worker started elsewhere joins it too.
    const leaveLiveUpdates = await connectLiveUpdates(db);
    stack.push(leaveLiveUpdates);
    const runtime = { db, client, logger, payloadCodec: codec, localWorkerState: () => worker.getState() };
    const email = await startEmailChannel(config, { db, conversations: gatewayOf(configuredAppDeps(appConfig, runtime)), logger });
    stack.push(() => email.stop());
    const app = createConfiguredApp(appConfig, { ...runtime, email: { inbox: email.inbox, maxBytes: config.maxEmailBytes } });
    const server = await listenOn(createHttpServer(app), config.port, config.host);
    stack.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Open chat widgets' event streams would hold the server open.
          liveUpdates.stopStreams();
        }),
    );

    const token = await demoChannelToken(db, config);
    const widgetKey = await demoWidgetKey(db, config);
    printWelcome({ config, temporal, token, widgetKey, store });
    await running;
  } catch (err) {
    logger.fatal({ err }, 'npm start failed');
    await stopAll(1);
  }
}

async function temporalFor(config: Config, logger: Logger): Promise<{ address: string; uiUrl?: string; server?: DevServer }> {
  if (config.temporalAddress) return { address: config.temporalAddress };
  const cliPath = resolveTemporalCli({ log: (line) => logger.info(line) });
  if (!cliPath) {
    throw new Error(
      'no Temporal CLI found: put `temporal` on PATH, set TEMPORAL_CLI_PATH, install Go (the CLI is then built once), or set TEMPORAL_ADDRESS to an existing cluster',
    );
  }
  logger.info('Starting the Temporal dev server…');
  const server = await startDevServer({
    cliPath,
    dataDir: config.dataDir,
    port: config.temporalDevPort,
    uiPort: config.temporalUiPort,
    namespace: config.temporalNamespace,
    log: (line) => logger.info(line),
  });
  return { address: server.address, uiUrl: server.uiUrl, server };
}

/** The same demo token on every start (kept in the data folder), so a copied curl line keeps working. */
async function demoChannelToken(db: Knex, config: Config): Promise<string> {
  const file = path.join(config.dataDir, 'demo-channel-token');
  const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (saved && (await authenticate(db, saved))?.role === 'channel') return saved;
  const token = await mintToken(db, { role: 'channel', name: 'npm start demo' });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** The chat page's public key, for the page as PUBLIC_BASE_URL serves it: it can only open conversations. */
async function demoWidgetKey(db: Knex, config: Config): Promise<string> {
  const file = path.join(config.dataDir, 'demo-widget-key');
  const origin = new URL(config.publicBaseUrl).origin;
  const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  const principal = saved ? await authenticate(db, saved) : undefined;
  if (saved && principal?.role === 'widget' && principal.origin === origin) return saved;
  const key = await mintToken(db, { role: 'widget', name: 'npm start chat page', origin });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

function printWelcome(info: {
  config: Config;
  temporal: { address: string; uiUrl?: string };
  token: string;
  widgetKey: string;
  store: { customers: number; orders: number; products: number };
}): void {
  const host = ['0.0.0.0', '::', '127.0.0.1'].includes(info.config.host) ? 'localhost' : info.config.host;
  const api = `http://${host}:${info.config.port}`;
  // The welcome screen, not a log line: it holds the demo token, which the logger would (rightly) redact.
  process.stdout.write(`
Support is up.
  API          ${api}   (health: ${api}/healthz, Prometheus: ${api}/metrics)
  Temporal     ${info.temporal.address}${info.temporal.uiUrl ? `   Web UI: ${info.temporal.uiUrl}` : ''}
  Database     ${info.config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : info.config.sqliteFile}
  Payments     ${info.config.paymentProviderUrl}${info.config.paymentsSandboxLocal ? ' (sandbox provider)' : ''}
  Store        ${info.store.customers} customers, ${info.store.orders} orders, ${info.store.products} products
  E-mail       ${info.config.smtpPort === 0 ? 'SMTP off (SMTP_PORT=0); ' : `SMTP ${host}:${info.config.smtpPort} takes mail for ${info.config.supportEmail}; `}replies go ${info.config.smtpRelay ? `to ${info.config.smtpRelay}` : `to ${path.join(info.config.dataDir, 'outbox-mail')} as .eml files`}
  Pages        ${api}/chat?key=${info.widgetKey} (customer chat; the key only opens conversations from ${new URL(info.config.publicBaseUrl).origin})   ${api}/console (agents: npm run -s cli -- auth token --role agent --name NAME)   ${api}/help

Try it (a channel token was minted for you):
  TOKEN=${info.token}
  CONV=$(curl -s -X POST ${api}/v1/conversations -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"channel":"chat"}' | sed -E 's/.*"conversationId":"([^"]+)".*/\\1/')
  curl -s -X POST ${api}/v1/conversations/$CONV/messages -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"text":"Hello"}'

Ctrl-C stops everything; the next npm start goes on from the same data.
`);
}

void main();
