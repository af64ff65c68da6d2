import { getClient } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Channel } from '../domain/conversation';
import { findNotice, recordDelivery, type DeliveryStatus } from '../db/repositories/customer-notifications';
import { stateQuery } from '../workflows/conversation/definitions';
import type { ChannelAdapter } from './channel-adapter';
import { chatChannel } from './chat';
import { phoneChannels, TwilioSmsSender } from './voice/sms-sender';

export interface DeliveryDeps {
  db: Knex;
  /** Asked for only when a notice has a conversation to go to. */
  client(): Client;
  /** Defaults to every channel that has an adapter today. */
  adapters?: ChannelAdapter[];
  /** How SMS and voice notices are texted (TWILIO_*); without it they fail with the reason that no account is configured. */
  sms?: TwilioSmsSender;
}

const adaptersOver = (client: Client, deps: DeliveryDeps): ChannelAdapter[] => [
  chatChannel(client),
  ...phoneChannels(deps.db, deps.sms ?? new TwilioSmsSender()),
];

/** Delivery as an activity does it: through the worker's own Temporal client. */
export function deliverNoticesFromActivities(db: Knex, sms?: TwilioSmsSender): (idempotencyKey: string) => Promise<DeliveryStatus> {
  return (idempotencyKey) => deliverNotice({ db, client: getClient, ...(sms ? { sms } : {}) }, idempotencyKey);
}

/**
 * Delivers one queued outbox notice through its conversation's channel and records the outcome
 * (sent, or failed with the reason). Trouble that may pass is recorded and thrown, so the caller
 * can retry; a sent notice is not delivered again.
 */
export async function deliverNotice(deps: DeliveryDeps, idempotencyKey: string): Promise<DeliveryStatus> {
  const notice = await findNotice(deps.db, idempotencyKey);
  if (!notice) throw new Error(`no customer notice ${idempotencyKey} in the outbox`);
  if (notice.status === 'sent') return 'sent';
  const failed = async (reason: string, channel?: Channel): Promise<DeliveryStatus> => {
    await recordDelivery(deps.db, idempotencyKey, { status: 'failed', reason, ...(channel ? { channel } : {}) });
    return 'failed';
  };
  const workflowId = notice.conversationWorkflowId;
  if (!workflowId) return failed('the notice belongs to no conversation');

  let channel = notice.channel ?? undefined;
  try {
    channel ??= (await deps.client().workflow.getHandle(workflowId).query(stateQuery)).channel;
    const adapter = (deps.adapters ?? adaptersOver(deps.client(), deps)).find((a) => a.channel === channel);
    if (!adapter) return await failed(`no adapter delivers to the ${channel} channel yet`, channel);
    const outcome = await adapter.deliver({ idempotencyKey, conversationWorkflowId: workflowId, text: notice.body });
    if (!outcome.delivered) return await failed(outcome.reason, channel);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return failed(`conversation ${workflowId} does not exist`, channel);
    await failed(err instanceof Error ? err.message : String(err), channel);
    throw err;
  }
  await recordDelivery(deps.db, idempotencyKey, { status: 'sent', channel });
  return 'sent';
}
