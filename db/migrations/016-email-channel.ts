import type { Knex } from 'knex';

/**
 * The e-mail channel's own records. Every mail taken (by SMTP or the raw-MIME webhook) is kept in
 * `email_inbox` before anything else happens to it, so a crash part-way leaves it pending and it is
 * processed again; mail we refuse or hold back stays there with its reason. `email_messages` maps
 * every Message-ID we saw or sent to its conversation (threading), and records per idempotency key
 * what was sent, so nothing goes out twice. `email_threads` is one row per e-mail conversation.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('email_inbox', (table) => {
    table.increments('id').primary();
    /** The Message-ID, or a digest of the raw mail when it has none: the same mail delivered twice is kept once. */
    table.text('dedupe_key').notNullable().unique();
    table.text('message_id');
    /** smtp or webhook. */
    table.text('received_via').notNullable();
    /** The SMTP envelope's return path ('' for a bounce's null sender); null when the webhook brought it. */
    table.text('envelope_from');
    table.text('envelope_to');
    table.binary('raw').notNullable();
    table.integer('size_bytes').notNullable();
    /** pending, processed, quarantined (kept, not answered: loops) or refused (the sender was told). */
    table.text('status').notNullable();
    table.text('reason');
    table.text('conversation_id');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.text('received_at').notNullable();
    table.text('processed_at');
    table.index(['status']);
  });
  await knex.schema.createTable('email_threads', (table) => {
    table.text('conversation_id').primary();
    /** The customer's address, lower-cased. */
    table.text('customer_address').notNullable();
    table.text('subject').notNullable();
    /** The options (JSON: [{id,label}]) our last mail numbered, so an answer "2" can be read back. */
    table.text('last_options');
    table.text('created_at').notNullable();
    table.text('updated_at').notNullable();
    table.index(['customer_address']);
  });
  await knex.schema.createTable('email_messages', (table) => {
    table.text('message_id').primary();
    table.text('conversation_id').notNullable();
    /** in or out. */
    table.text('direction').notNullable();
    /** Outgoing only: the outbox key or the inbound Message-ID it answers; sent once per key. */
    table.text('idempotency_key').unique();
    /** Outgoing only: sending, then sent. */
    table.text('status');
    table.text('created_at').notNullable();
    table.text('sent_at');
    table.index(['conversation_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('email_messages');
  await knex.schema.dropTable('email_threads');
  await knex.schema.dropTable('email_inbox');
}
