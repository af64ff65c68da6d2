import type { Client } from '@temporalio/client';
import { adaptersOver, type ChannelAdapter, type CustomerNotice } from '../../channels';
import type { Channel } from '../../domain/conversation';

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
