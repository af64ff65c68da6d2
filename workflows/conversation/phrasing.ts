import type { PhrasedReply } from '../../activities/phrase-reply';
import { phraseReply } from '../activity-proxies';

const causeOf = (err: unknown): string =>
  err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);

export interface PhrasingOptions {
  llmEnabled?: boolean;
  channel: string;
  customerText?: string;
  /** What the workflow decided beyond the templates' own words (ids, amounts, dates). */
  facts?: string[];
  /** The conversation's language (BCP 47): the phrasing is written in it, and checked across languages. */
  language?: string;
}

/**
 * Lets the LLM word the turn's replies when it is configured. Each phrasing is checked against its
 * template and the facts; whatever fails (the check, the LLM, the activity) keeps the template,
 * and why goes to `rejected`.
 */
export async function phraseReplies<R extends { text: string }>(
  replies: R[],
  opts: PhrasingOptions,
): Promise<{ replies: R[]; rejected: string[] }> {
  if (!opts.llmEnabled || replies.length === 0) return { replies, rejected: [] };
  const phrased = await Promise.all(
    replies.map(async (reply): Promise<PhrasedReply> => {
      try {
        return await phraseReply({ template: reply.text, facts: opts.facts ?? [], channel: opts.channel, customerText: opts.customerText, ...(opts.language && opts.language !== 'en' ? { language: opts.language } : {}) });
      } catch (err) {
        return { text: reply.text, source: 'template', rejected: `phrasing failed: ${causeOf(err)}` };
      }
    }),
  );
  return {
    replies: replies.map((reply, i) => ({ ...reply, text: phrased[i]?.text ?? reply.text })),
    rejected: phrased.flatMap((p) => (p.rejected ? [p.rejected] : [])),
  };
}
