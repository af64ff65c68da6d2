import type { Knex } from 'knex';
import { isPostgres } from '../connection';

/**
 * A pending order paid with another method refunds the old one: the refund ledger's purpose check
 * (003) gains `payment_change`. PostgreSQL swaps the constraint; SQLite cannot alter a check, so
 * the table is rebuilt from its own definition with only the purpose list changed.
 */
const BEFORE = ['cancellation', 'return', 'price_difference', 'goodwill'];
const AFTER = [...BEFORE, 'payment_change'];

export async function up(knex: Knex): Promise<void> {
  await setPurposes(knex, AFTER);
}

export async function down(knex: Knex): Promise<void> {
  const left = await knex('refund_ledger').where({ purpose: 'payment_change' }).count({ n: '*' }).first();
  if (Number(left?.n ?? 0) > 0) {
    throw new Error(`cannot undo 005-payment-change-refunds: ${Number(left?.n)} refund ledger entries are payment_change refunds`);
  }
  await setPurposes(knex, BEFORE);
}

async function setPurposes(knex: Knex, purposes: readonly string[]): Promise<void> {
  const list = purposes.map((p) => `'${p}'`).join(',');
  if (isPostgres(knex)) {
    // 003's unnamed column check got PostgreSQL's default name.
    await knex.raw('ALTER TABLE refund_ledger DROP CONSTRAINT refund_ledger_purpose_check');
    await knex.raw(`ALTER TABLE refund_ledger ADD CONSTRAINT refund_ledger_purpose_check CHECK (purpose IN (${list}))`);
    return;
  }
  const schema: { type: string; name: string; sql: string | null }[] = await knex('sqlite_master')
    .where({ tbl_name: 'refund_ledger' })
    .select('type', 'name', 'sql');
  const table = schema.find((entry) => entry.type === 'table')?.sql ?? '';
  const check = /check \(`purpose` in \([^)]*\)\)/;
  if (!check.test(table)) throw new Error('refund_ledger has no purpose check where 003 put it; not rebuilding it');
  const rebuilt = table
    .replace(/^CREATE TABLE [`"]?refund_ledger[`"]?/, 'CREATE TABLE `refund_ledger_rebuilt`')
    .replace(check, `check (\`purpose\` in (${list}))`);
  await knex.raw(rebuilt);
  await knex.raw('INSERT INTO `refund_ledger_rebuilt` SELECT * FROM `refund_ledger`');
  await knex.raw('DROP TABLE `refund_ledger`');
  await knex.raw('ALTER TABLE `refund_ledger_rebuilt` RENAME TO `refund_ledger`');
  // Dropping the table dropped its indexes; their definitions name the table, which has its name back.
  for (const index of schema.filter((entry) => entry.type === 'index' && entry.sql)) await knex.raw(index.sql ?? '');
}
