import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';

export interface DatabaseOptions {
  /** A postgres:// URL; when unset, the SQLite file is used. */
  databaseUrl?: string;
  sqliteFile: string;
}

/** PostgreSQL when a URL is given, otherwise the embedded SQLite file (created with its folder if missing). */
export function openDatabase(opts: DatabaseOptions): Knex {
  if (opts.databaseUrl) {
    return knex({ client: 'pg', connection: opts.databaseUrl, pool: { min: 0, max: 10 } });
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.sqliteFile)), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename: opts.sqliteFile },
    useNullAsDefault: true,
    pool: {
      afterCreate(connection: { pragma(source: string): unknown }, done: (error: Error | null, connection: unknown) => void) {
        // SQLite leaves foreign keys off unless asked, per connection. WAL lets the API and the worker read while the other writes.
        connection.pragma('foreign_keys = ON');
        connection.pragma('journal_mode = WAL');
        done(null, connection);
      },
    },
  });
}

export async function closeDatabase(db: Knex): Promise<void> {
  await db.destroy();
}

export function isPostgres(db: Knex): boolean {
  return (db.client as { config: Knex.Config }).config.client === 'pg';
}
