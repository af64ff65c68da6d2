// Production entry of the worker (temporal-docker/): migrates the database, then polls until stopped.
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedIfEmpty } from '../seed/seed';
import { createConfiguredWorker } from './conversation-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config);
  await migrateToLatest(db);
  await seedIfEmpty(db, { seedDir: config.seedDbDir });
  const connection = await NativeConnection.connect({ address: config.temporalAddress ?? 'localhost:7233' });
  const worker = await createConfiguredWorker(config, { connection, db });
  console.log(`worker polling ${config.taskQueue} on ${config.temporalAddress ?? 'localhost:7233'}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    await closeDatabase(db);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
