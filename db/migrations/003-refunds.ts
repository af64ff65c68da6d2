import type { Knex } from 'knex';

/**
 * Money movement: the refund ledger (one row per refund saga, unique idempotency key), the
 * customer notification outbox, and stock counts so returns can be restocked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('refund_ledger', (table) => {
    table.increments('id');
    table.text('saga_id').notNullable().unique();
    table.text('idempotency_key').notNullable().unique();
    table.text('order_id').notNullable().index();
    table.text('customer_id').notNullable();
    table.text('payment_method_id').notNullable();
    table.integer('amount_cents').notNullable();
    table.text('purpose').notNullable().checkIn(['cancellation', 'return', 'price_difference', 'goodwill']);
    // reserved → refunded → recorded is the happy path; released and reversed are where compensation ends.
    table.text('status').notNullable().checkIn(['reserved', 'refunded', 'recorded', 'released', 'reversed']);
    table.text('provider_refund_id');
    table.text('provider_reversal_id');
    table.integer('recorded_position');
    table.text('previous_order_status');
    table.text('restock_snapshot');
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at').notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('customer_notifications', (table) => {
    table.increments('id');
    table.text('idempotency_key').notNullable().unique();
    table.text('customer_id').notNullable().index();
    table.text('order_id');
    table.text('body').notNullable();
    table.timestamp('created_at').notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('variants', (table) => {
    // Units on hand; null where the store only knows available / not available (the tau-bench data).
    table.integer('stock');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('variants', (table) => {
    table.dropColumn('stock');
  });
  await knex.schema.dropTable('customer_notifications');
  await knex.schema.dropTable('refund_ledger');
}
