import type { MessageResult } from '../../domain/conversation';
import type { ConversationContext } from './context';
import { phraseReplies } from './phrasing';
import { languageOf } from './speaking';

/** Records the bot's words (rephrased by Claude when configured) and completes the turn. */
export async function answer(ctx: ConversationContext, reply: Omit<MessageResult, 'status'>): Promise<MessageResult> {
  const replies = await phrased(ctx, reply.replies);
  for (const r of replies) ctx.record('bot', r.text);
  ctx.state.waitingFor = reply.awaiting ? { awaiting: reply.awaiting, ...(reply.options ? { options: reply.options } : {}) } : undefined;
  return { ...reply, replies, status: ctx.state.status };
}

/** The bot speaks on its own (a kept promise, an approval's outcome): recorded for the customer's channel. */
export async function say(ctx: ConversationContext, texts: string[]): Promise<void> {
  for (const r of await phrased(ctx, texts.map((text) => ({ text })))) ctx.record('bot', r.text);
}

async function phrased(ctx: ConversationContext, replies: { text: string }[]): Promise<{ text: string }[]> {
  const { input, state } = ctx;
  if (!input.llmEnabled || replies.length === 0) return replies;
  const last = [...state.transcript].reverse().find((t) => t.from === 'customer');
  // A flagged turn's words never go to Claude, not even as context for the wording of the answer.
  if (last && state.decisions.some((d) => d.kind === 'injection_flagged' && d.seq === last.seq)) return replies;
  const lastCustomer = last?.text;
  const result = await phraseReplies(replies, { llmEnabled: true, channel: input.channel, language: languageOf(state), ...(lastCustomer ? { customerText: lastCustomer } : {}) });
  for (const why of result.rejected) ctx.decide({ seq: state.nextSeq - 1, kind: 'dialogue', rule: 'phrasing:rejected', reason: why });
  return result.replies;
}
