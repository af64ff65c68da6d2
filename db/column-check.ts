import type { Knex } from 'knex';
import { isPostgres } from './connection';

/**
 * Swaps the list of values a column's check allows. PostgreSQL swaps the constraint (an unnamed
 * column check gets the name `<table>_<column>_check`); SQLite cannot alter a check, so the table is
 * rebuilt from its own definition with only that list changed, and its indexes made again.
 */
export async function replaceColumnCheck(knex: Knex, table: string, column: string, values: readonly string[]): Promise<void> {
  const list = values.map((v) => `'${v}'`).join(',');
  if (isPostgres(knex)) {
    await knex.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_check`);
    await knex.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} IN (${list}))`);
    return;
  }
  const schema: { type: string; name: string; sql: string | null }[] = await knex('sqlite_master')
    .where({ tbl_name: table })
    .select('type', 'name', 'sql');
  const definition = schema.find((entry) => entry.type === 'table')?.sql ?? '';
  // Knex writes `check (`x` in (...))` when it creates a table and `CHECK (`x` in(...))` when it rebuilds one.
  const check = new RegExp(`check \\(\`${column}\` in ?\\([^)]*\\)\\)`, 'i');
  if (!check.test(definition)) throw new Error(`${table} has no check on ${column} where its migration put it; not rebuilding it`);
  const rebuiltName = `${table}_rebuilt`;
  const rebuilt = definition
    .replace(new RegExp(`^CREATE TABLE [\`"]?${table}[\`"]?`), `CREATE TABLE \`${rebuiltName}\``)
    .replace(check, `check (\`${column}\` in (${list}))`);
  await knex.raw(rebuilt);
  await knex.raw(`INSERT INTO \`${rebuiltName}\` SELECT * FROM \`${table}\``);
  await knex.raw(`DROP TABLE \`${table}\``);
  await knex.raw(`ALTER TABLE \`${rebuiltName}\` RENAME TO \`${table}\``);
  // Dropping the table dropped its indexes; their definitions name the table, which has its name back.
  for (const index of schema.filter((entry) => entry.type === 'index' && entry.sql)) await knex.raw(index.sql ?? '');
}
