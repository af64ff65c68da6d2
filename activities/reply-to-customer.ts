import { draftReply } from '../domain/small-talk';

export interface ReplyRequest {
  conversationId: string;
  text: string;
  seq: number;
}

export interface ReplyDraft {
  text: string;
  intent: string;
  tier: 'keyword' | 'model' | 'llm' | 'none';
  confidence: number;
  rule: string;
  latencyMicros: number;
}

/** Decides the bot's reply to one customer message. Runs as an activity: later tiers do I/O (model file, LLM). */
export async function replyToCustomer(request: ReplyRequest): Promise<ReplyDraft> {
  const started = process.hrtime.bigint();
  const draft = draftReply(request.text);
  const latencyMicros = Number((process.hrtime.bigint() - started) / 1000n);
  return {
    text: draft.text,
    intent: draft.intent,
    tier: draft.confidence > 0 ? 'keyword' : 'none',
    confidence: draft.confidence,
    rule: draft.rule,
    latencyMicros,
  };
}
