import type { Knex } from 'knex';

/**
 * Each conversation's own key for its Temporal payloads, wrapped (AES-256-GCM) by a configured
 * payload key. Destroying the wrapped key erases what the conversation's history holds: the
 * history stays, as ciphertext nobody can read. The row stays too, as the record of who erased it, when and why.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('payload_data_keys', (table) => {
    table.text('workflow_id').primary();
    /** iv, ciphertext and tag in base64; null once destroyed. */
    table.text('wrapped_key');
    /** The PAYLOAD_KEYS id that wrapped it: that key must stay listed while this one lives. */
    table.text('wrapping_key_id').notNullable();
    table.text('created_at').notNullable();
    table.text('destroyed_at');
    /** Who destroyed it (a token id, or the account erasure workflow). */
    table.text('destroyed_by');
    table.text('destroyed_reason');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('payload_data_keys');
}
