import { randomUUID } from 'node:crypto';
import { createHandoffActivities } from '../../activities/handoff';
import type { CarriedState, Turn } from '../../domain/conversation';
import { workflowIdFor } from '../../domain/conversation';
import { render } from '../../domain/messages/render';
import { ConversationWorkflow } from '../../workflows';
import type { TestStack } from './stack';

export const ORDER_ID = '#W2378156';

/**
 * A real conversation, already waiting for a person, in the customer's language: the workflow
 * starts from carried state with the language on the handoff and a bot turn with its English, as the
 * language detection (helper F) leaves it, and the queue row is written by the real projection.
 * Once detection sets the language itself, a conversation started by a customer's message does this.
 */
export async function handedOffIn(stack: TestStack, language: string): Promise<{ conversationId: string; customerText: string; botText: string; botEnglish: string }> {
  const conversationId = randomUUID();
  const at = new Date().toISOString();
  const key = 'Why would you like to cancel order {orderId}?' as const;
  const botText = render(language, key, { orderId: ORDER_ID });
  const botEnglish = render('en', key, { orderId: ORDER_ID });
  const customerText = CUSTOMER_WORDS[language] ?? `I want to cancel order ${ORDER_ID}`;
  const transcript: Turn[] = [
    { seq: 1, from: 'customer', text: customerText, at, channel: 'chat' },
    { seq: 2, from: 'bot', text: botText, at, channel: 'chat', ...(language === 'en' ? {} : { english: botEnglish }) },
    { seq: 3, from: 'customer', text: HUMAN_WORDS[language] ?? 'I want to talk to a human', at, channel: 'chat' },
  ];
  const slaDueAt = new Date(Date.now() + 60 * 60_000).toISOString();
  const carried: CarriedState = {
    status: 'awaiting_agent',
    transcript,
    decisions: [],
    nextSeq: transcript.length + 1,
    runs: 1,
    startedAt: at,
    ...(language === 'en' ? {} : { language: { language, by: 'detection' as const } }),
    handoff: {
      reasons: [{ code: 'explicit_request', detail: 'the customer asked for a person' }],
      signals: [],
      requestedAt: at,
      requestedAtSeq: 3,
      priority: 'normal',
      summary: `The customer wants to cancel order ${ORDER_ID} and asked for a person.`,
      summarySource: 'template',
      slaBreaches: 0,
      slaDueAt,
      ...(language === 'en' ? {} : { language }),
    },
  };
  await stack.env.client.workflow.start(ConversationWorkflow, {
    workflowId: workflowIdFor(conversationId),
    taskQueue: stack.taskQueue,
    args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000, handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000, carried }],
  });
  await createHandoffActivities({ db: stack.database.db }).syncHandoffQueue({
    conversationId,
    workflowId: workflowIdFor(conversationId),
    status: 'awaiting_agent',
    priority: 'normal',
    reasons: 'the customer asked for a person',
    summary: carried.handoff!.summary,
    requestedAt: at,
    slaDueAt,
    ...(language === 'en' ? {} : { language }),
  });
  return { conversationId, customerText, botText, botEnglish };
}

const CUSTOMER_WORDS: Record<string, string> = {
  de: `Ich möchte meine Bestellung ${ORDER_ID} stornieren`,
  fr: `Je veux annuler ma commande ${ORDER_ID}`,
  es: `Quiero cancelar mi pedido ${ORDER_ID}`,
  pt: `Quero cancelar a minha encomenda ${ORDER_ID}`,
};

const HUMAN_WORDS: Record<string, string> = {
  de: 'Ich möchte bitte mit einem Menschen sprechen',
  fr: 'Je voudrais parler à une personne, s’il vous plaît',
  es: 'Quiero hablar con una persona, por favor',
  pt: 'Quero falar com uma pessoa, por favor',
};
