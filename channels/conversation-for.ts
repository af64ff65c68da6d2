import type { Knex } from 'knex';
import type { Channel, ConversationView, CustomerHint } from '../domain/conversation';
import { findOpenConversationOf } from '../db/repositories/open-conversations';

/** What this needs of the API's conversation gateway (api/conversation-gateway.ts). */
export interface ConversationStarter {
  start(request: { channel: Channel; customer?: CustomerHint }): Promise<string>;
  read(conversationId: string): Promise<Pick<ConversationView, 'status'>>;
}

/**
 * One customer, one conversation: a customer the channel knows (their address or number is on file)
 * continues the conversation they have open, whichever channel it began on; anyone else starts one.
 * The message then goes in with its own channel, so the replies and later messages follow it there.
 */
export async function conversationFor(deps: { gateway: ConversationStarter; db: Knex; channel: Channel; customer?: CustomerHint }): Promise<string> {
  const customerId = deps.customer?.vouched?.customerId;
  const open = customerId ? await openConversationOfCustomer(deps, customerId) : undefined;
  return open ?? deps.gateway.start({ channel: deps.channel, ...(deps.customer ? { customer: deps.customer } : {}) });
}

/** The conversation this customer has open, on whichever channel it began, if any. */
export async function openConversationOfCustomer(deps: { gateway: Pick<ConversationStarter, 'read'>; db: Knex }, customerId: string): Promise<string | undefined> {
  const open = await findOpenConversationOf(deps.db, customerId);
  return open && (await stillOpen(deps.gateway, open.conversationId)) ? open.conversationId : undefined;
}

/** The projection can lag (a conversation ended by an operator); the workflow has the last word. */
async function stillOpen(gateway: Pick<ConversationStarter, 'read'>, conversationId: string): Promise<boolean> {
  try {
    return (await gateway.read(conversationId)).status !== 'closed';
  } catch (err) {
    if ((err as { status?: unknown }).status === 404) return false;
    throw err;
  }
}
