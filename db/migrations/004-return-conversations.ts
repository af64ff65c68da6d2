import type { Knex } from 'knex';

/**
 * Which conversation waits for a returned parcel: when the warehouse reports it received, the
 * API finds the conversation here and signals it, and the conversation keeps its promise.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('return_conversations', (table) => {
    table.text('order_id').primary();
    table.text('workflow_id').notNullable();
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('return_conversations');
}
