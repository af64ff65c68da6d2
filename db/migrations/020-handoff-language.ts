import type { Knex } from 'knex';

/**
 * The customer's language on each handoff in the queue (BCP 47, as the workflow carried it), so the
 * queue can show it and be filtered to the languages an agent speaks. Rows from before it say English.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('handoff_queue', (table) => {
    table.text('language').notNullable().defaultTo('en');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('handoff_queue', (table) => {
    table.dropColumn('language');
  });
}
