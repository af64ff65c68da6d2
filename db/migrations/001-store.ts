import type { Knex } from 'knex';

/**
 * The commerce store: customers, products and orders, shaped so the tau-bench retail files import
 * and export without loss.
 *
 * - Money is integer cents (`*_cents`). Payment amounts and exchange price differences also have a
 *   `*_json` column holding the exact JSON number text, set only when the number is not a whole
 *   number of cents: the reference stores item-change differences unrounded (35.52999999999997), and
 *   those values must come back bit for bit while sums and checks still use the cents.
 * - `position` columns keep the order of lists and of maps keyed by data (variants, options,
 *   payment methods) and of the records in the files, because the files' order is part of the format.
 * - Strings are `text`: a length limit that PostgreSQL enforces and SQLite ignores would make the
 *   two engines accept different data.
 * - Order items, fulfillments and payments are snapshots of what happened, so they do not reference
 *   variants or payment methods by foreign key: a later catalogue change must not rewrite history.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('addresses', (table) => {
    table.text('id').primary();
    table.text('address1').notNullable();
    table.text('address2').notNullable();
    table.text('city').notNullable();
    table.text('country').notNullable();
    table.text('state').notNullable();
    table.text('zip').notNullable();
  });

  await knex.schema.createTable('customers', (table) => {
    table.text('id').primary();
    table.integer('position').notNullable();
    table.text('first_name').notNullable();
    table.text('last_name').notNullable();
    table.text('email').notNullable().index();
    table.text('address_id').notNullable().references('id').inTable('addresses');
  });

  await knex.schema.createTable('payment_methods', (table) => {
    table.text('id').primary();
    table.text('customer_id').notNullable().references('id').inTable('customers').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.text('source').notNullable().checkIn(['credit_card', 'gift_card', 'paypal']);
    table.text('brand');
    table.text('last_four');
    table.integer('balance_cents');
    table.unique(['customer_id', 'position']);
  });

  await knex.schema.createTable('products', (table) => {
    table.text('id').primary();
    table.integer('position').notNullable();
    table.text('name').notNullable();
  });

  await knex.schema.createTable('variants', (table) => {
    table.text('id').primary();
    table.text('product_id').notNullable().references('id').inTable('products').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.boolean('available').notNullable();
    table.integer('price_cents').notNullable();
    table.unique(['product_id', 'position']);
  });

  await knex.schema.createTable('variant_options', (table) => {
    table.text('variant_id').notNullable().references('id').inTable('variants').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.text('name').notNullable();
    table.text('value').notNullable();
    table.primary(['variant_id', 'position']);
  });

  await knex.schema.createTable('orders', (table) => {
    table.text('id').primary();
    table.integer('position').notNullable();
    table.text('customer_id').notNullable().references('id').inTable('customers').index();
    table.text('shipping_address_id').notNullable().references('id').inTable('addresses');
    table.text('status').notNullable();
    table.text('cancel_reason');
    // Set when an exchange was requested; the items are in order_requested_items.
    table.text('exchange_payment_method_id');
    table.integer('exchange_price_difference_cents');
    table.text('exchange_price_difference_json');
    // Set when a return was requested; the items are in order_requested_items.
    table.text('return_payment_method_id');
  });

  await knex.schema.createTable('order_items', (table) => {
    table.text('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.text('product_id').notNullable();
    table.text('item_id').notNullable().index();
    table.text('name').notNullable();
    table.integer('price_cents').notNullable();
    table.primary(['order_id', 'position']);
  });

  await knex.schema.createTable('order_item_options', (table) => {
    table.text('order_id').notNullable();
    table.integer('item_position').notNullable();
    table.integer('position').notNullable();
    table.text('name').notNullable();
    table.text('value').notNullable();
    table.primary(['order_id', 'item_position', 'position']);
    table.foreign(['order_id', 'item_position']).references(['order_id', 'position']).inTable('order_items').onDelete('CASCADE');
  });

  await knex.schema.createTable('fulfillments', (table) => {
    table.text('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.primary(['order_id', 'position']);
  });

  await knex.schema.createTable('fulfillment_tracking_ids', (table) => {
    table.text('order_id').notNullable();
    table.integer('fulfillment_position').notNullable();
    table.integer('position').notNullable();
    table.text('tracking_id').notNullable();
    table.primary(['order_id', 'fulfillment_position', 'position']);
    table.foreign(['order_id', 'fulfillment_position']).references(['order_id', 'position']).inTable('fulfillments').onDelete('CASCADE');
  });

  await knex.schema.createTable('fulfillment_items', (table) => {
    table.text('order_id').notNullable();
    table.integer('fulfillment_position').notNullable();
    table.integer('position').notNullable();
    table.text('item_id').notNullable();
    table.primary(['order_id', 'fulfillment_position', 'position']);
    table.foreign(['order_id', 'fulfillment_position']).references(['order_id', 'position']).inTable('fulfillments').onDelete('CASCADE');
  });

  await knex.schema.createTable('payment_transactions', (table) => {
    table.text('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.text('transaction_type').notNullable().checkIn(['payment', 'refund']);
    table.integer('amount_cents').notNullable();
    table.text('amount_json');
    table.text('payment_method_id').notNullable();
    table.primary(['order_id', 'position']);
  });

  // The item lists of a requested exchange or return, named after the tau order fields.
  await knex.schema.createTable('order_requested_items', (table) => {
    table.text('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE');
    table.text('list').notNullable().checkIn(['exchange_items', 'exchange_new_items', 'return_items']);
    table.integer('position').notNullable();
    table.text('item_id').notNullable();
    table.primary(['order_id', 'list', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'order_requested_items',
    'payment_transactions',
    'fulfillment_items',
    'fulfillment_tracking_ids',
    'fulfillments',
    'order_item_options',
    'order_items',
    'orders',
    'variant_options',
    'variants',
    'products',
    'payment_methods',
    'customers',
    'addresses',
  ]) {
    await knex.schema.dropTable(table);
  }
}
