import type { Knex } from 'knex';
import { replaceColumnCheck } from '../column-check';

/**
 * A pending order paid with another method refunds the old one: the refund ledger's purpose check
 * (003) gains `payment_change`.
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

function setPurposes(knex: Knex, purposes: readonly string[]): Promise<void> {
  return replaceColumnCheck(knex, 'refund_ledger', 'purpose', purposes);
}
