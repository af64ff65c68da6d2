import type { Client } from '@temporalio/client';
import { ConversationGateway } from '../../api/conversation-gateway';
import { mintToken } from '../../auth/token-service';
import { adaptersOver, type ChannelAdapter, type CustomerNotice } from '../../channels';
import type { Channel } from '../../domain/conversation';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startStack, type StackOptions, type TestStack } from './stack';

/**
 * A channel for tests whose far end is this list: each notice it was handed, in order, like the
 * local capture a mail relay has in development. It can be unreachable (it throws as a refused
 * connection would, so the outbox records the failure and the activity retries). The real channels
 * (chat) stay as they are.
 */
export interface CaptureChannel {
  readonly sent: CustomerNotice[];
  unreachable: boolean;
  /** Every adapter of channels/, with this one for its channel. */
  adapters(client: Client): ChannelAdapter[];
}

export function captureChannel(channel: Channel): CaptureChannel {
  const capture: CaptureChannel = {
    sent: [],
    unreachable: false,
    adapters: (client) => [
      ...adaptersOver(client).filter((a) => a.channel !== channel),
      {
        channel,
        async deliver(notice) {
          if (capture.unreachable) throw new Error(`connect ECONNREFUSED: the ${channel} relay is unreachable`);
          capture.sent.push(notice);
          return { delivered: true };
        },
      },
    ],
  };
  return capture;
}

/** The running app with one channel captured, a gateway as the channel adapters use it, and a channel and an agent token. */
export interface CapturingStack {
  stack: TestStack;
  capture: CaptureChannel;
  gateway: ConversationGateway;
  channelToken: string;
  agentToken: string;
}

export async function startCapturingStack(channel: Channel, timings: StackOptions['timings']): Promise<CapturingStack> {
  const capture = captureChannel(channel);
  const stack = await startStack({ timings, channelAdapters: (client) => capture.adapters(client) });
  const gateway = new ConversationGateway({ client: stack.env.client, taskQueue: stack.taskQueue, idleTimeoutMs: 60 * 60_000, timings });
  const channelToken = await stack.token('channel');
  const agentToken = await mintToken(stack.database.db, { role: 'agent', name: 'Alex' });
  await replaceStore(stack.database.db, buildDemoStore());
  return { stack, capture, gateway, channelToken, agentToken };
}
