import type { Knex } from 'knex';

/**
 * The customer's open conversation, if any: the newest one the operators' projection
 * (conversation_outcomes, which each conversation reports into as soon as it knows who the
 * customer is, verified or vouched) holds under their id and has not seen close.
 */
export async function findOpenConversationOf(db: Knex, customerId: string): Promise<{ conversationId: string; workflowId: string } | undefined> {
  const row = (await db('conversation_outcomes')
    .where({ customer_key: customerId })
    .whereNull('closed_at')
    .orderBy('started_at', 'desc')
    .first('conversation_id', 'workflow_id')) as { conversation_id: string; workflow_id: string } | undefined;
  return row ? { conversationId: row.conversation_id, workflowId: row.workflow_id } : undefined;
}
