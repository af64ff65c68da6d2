// Production entry of the API (temporal-docker/): serves HTTP until SIGTERM.
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { createConfiguredApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config);
  await migrateToLatest(db);
  const connection = await Connection.connect({ address: config.temporalAddress ?? 'localhost:7233' });
  const client = new Client({ connection, namespace: config.temporalNamespace });
  const app = createConfiguredApp(config, { db, client });
  const server = app.listen(config.port, () => console.log(`API listening on http://localhost:${config.port}`));
  const stop = () => {
    server.close(() => {
      void connection.close().then(() => closeDatabase(db));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
