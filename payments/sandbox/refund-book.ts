import crypto from 'node:crypto';
import Database from 'better-sqlite3';

export interface StoredRefund {
  id: string;
  payment_method_id: string;
  amount_cents: number;
  reference: string;
  status: 'succeeded' | 'reversed';
  created_at: string;
}

export interface StoredReversal {
  id: string;
  refund_id: string;
  amount_cents: number;
  created_at: string;
}

/** A refund as a lookup answers it: the key it was made with and its reversal, if any. */
export interface RefundRecord extends StoredRefund {
  idempotency_key: string;
  reversal_id: string | null;
  reversed_at: string | null;
}

export type BookResult<T> =
  | { kind: 'created'; value: T }
  | { kind: 'replayed'; value: T }
  | { kind: 'conflict'; code: string; message: string };

/**
 * The sandbox provider's own books, in its own SQLite file: refunds and their reversals, each
 * unique by idempotency key. better-sqlite3 is synchronous, so each operation is atomic.
 */
export class RefundBook {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS refunds (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, request_fingerprint TEXT NOT NULL,
        payment_method_id TEXT NOT NULL, amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        reference TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS reversals (
        id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, refund_id TEXT NOT NULL UNIQUE REFERENCES refunds(id),
        amount_cents INTEGER NOT NULL, created_at TEXT NOT NULL);`);
  }

  createRefund(key: string, request: { payment_method_id: string; amount_cents: number; reference: string }): BookResult<StoredRefund> {
    const fingerprint = JSON.stringify([request.payment_method_id, request.amount_cents, request.reference]);
    return this.db.transaction((): BookResult<StoredRefund> => {
      const existing = this.db.prepare('SELECT * FROM refunds WHERE idempotency_key = ?').get(key) as
        | (StoredRefund & { request_fingerprint: string })
        | undefined;
      if (existing) {
        if (existing.request_fingerprint !== fingerprint) {
          return { kind: 'conflict', code: 'idempotency_key_reused', message: 'this Idempotency-Key was used for a different refund' };
        }
        return { kind: 'replayed', value: publicRefund(existing) };
      }
      const refund: StoredRefund = {
        id: `re_${crypto.randomBytes(9).toString('hex')}`,
        ...request,
        status: 'succeeded',
        created_at: new Date().toISOString(),
      };
      this.db
        .prepare(
          `INSERT INTO refunds (id, idempotency_key, request_fingerprint, payment_method_id, amount_cents, reference, status, created_at)
           VALUES (@id, @key, @fingerprint, @payment_method_id, @amount_cents, @reference, @status, @created_at)`,
        )
        .run({ ...refund, key, fingerprint });
      return { kind: 'created', value: refund };
    })();
  }

  reverseRefund(key: string, refundId: string): BookResult<StoredReversal> | undefined {
    return this.db.transaction((): BookResult<StoredReversal> | undefined => {
      const replay = this.db.prepare('SELECT id, refund_id, amount_cents, created_at FROM reversals WHERE idempotency_key = ?').get(key) as
        | StoredReversal
        | undefined;
      if (replay) {
        if (replay.refund_id !== refundId) {
          return { kind: 'conflict', code: 'idempotency_key_reused', message: 'this Idempotency-Key was used for another reversal' };
        }
        return { kind: 'replayed', value: replay };
      }
      const refund = this.db.prepare('SELECT * FROM refunds WHERE id = ?').get(refundId) as StoredRefund | undefined;
      if (!refund) return undefined;
      if (refund.status === 'reversed') {
        return { kind: 'conflict', code: 'already_reversed', message: `refund ${refundId} was already reversed` };
      }
      const reversal: StoredReversal = {
        id: `rv_${crypto.randomBytes(9).toString('hex')}`,
        refund_id: refundId,
        amount_cents: refund.amount_cents,
        created_at: new Date().toISOString(),
      };
      this.db.prepare('INSERT INTO reversals (id, idempotency_key, refund_id, amount_cents, created_at) VALUES (@id, @key, @refund_id, @amount_cents, @created_at)').run({ ...reversal, key });
      this.db.prepare("UPDATE refunds SET status = 'reversed' WHERE id = ?").run(refundId);
      return { kind: 'created', value: reversal };
    })();
  }

  /** One refund with what became of it: by the idempotency key it was made with, or by its id. */
  lookup(by: { idempotencyKey: string } | { refundId: string }): RefundRecord | undefined {
    const [column, value] = 'idempotencyKey' in by ? ['r.idempotency_key', by.idempotencyKey] : ['r.id', by.refundId];
    const row = this.db
      .prepare(
        `SELECT r.*, v.id AS reversal_id, v.created_at AS reversed_at FROM refunds r
         LEFT JOIN reversals v ON v.refund_id = r.id WHERE ${column} = ?`,
      )
      .get(value) as (StoredRefund & { idempotency_key: string; reversal_id: string | null; reversed_at: string | null }) | undefined;
    if (!row) return undefined;
    return { ...publicRefund(row), idempotency_key: row.idempotency_key, reversal_id: row.reversal_id, reversed_at: row.reversed_at };
  }

  refundsFor(reference: string): StoredRefund[] {
    const rows = this.db.prepare('SELECT * FROM refunds WHERE reference = ? ORDER BY created_at, id').all(reference) as (StoredRefund & { request_fingerprint: string })[];
    return rows.map(publicRefund);
  }

  close(): void {
    this.db.close();
  }
}

function publicRefund(row: StoredRefund & { request_fingerprint?: string; idempotency_key?: string }): StoredRefund {
  return {
    id: row.id,
    payment_method_id: row.payment_method_id,
    amount_cents: row.amount_cents,
    reference: row.reference,
    status: row.status,
    created_at: row.created_at,
  };
}
