import type { Knex } from 'knex';

/**
 * The outbox carries every later message of a conversation, not only refund receipts: an agent's
 * reply reaches a customer nobody has verified yet, so a notice may have no customer id. A notice
 * says what kind of message it is, the transcript turn it is (a channel that shows the transcript
 * has it already), and the options it offers (JSON `ReplyOption[]`, so e-mail can number them).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.text('customer_id').nullable().alter();
    table.text('kind');
    table.integer('seq');
    table.text('options');
  });
}

export async function down(knex: Knex): Promise<void> {
  const anonymous = await knex('customer_notifications').whereNull('customer_id').count({ n: '*' }).first();
  if (Number(anonymous?.n ?? 0) > 0) throw new Error('customer notifications without a customer exist: delete them before undoing 018');
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.dropColumns('kind', 'seq', 'options');
  });
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.text('customer_id').notNullable().alter();
  });
}
