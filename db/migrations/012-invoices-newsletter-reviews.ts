import type { Knex } from 'knex';

/**
 * What the tier-1 commerce requests keep: newsletter consent as a history (each subscribe or
 * unsubscribe with its time, the words the customer agreed to and the conversation it came from;
 * the newest row is the customer's current choice), product reviews agents can read, and the links
 * that hand out an order's invoice, stored as hashes so the table alone opens no invoice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('newsletter_consents', (table) => {
    table.increments('id').primary();
    table.text('customer_id').notNullable();
    table.boolean('subscribed').notNullable();
    table.text('email').notNullable();
    table.text('wording').notNullable();
    table.text('conversation_workflow_id');
    table.text('at').notNullable();
    table.index(['customer_id', 'id']);
  });

  await knex.schema.createTable('reviews', (table) => {
    table.increments('id').primary();
    table.text('customer_id').notNullable();
    table.text('order_id').notNullable();
    table.text('item_id').notNullable();
    table.text('product_id').notNullable();
    table.text('product_name').notNullable();
    table.integer('rating').notNullable().checkBetween([1, 5], 'reviews_rating_check');
    table.text('text').notNullable();
    table.text('conversation_workflow_id');
    table.text('created_at').notNullable();
    /** One review per item of an order: writing again replaces it. */
    table.unique(['customer_id', 'order_id', 'item_id']);
    table.index(['product_id']);
  });

  await knex.schema.createTable('invoice_links', (table) => {
    table.text('token_hash').primary();
    table.text('order_id').notNullable();
    table.text('customer_id').notNullable();
    table.text('conversation_workflow_id');
    table.text('created_at').notNullable();
    table.text('expires_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('invoice_links');
  await knex.schema.dropTable('reviews');
  await knex.schema.dropTable('newsletter_consents');
}
