import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor, type CarriedState, type MessageResult } from '../../domain/conversation';
import { render, type MessageKey } from '../../domain/messages';
import { createConversationWorker } from '../../workers/conversation-worker';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate } from '../../workflows/conversation/definitions';
import { RATING_QUESTION, WAITING_FOR_AGENT_TEXT } from '../../workflows/conversation/handoff';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { startTestPayments, type TestPayments } from '../support/payments';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;

/** A conversation whose language is already set (as the customer asking for it would set it). */
async function inLanguage(language: string, run: (send: (text: string) => Promise<MessageResult>) => Promise<void>) {
  const taskQueue = uniqueTaskQueue(`core-${language}`);
  const worker = await createConversationWorker({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(env),
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    payments: payments.provider,
    workflowBundle: await workflowBundle(),
  });
  await worker.runUntil(async () => {
    const conversationId = `core-${language}-${Math.random().toString(36).slice(2)}`;
    const carried: CarriedState = { status: 'open', transcript: [], decisions: [], nextSeq: 1, runs: 1, startedAt: new Date().toISOString(), language: { language, by: 'request' } };
    const handle = await env.client.workflow.start(ConversationWorkflow, {
      workflowId: workflowIdFor(conversationId),
      taskQueue,
      args: [{ conversationId, channel: 'chat', idleTimeoutMs: 3_600_000, llmEnabled: false, carried }],
    });
    await run((text) => handle.executeUpdate(messageUpdate, { args: [text] }));
  });
}

const textOf = (reply: MessageResult) => reply.replies.map((r) => r.text).join(' ');

// What the customer writes in each language; the replies are the catalogue's.
const CUSTOMER: Record<string, { hello: string; refund: string; stop: string; bye: string; person: string; more: string }> = {
  de: { hello: 'Hallo', refund: 'Ich möchte mein Geld zurück', stop: 'Vergiss es', bye: 'Tschüss', person: 'Ich möchte mit einem Mitarbeiter sprechen', more: 'Hallo?' },
  es: { hello: 'Hola', refund: 'Quiero un reembolso', stop: 'Olvídelo', bye: 'Adiós', person: 'Quiero hablar con una persona', more: '¿Hola?' },
  fr: { hello: 'Bonjour', refund: 'Je voudrais un remboursement', stop: 'Laissez tomber', bye: 'Au revoir', person: 'Je veux parler à un conseiller', more: 'Allô ?' },
  pt: { hello: 'Olá', refund: 'Quero um reembolso', stop: 'Esqueça', bye: 'Adeus', person: 'Quero falar com uma pessoa', more: 'Olá?' },
};

describe('the conversation core answers in the conversation’s language', () => {
  before(async () => {
    [env, database, payments] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments()]);
  });
  after(async () => {
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });

  for (const [language, says] of Object.entries(CUSTOMER)) {
    it(`${language}: greeting, clarifying question, menu, leaving a request, goodbye and rating, then a handoff`, async () => {
      const t = (key: MessageKey, params?: Record<string, string>) => render(language, key, params);
      await inLanguage(language, async (send) => {
        const hello = await send(says.hello);
        assert.equal(textOf(hello), t('Hello! I can help with your orders: tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?'));
        assert.notEqual(textOf(hello), render('en', 'Hello! I can help with your orders: tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?'));

        const unclear = await send('blorp');
        assert.equal(textOf(unclear), t('Sorry, I did not quite get that. Is it about tracking an order, cancelling or changing an order, a return or exchange, or a refund?'));

        const menu = await send(says.refund);
        assert.equal(textOf(menu), t('I can help you get your money back. Is it for an order you want to cancel, items you want to return, or a refund you are already waiting for?'), JSON.stringify(menu));
        assert.deepEqual(menu.options?.map((o) => o.label), [t('Cancel an order'), t('Return items'), t('Check on a refund')]);

        // The customer picks an option by its label in their language, and the request starts.
        const started = await send(t('Return items'));
        assert.equal(started.intent, 'return_items', JSON.stringify(started));
        assert.ok(textOf(started).includes(t('I can help you return items.')), textOf(started));

        const dropped = await send(says.stop);
        assert.equal(textOf(dropped), t('All right, I have left that. What else can I do for you?'), JSON.stringify(dropped));

        const bye = await send(says.bye);
        assert.equal(textOf(bye), `${t('Thank you for contacting us. Have a good day!')} ${t(RATING_QUESTION)}`);
        assert.equal(bye.awaiting, 'rating');
        assert.equal(textOf(await send('5')), t('Thank you for your feedback!'));

        const handoff = await send(says.person);
        assert.equal(handoff.status, 'awaiting_agent', JSON.stringify(handoff));
        assert.equal(textOf(handoff), `${t('Of course, I will bring in a colleague.')} ${t(WAITING_FOR_AGENT_TEXT)}`);
        assert.equal(textOf(await send(says.more)), t('Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.'));
      });
    });
  }
});
