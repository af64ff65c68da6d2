// Production entry of the worker (temporal-docker/): migrates the database, then polls until stopped.
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedIfEmpty } from '../seed/seed';
import { createLogger, type Logger } from '../observability/logger';
import { configuredPayloadPrivacy } from '../privacy/conversation-keys';
import { createConfiguredWorker } from './conversation-worker';
import { runWithHeartbeat } from './heartbeat';
import { installTemporalRuntime } from './temporal-runtime';
import { connectLiveUpdates } from '../channels/live-updates';

// Replaced by the configured one once LOG_LEVEL is read; until then (a bad configuration) errors still get out.
let logger: Logger = createLogger({ level: 'info', base: { service: 'worker' } });

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel, base: { service: 'worker' } });
  installTemporalRuntime(logger, { metricsAddress: config.workerMetricsAddress });
  const db = openDatabase(config);
  const { dataConverter } = configuredPayloadPrivacy(config, db);
  await migrateToLatest(db);
  await seedIfEmpty(db, { seedDir: config.seedDbDir });
  const temporalAddress = config.temporalAddress ?? 'localhost:7233';
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createConfiguredWorker(config, { connection, db, logger, dataConverter });
  // The chat adapter's notices reach an API in another process over PostgreSQL NOTIFY.
  const leaveLiveUpdates = await connectLiveUpdates(db);
  logger.info({ taskQueue: config.taskQueue, temporalAddress }, 'worker polling');
  try {
    await runWithHeartbeat(worker, { db, taskQueue: config.taskQueue, logger });
  } finally {
    await leaveLiveUpdates();
    await connection.close();
    await closeDatabase(db);
  }
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'worker stopped');
  process.exit(1);
});
