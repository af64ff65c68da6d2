import type { Knex } from 'knex';

/**
 * The telephony channels: the numbers customers are known by (a call or a text from one of them
 * identifies the caller for reads), and which conversation each call or SMS thread belongs to.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('customer_phones', (table) => {
    /** E.164, as Twilio gives `From` (`+15551234567`). */
    table.text('phone').primary();
    table.text('customer_id').notNullable().references('id').inTable('customers').onDelete('CASCADE').index();
  });
  await knex.schema.createTable('phone_conversations', (table) => {
    table.increments('id');
    table.text('channel').notNullable();
    /** The CallSid of a call; the texter's number for an SMS thread, which stays one conversation. */
    table.text('thread_key').notNullable();
    table.text('conversation_id').notNullable().index();
    table.text('caller').notNullable();
    table.text('callee').notNullable();
    /** The choices the last reply offered, in order (JSON), so a key or a number picks one. */
    table.text('options');
    table.text('awaiting');
    /** A handoff with nobody to transfer the call to: the customer was promised a call back. */
    table.text('callback_requested_at');
    table.text('created_at').notNullable();
    table.text('updated_at').notNullable();
    table.unique(['channel', 'thread_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('phone_conversations');
  await knex.schema.dropTable('customer_phones');
}
