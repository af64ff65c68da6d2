import { log, patched, workflowInfo } from '@temporalio/workflow';
import type { Channel, NoticeKind, ReplyOption, Speaker } from '../../domain/conversation';
import { deliverLaterMessage } from '../activity-proxies';
import { labelLanguage } from './speaking';
import type { ConversationContext } from './context';
import type { MessageKey } from '../../domain/messages';
import { OUTBOX_PATCH } from './patches';

export const SLA_APOLOGY_TEXT: MessageKey =
  'Sorry for the wait: our colleagues are all busy right now. Yours will be with you as soon as possible, and you do not need to write again.';

/** Where the conversation's later messages go: the channel the customer last wrote on. */
export const currentChannelOf = (ctx: ConversationContext): Channel => ctx.state.currentChannel ?? ctx.input.channel;

export interface Outbox {
  /** Whether this point of the run delivers later messages (false where an older run replays). */
  enabled(): boolean;
  /**
   * Delivers what the conversation wrote from transcript turn `fromSeq` on (the customer's own
   * words aside) as one message, keyed by the conversation and that turn. Not awaited: the
   * customer's next turn need not wait for a relay that is down; deliveries go out in order.
   */
  deliverSince(fromSeq: number, kind: NoticeKind, extra?: { options?: ReplyOption[]; speakers?: Speaker[] }): void;
  /** Delivers one message the conversation wrote at `seq`, under a key of its own (the event's id). */
  deliver(message: { key: string; kind: NoticeKind; seq: number; text: string; options?: ReplyOption[] }): void;
  /** Waits for every delivery started (before the run ends or continues as new). */
  settled(): Promise<void>;
}

export function outboxOf(ctx: ConversationContext): Outbox {
  let chain: Promise<void> = Promise.resolve();
  const enabled = () => patched(OUTBOX_PATCH);
  const send = (m: { key: string; kind: NoticeKind; seq: number; text: string; options?: ReplyOption[] }) => {
    const customerId = ctx.state.identity?.customerId;
    const turn = ctx.state.transcript.find((t) => t.seq === m.seq);
    const message = {
      idempotencyKey: m.key,
      conversationWorkflowId: workflowInfo().workflowId,
      channel: turn?.channel ?? currentChannelOf(ctx),
      kind: m.kind,
      text: m.text,
      seq: m.seq,
      ...(m.options?.length ? { options: m.options } : {}),
      ...(customerId ? { customerId } : {}),
      // The channel's own words around it (a mail's subject, the line under its options) follow the conversation.
      ...labelLanguage(ctx.state),
    };
    chain = chain.then(async () => {
      try {
        await deliverLaterMessage(message);
      } catch (err) {
        // Its retries are spent: the outbox row keeps the failure and its reason; the conversation goes on.
        log.warn('later message left undelivered', { key: message.idempotencyKey, error: String(err) });
      }
    });
  };
  return {
    enabled,
    deliverSince(fromSeq, kind, extra = {}) {
      if (!enabled()) return;
      const speakers = extra.speakers ?? ['bot', 'agent', 'system'];
      const turns = ctx.state.transcript.filter((t) => t.seq >= fromSeq && t.from !== 'customer' && speakers.includes(t.from));
      const first = turns[0];
      if (!first) return;
      send({ key: `${ctx.input.conversationId}:${first.seq}`, kind, seq: first.seq, text: turns.map((t) => t.text).join('\n\n'), ...(extra.options ? { options: extra.options } : {}) });
    },
    deliver(message) {
      if (enabled()) send(message);
    },
    settled: () => chain,
  };
}
