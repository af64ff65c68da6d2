import type { Knex } from 'knex';

/** The result an earlier attempt of the same activity recorded, if it committed. */
export async function findActionExecution<T>(db: Knex, executionKey: string): Promise<T | undefined> {
  const row = (await db('action_executions').where({ execution_key: executionKey }).first('result_json')) as { result_json: string } | undefined;
  return row ? (JSON.parse(row.result_json) as T) : undefined;
}

export async function recordActionExecution(db: Knex, executionKey: string, action: string, result: unknown): Promise<void> {
  await db('action_executions').insert({ execution_key: executionKey, action, result_json: JSON.stringify(result) });
}
