import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { closeDatabase, openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';

export interface TestDatabase {
  db: Knex;
  dir: string;
  close(): Promise<void>;
}

/** A migrated SQLite file in a fresh temporary folder. */
export async function temporaryDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-test-'));
  const db = openDatabase({ sqliteFile: path.join(dir, 'support.sqlite') });
  await migrateToLatest(db);
  return {
    db,
    dir,
    close: async () => {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
