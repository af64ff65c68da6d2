import { getClient } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Channel } from '../domain/conversation';
import { findNotice, recordDelivery, type DeliveryStatus } from '../db/repositories/customer-notifications';
import { stateQuery } from '../workflows/conversation/definitions';
import type { ChannelAdapter } from './channel-adapter';
import { chatChannel } from './chat';
import { emailChannel } from './email/adapter';
import type { MailOutSettings } from './email/mail-out';
import { phoneChannels, TwilioSmsSender } from './voice/sms-sender';

/** What the channels other than chat need to send; a channel whose settings are missing has no adapter. */
export interface ChannelSettings {
  /** How e-mail leaves (SUPPORT_EMAIL, SMTP_RELAY or the .eml capture). */
  mail?: MailOutSettings;
  /** How SMS and voice notices are texted (TWILIO_*); without it they fail with the reason that no account is configured. */
  sms?: TwilioSmsSender;
}

export interface DeliveryDeps extends ChannelSettings {
  db: Knex;
  /** Asked for only when a notice has a conversation to go to. */
  client(): Client;
  /** Defaults to every channel that has an adapter today. */
  adapters?: ChannelAdapter[];
}

/**
 * Every channel's adapter: each channel adds its own here. Chat needs only the Temporal client; a
 * channel without its settings (or without `db`) is left out, and its notices fail with that reason.
 */
export function adaptersOver(client: Client, db?: Knex, settings: ChannelSettings = {}): ChannelAdapter[] {
  if (!db) return [chatChannel(client)];
  return [
    chatChannel(client),
    ...(settings.mail ? [emailChannel({ db, settings: settings.mail })] : []),
    // Without an account the phone channels still answer, each notice failing with that reason.
    ...phoneChannels(db, settings.sms ?? new TwilioSmsSender()),
  ];
}

/** The adapters a worker delivers through, given its Temporal client. */
export type AdaptersOver = (client: Client) => ChannelAdapter[];

/** The worker's adapters: every channel whose settings it has. */
export const adaptersWith = (db: Knex, settings: ChannelSettings): AdaptersOver => (client) => adaptersOver(client, db, settings);

/** Delivery as an activity does it: through the worker's own Temporal client. */
export function deliverNoticesFromActivities(db: Knex, adapters: AdaptersOver = adaptersWith(db, {})): (idempotencyKey: string) => Promise<DeliveryStatus> {
  return (idempotencyKey) => deliverNotice({ db, client: getClient, adapters: adapters(getClient()) }, idempotencyKey);
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
  // A notice for the address on file (a reset link, an invoice) goes there by e-mail, with or without a conversation.
  if (!workflowId && !notice.recipient) return failed('the notice belongs to no conversation');

  let channel: Channel | undefined = notice.recipient ? 'email' : (notice.channel ?? undefined);
  try {
    if (!channel && workflowId) {
      const view = await deps.client().workflow.getHandle(workflowId).query(stateQuery);
      // The channel the customer last wrote on; conversations from before it was tracked have only their first.
      channel = view.currentChannel ?? view.channel;
    }
    if (!channel) return await failed('the notice belongs to no conversation');
    const adapter = (deps.adapters ?? adaptersOver(deps.client(), deps.db, deps)).find((a) => a.channel === channel);
    if (!adapter) return await failed(`no adapter delivers to the ${channel} channel yet`, channel);
    const outcome = await adapter.deliver({
      idempotencyKey,
      conversationWorkflowId: workflowId ?? '',
      ...(notice.recipient ? { recipient: notice.recipient } : {}),
      text: notice.body,
      ...(notice.kind ? { kind: notice.kind } : {}),
      ...(notice.seq !== null ? { seq: notice.seq } : {}),
      ...(notice.options.length ? { options: notice.options } : {}),
      ...(notice.customerId ? { customerId: notice.customerId } : {}),
      ...(notice.language ? { language: notice.language } : {}),
    });
    if (!outcome.delivered) return await failed(outcome.reason, channel);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return failed(`conversation ${workflowId ?? ''} does not exist`, channel);
    await failed(err instanceof Error ? err.message : String(err), channel);
    throw err;
  }
  await recordDelivery(deps.db, idempotencyKey, { status: 'sent', channel });
  return 'sent';
}
