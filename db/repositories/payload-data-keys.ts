import type { Knex } from 'knex';

export interface PayloadDataKeyRow {
  workflowId: string;
  wrappedKey: string | null;
  wrappingKeyId: string;
  createdAt: string;
  destroyedAt: string | null;
  destroyedBy: string | null;
  destroyedReason: string | null;
}

function rowOf(row: Record<string, string | null>): PayloadDataKeyRow {
  return {
    workflowId: String(row.workflow_id),
    wrappedKey: row.wrapped_key ?? null,
    wrappingKeyId: String(row.wrapping_key_id),
    createdAt: String(row.created_at),
    destroyedAt: row.destroyed_at ?? null,
    destroyedBy: row.destroyed_by ?? null,
    destroyedReason: row.destroyed_reason ?? null,
  };
}

export async function findPayloadDataKey(db: Knex, workflowId: string): Promise<PayloadDataKeyRow | undefined> {
  const row = (await db('payload_data_keys').where({ workflow_id: workflowId }).first()) as Record<string, string | null> | undefined;
  return row ? rowOf(row) : undefined;
}

/** Inserts the key unless the workflow has one already (the API and the worker may race to make it); returns the one kept. */
export async function insertPayloadDataKey(db: Knex, row: { workflowId: string; wrappedKey: string; wrappingKeyId: string; createdAt: string }): Promise<PayloadDataKeyRow> {
  await db('payload_data_keys')
    .insert({ workflow_id: row.workflowId, wrapped_key: row.wrappedKey, wrapping_key_id: row.wrappingKeyId, created_at: row.createdAt })
    .onConflict('workflow_id')
    .ignore();
  const kept = await findPayloadDataKey(db, row.workflowId);
  if (!kept) throw new Error(`the data key of ${row.workflowId} was not stored`);
  return kept;
}

/**
 * Destroys the workflows' keys (a tombstone row is kept, or made when a workflow had none yet, so none
 * can be made later); true for each one destroyed now, false when it already was.
 */
export async function destroyPayloadDataKeys(
  db: Knex,
  workflowIds: readonly string[],
  by: { destroyedBy: string; reason: string; at: string },
): Promise<{ workflowId: string; destroyedNow: boolean }[]> {
  const results: { workflowId: string; destroyedNow: boolean }[] = [];
  for (const workflowId of workflowIds) {
    const before = await findPayloadDataKey(db, workflowId);
    if (before?.destroyedAt) {
      results.push({ workflowId, destroyedNow: false });
      continue;
    }
    const destroyed = { wrapped_key: null, destroyed_at: by.at, destroyed_by: by.destroyedBy, destroyed_reason: by.reason };
    if (before) await db('payload_data_keys').where({ workflow_id: workflowId }).update(destroyed);
    else await db('payload_data_keys').insert({ workflow_id: workflowId, wrapping_key_id: '-', created_at: by.at, ...destroyed }).onConflict('workflow_id').merge(destroyed);
    results.push({ workflowId, destroyedNow: true });
  }
  return results;
}
