import type { Knex } from 'knex';
import { replaceColumnCheck } from '../column-check';

/**
 * A refund the provider would not take within the retry budget is neither paid nor undone: it is
 * owed to the customer until a person (or reconciliation) settles it. The ledger gains the `owed`
 * status, why the provider did not pay, how often it was asked, when the saga settled, and the
 * conversation it belongs to (where the customer is told, and who takes over).
 */
const BEFORE = ['reserved', 'refunded', 'recorded', 'released', 'reversed'];
const AFTER = [...BEFORE, 'owed'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('refund_ledger', (table) => {
    table.text('failure_reason');
    table.integer('provider_attempts').notNullable().defaultTo(0);
    table.timestamp('settled_at');
    table.text('conversation_workflow_id');
  });
  await replaceColumnCheck(knex, 'refund_ledger', 'status', AFTER);
}

export async function down(knex: Knex): Promise<void> {
  const left = await knex('refund_ledger').where({ status: 'owed' }).count({ n: '*' }).first();
  if (Number(left?.n ?? 0) > 0) throw new Error(`cannot undo 008-owed-refunds: ${Number(left?.n)} refunds are still owed`);
  await replaceColumnCheck(knex, 'refund_ledger', 'status', BEFORE);
  await knex.schema.alterTable('refund_ledger', (table) => {
    table.dropColumns('failure_reason', 'provider_attempts', 'settled_at', 'conversation_workflow_id');
  });
}
