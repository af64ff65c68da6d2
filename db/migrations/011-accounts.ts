import type { Knex } from 'knex';

/**
 * Accounts: changes of name or e-mail (the store's own record of each), password reset tokens (only
 * their hash) and passwords (scrypt hashes), requests to erase an account with their grace period,
 * and a recipient on outbox notices, for notices that go to an e-mail address rather than to a
 * conversation (the old address after an e-mail change, a reset link). Times are ISO 8601 text, so
 * both engines store and return them alike and code compares them.
 */
export const ERASURE_STATUSES = ['scheduled', 'cancelled', 'erased'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('account_changes', (table) => {
    table.increments('id');
    // Each confirmed proposal changes the account once.
    table.text('proposal_id').notNullable().unique();
    table.text('customer_id').notNullable().index();
    table.text('old_first_name').notNullable();
    table.text('old_last_name').notNullable();
    table.text('old_email').notNullable();
    table.text('new_first_name').notNullable();
    table.text('new_last_name').notNullable();
    table.text('new_email').notNullable();
    table.text('changed_at').notNullable();
  });
  await knex.schema.createTable('password_reset_tokens', (table) => {
    table.text('token_hash').primary();
    table.text('customer_id').notNullable().index();
    table.text('created_at').notNullable();
    table.text('expires_at').notNullable();
    table.text('used_at');
  });
  await knex.schema.createTable('account_passwords', (table) => {
    table.text('customer_id').primary();
    table.text('password_hash').notNullable();
    table.text('updated_at').notNullable();
  });
  await knex.schema.createTable('account_erasures', (table) => {
    table.text('customer_id').primary();
    table.text('workflow_id').notNullable();
    table.text('status').notNullable().checkIn([...ERASURE_STATUSES], 'account_erasures_status_check');
    table.text('requested_at').notNullable();
    table.text('erase_after').notNullable();
    table.text('cancelled_at');
    table.text('erased_at');
    // The conversation the request (and a cancellation) came from.
    table.text('requested_in');
    table.text('cancelled_in');
  });
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.text('recipient');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.dropColumn('recipient');
  });
  await knex.schema.dropTable('account_erasures');
  await knex.schema.dropTable('account_passwords');
  await knex.schema.dropTable('password_reset_tokens');
  await knex.schema.dropTable('account_changes');
}
