import type { Knex } from 'knex';

/**
 * The store actions a worker carried out, keyed by the activity that did it and written in the same
 * transaction as the store change: when the worker dies after the commit and before Temporal hears of
 * it, the retried activity finds its own result here instead of being refused by the policy (the
 * order is already cancelled) and leaving the refund saga unstarted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('action_executions', (table) => {
    table.text('execution_key').primary();
    table.text('action').notNullable();
    table.text('result_json').notNullable();
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('action_executions');
}
