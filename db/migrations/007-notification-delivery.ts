import type { Knex } from 'knex';

/**
 * The customer notification outbox (003) learns where a notice goes and how its delivery went:
 * the conversation and its channel, queued → sent, or failed with the reason, and how many tries.
 * Rows written before this migration were never delivered, so they start as queued.
 */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.text('conversation_workflow_id');
    table.text('channel');
    table.text('status').notNullable().defaultTo('queued').checkIn([...DELIVERY_STATUSES], 'customer_notifications_status_check');
    table.text('failure_reason');
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('sent_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.dropChecks('customer_notifications_status_check');
  });
  await knex.schema.alterTable('customer_notifications', (table) => {
    table.dropColumns('conversation_workflow_id', 'channel', 'status', 'failure_reason', 'attempts', 'sent_at');
  });
}
