import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { closeDatabase, openDatabase } from '../../db/connection';

/**
 * Fresh, empty databases for tests, on every engine the product supports: a temporary SQLite file,
 * and a schema of its own in the PostgreSQL database named by TEST_DATABASE_URL (so tests can run in
 * parallel and again). Without TEST_DATABASE_URL the PostgreSQL tests are skipped, except on CI
 * (CI set), where they fail and say how to get a database.
 */

export type EngineName = 'sqlite' | 'postgres';

export interface TestDatabase {
  db: Knex;
  engine: EngineName;
  /** Closes the connection and removes the file or schema. */
  close(): Promise<void>;
}

export interface TestEngine {
  name: EngineName;
  /** A reason to skip this engine's tests, or false to run them. */
  skip: string | false;
  open(): Promise<TestDatabase>;
}

const HOW_TO_GET_POSTGRES =
  'run scripts/postgres-for-tests.sh (as root on Debian) and set TEST_DATABASE_URL to the URL it prints';

export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  const postgresUrl = env.TEST_DATABASE_URL || undefined;
  const onCi = Boolean(env.CI);
  return [
    { name: 'sqlite', skip: false, open: openSqlite },
    {
      name: 'postgres',
      skip: postgresUrl || onCi ? false : `TEST_DATABASE_URL is not set; to run the PostgreSQL tests, ${HOW_TO_GET_POSTGRES}`,
      open: async () => {
        if (!postgresUrl) throw new Error(`TEST_DATABASE_URL is not set, and CI needs the PostgreSQL tests: ${HOW_TO_GET_POSTGRES}`);
        return openPostgresSchema(postgresUrl);
      },
    },
  ];
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-db-test-'));
  const db = openDatabase({ sqliteFile: path.join(dir, 'support.sqlite') });
  return {
    db,
    engine: 'sqlite',
    close: async () => {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresSchema(baseUrl: string): Promise<TestDatabase> {
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: baseUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('CREATE SCHEMA ??', [schema]);
  } catch (error) {
    await admin.destroy();
    throw new Error(`cannot use TEST_DATABASE_URL (${redactPassword(baseUrl)}): ${(error as Error).message}`, { cause: error });
  }
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = openDatabase({ databaseUrl: url.toString(), sqliteFile: '' });
  return {
    db,
    engine: 'postgres',
    close: async () => {
      await closeDatabase(db);
      await admin.raw('DROP SCHEMA ?? CASCADE', [schema]);
      await admin.destroy();
    },
  };
}

function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'not a URL';
  }
}
