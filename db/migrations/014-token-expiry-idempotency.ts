import type { Knex } from 'knex';
import { replaceColumnCheck } from '../column-check';

/**
 * Tokens that expire, public widget keys (a role limited to the page origins they are minted for),
 * and the Idempotency-Keys of customer messages: each key is held with a hash of the body it first
 * came with, per conversation, so a reuse with another body can be refused.
 */
const ROLES_BEFORE = ['channel', 'agent', 'supervisor', 'auditor', 'conversation'];
const ROLES_AFTER = [...ROLES_BEFORE, 'widget'];

export async function up(knex: Knex): Promise<void> {
  await replaceColumnCheck(knex, 'api_tokens', 'role', ROLES_AFTER);
  await knex.schema.alterTable('api_tokens', (table) => {
    // Null: the token does not expire (until revoked).
    table.timestamp('expires_at');
    // A widget key's page origin (`https://shop.example`): browsers elsewhere cannot use it.
    table.text('origin');
  });
  await knex.schema.createTable('message_idempotency_keys', (table) => {
    table.text('conversation_id').notNullable();
    table.text('idempotency_key').notNullable();
    table.string('body_hash', 64).notNullable();
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
    table.primary(['conversation_id', 'idempotency_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  const left = await knex('api_tokens').where({ role: 'widget' }).count({ n: '*' }).first();
  if (Number(left?.n ?? 0) > 0) throw new Error(`cannot undo 014-token-expiry-idempotency: ${Number(left?.n)} widget keys exist`);
  await knex.schema.dropTable('message_idempotency_keys');
  await knex.schema.alterTable('api_tokens', (table) => {
    table.dropColumn('origin');
    table.dropColumn('expires_at');
  });
  await replaceColumnCheck(knex, 'api_tokens', 'role', ROLES_BEFORE);
}
