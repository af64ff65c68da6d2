// Production entry of the API (temporal-docker/): serves HTTP until SIGTERM.
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { createLogger, type Logger } from '../observability/logger';
import { configuredPayloadPrivacy } from '../privacy/conversation-keys';
import { startEmailChannel } from '../channels';
import { connectLiveUpdates, liveUpdates } from '../channels/live-updates';
import { configuredAppDeps, createConfiguredApp, gatewayOf } from './app';
import { createHttpServer, listenOn } from './server-limits';

// Replaced by the configured one once LOG_LEVEL is read; until then (a bad configuration) errors still get out.
let logger: Logger = createLogger({ level: 'info', base: { service: 'api' } });

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel, base: { service: 'api' } });
  const db = openDatabase(config);
  const { codec, dataConverter } = configuredPayloadPrivacy(config, db);
  await migrateToLatest(db);
  const connection = await Connection.connect({ address: config.temporalAddress ?? 'localhost:7233' });
  const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter });
  // The worker runs in another process here: its chat notices reach the open widgets over PostgreSQL.
  const leaveLiveUpdates = await connectLiveUpdates(db);
  const runtime = { db, client, logger, payloadCodec: codec };
  // The e-mail channel talks to conversations as the API does; SMTP_PORT=0 leaves only its webhook.
  const email = await startEmailChannel(config, { db, conversations: gatewayOf(configuredAppDeps(config, runtime)), logger });
  if (email.smtp) logger.info({ host: config.host, port: email.smtp.port, address: config.supportEmail }, 'SMTP listening');
  const app = createConfiguredApp(config, { ...runtime, email: { inbox: email.inbox, maxBytes: config.maxEmailBytes } });
  const server = await listenOn(createHttpServer(app), config.port, config.host);
  logger.info({ host: config.host, port: config.port }, 'API listening');
  const stop = () => {
    server.close(() => {
      void email
        .stop()
        .then(() => leaveLiveUpdates())
        .then(() => connection.close())
        .then(() => closeDatabase(db));
    });
    liveUpdates.stopStreams();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'API failed to start');
  process.exit(1);
});
