import type { Knex } from 'knex';

/**
 * The conversation's language where a channel needs it outside a turn: on each queued later message
 * (its mail's subject and the line under its options), and on each call or text thread (the lines a
 * phone says before the next reply is known). Null: English, as every row from before it was.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.text('language');
  });
  await knex.schema.alterTable('phone_conversations', (table) => {
    table.text('language');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('phone_conversations', (table) => {
    table.dropColumn('language');
  });
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.dropColumn('language');
  });
}
