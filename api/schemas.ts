import { z } from 'zod';
import { CHANNELS } from '../domain/conversation';
import { MAX_MESSAGE_CHARS } from '../domain/message-validation';
import { HttpError } from './http-error';

export const createConversationBody = z.strictObject({
  channel: z.enum(CHANNELS),
  customer: z
    .strictObject({
      email: z.email().max(254).optional(),
      name: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  /** The customer's first message, answered in the same request (one round trip instead of two). */
  message: z.strictObject({ text: z.string().max(MAX_MESSAGE_CHARS) }).optional(),
});

export const messageBody = z.strictObject({
  text: z.string().max(MAX_MESSAGE_CHARS),
  /** The channel the message came in on, for a channel service; a conversation token's messages are chat. */
  channel: z.enum(CHANNELS).optional(),
});

/** Conversation ids are UUIDs; anything else cannot name a conversation. */
export const conversationIdParam = z.uuid();

export const goodwillBody = z.strictObject({
  orderId: z.string().regex(/^#W\d{7}$/, 'orderId looks like #W1234567'),
  amountCents: z.number().int().positive().max(1_000_000),
  paymentMethodId: z.string().min(1).max(100),
  reason: z.string().trim().min(3).max(500),
});

export const idempotencyKeyHeader = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);

/** Parses or throws a 400 whose message names each offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined) throw new HttpError(400, 'invalid_body', 'send a JSON body with Content-Type: application/json');
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new HttpError(400, 'invalid_body', reasons.join('; '));
}

export const claimBody = z.strictObject({
  /** A supervisor takes a conversation over from the agent who owns it. */
  takeOver: z.boolean().optional(),
});

export const agentMessageBody = z.strictObject({
  text: z.string().max(MAX_MESSAGE_CHARS),
});

export const resolveBody = z.strictObject({
  outcome: z.string().trim().min(3).max(1000),
});

export const returnToBotBody = z.strictObject({
  note: z.string().trim().min(1).max(1000).optional(),
});

export const approvalDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'deny']),
  reason: z.string().trim().min(1).max(500).optional(),
});

/** `<conversation id>:<proposal id>` (a UUID and the policy's fingerprint). */
export const approvalIdParam = z.string().regex(/^[A-Za-z0-9_:-]{1,120}$/);
