import crypto from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Holds the key for this conversation with the body's hash; false when the key was used before with
 * another body (the caller answers 422 rather than dropping the new message).
 */
export async function claimIdempotencyKey(db: Knex, request: { conversationId: string; key: string; body: string }): Promise<boolean> {
  const bodyHash = crypto.createHash('sha256').update(request.body, 'utf8').digest('hex');
  await db('message_idempotency_keys')
    .insert({ conversation_id: request.conversationId, idempotency_key: request.key, body_hash: bodyHash })
    .onConflict(['conversation_id', 'idempotency_key'])
    .ignore();
  const row = (await db('message_idempotency_keys')
    .where({ conversation_id: request.conversationId, idempotency_key: request.key })
    .first('body_hash')) as { body_hash: string } | undefined;
  return row?.body_hash === bodyHash;
}
