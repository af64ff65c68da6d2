import type { Knex } from 'knex';
import { isPostgres } from '../db/connection';

/** A conditional update found the row changed since it was read: the whole tool call is retried on fresh data. */
export class WriteConflict extends Error {
  override name = 'WriteConflict';
}

const MAX_ATTEMPTS = 3;
// PostgreSQL: serialization failure, deadlock detected.
const RETRYABLE_POSTGRES_CODES = new Set(['40001', '40P01']);
const RETRYABLE_SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);

/**
 * Runs one write tool's work in one transaction (a savepoint when `db` is already a transaction).
 * A lost race (WriteConflict, a deadlock, a busy database) rolls everything back and runs the work
 * again from its first read, so the retry decides on what the winner left behind: the loser then
 * fails the tool's own check with the tool's own message.
 */
export async function writeTransaction<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof WriteConflict) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (RETRYABLE_POSTGRES_CODES.has(code) || RETRYABLE_SQLITE_CODES.has(code));
}

/**
 * Runs a read of several tables on one snapshot, so a record is never put together from before and
 * after a concurrent write. PostgreSQL needs REPEATABLE READ for that; a SQLite transaction already
 * reads one snapshot. Inside a caller's transaction, that transaction's view is used as it is.
 */
export async function readSnapshot<T>(db: Knex, work: (trx: Knex) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction(work, isPostgres(db) ? { isolationLevel: 'repeatable read', readOnly: true } : {});
}
