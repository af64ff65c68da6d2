import type { Knex } from 'knex';

/** Bearer tokens for the HTTP API. Only the sha256 of a token is stored, so a leaked database leaks no working token. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_tokens', (table) => {
    table.increments('id');
    table.text('name').notNullable();
    table.text('role').notNullable().checkIn(['channel', 'agent', 'supervisor', 'auditor', 'conversation']);
    table.string('token_hash', 64).notNullable().unique();
    // Set for a token that may only talk to one conversation (the browser widget's).
    table.text('conversation_id');
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
    table.timestamp('revoked_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_tokens');
}
