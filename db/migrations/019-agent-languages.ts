import type { Knex } from 'knex';

/**
 * The languages a person's token says they speak (`auth token --languages de,fr`), so a handoff in
 * German goes to someone who reads German. Comma-separated BCP 47 codes; null for machines.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_tokens', (table) => {
    table.text('languages');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_tokens', (table) => {
    table.dropColumn('languages');
  });
}
