import type { Knex } from 'knex';

/**
 * Each running worker process says it is alive every few seconds: an API in another process reads
 * this instead of Temporal's poller list, which still shows a dead worker for about two minutes.
 * Times are epoch milliseconds, so both engines compare them the same way.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('worker_heartbeats', (table) => {
    table.text('identity').primary();
    table.text('task_queue').notNullable().index();
    table.bigInteger('started_at_ms').notNullable();
    table.bigInteger('beat_at_ms').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('worker_heartbeats');
}
