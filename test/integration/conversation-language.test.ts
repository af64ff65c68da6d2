import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { passingOnMessage } from '../../domain/language/unserved-language';
import { render } from '../../domain/messages';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startMessagesStandIn, type MessagesStandIn } from '../support/messages-api-standin';
import { startChat, startStack, type TestStack } from '../support/stack';

/** A customer with exactly one pending order in the demo store, so the cancellation asks no "which order". */
async function customerWithOnePendingOrder(stack: TestStack): Promise<{ email: string; orderId: string }> {
  const rows: { email: string; orderId: string }[] = await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .where({ 'o.status': 'pending' })
    .orderBy('o.position')
    .select('c.email as email', 'o.id as orderId');
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.email, (counts.get(r.email) ?? 0) + 1);
  const one = rows.find((r) => counts.get(r.email) === 1);
  assert.ok(one, 'the demo store needs a customer with one pending order');
  return one;
}

const CANCEL_REQUESTS: [string, string][] = [
  ['de', 'Ich möchte meine Bestellung stornieren'],
  ['es', 'Quiero cancelar mi pedido'],
  ['fr', 'Je veux annuler ma commande'],
  ['pt', 'Quero cancelar a minha encomenda'],
];

describe('the conversation keeps the customer\'s language (API, no LLM)', () => {
  let stack: TestStack;
  let channel: string;
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  for (const [language, text] of CANCEL_REQUESTS) {
    it(`when the first message is "${text}", then the reply says language ${language} and starts the cancellation in it`, async () => {
      const chat = await startChat(stack, channel);
      const first = await chat.say(text);
      assert.equal(first.language, language);
      assert.equal(first.intent, 'cancel_order');
      const opening = render(language, 'I can help you cancel an order.');
      assert.notEqual(opening, 'I can help you cancel an order.');
      assert.ok(first.replies.some((r: { text: string }) => r.text.includes(opening)), JSON.stringify(first.replies));
      // The agent's console reads the English beside it.
      const bot = (await chat.view()).transcript.find((t: { from: string; text: string }) => t.from === 'bot' && t.text.includes(opening));
      assert.ok(bot?.english?.includes('I can help you cancel an order.'), JSON.stringify(bot));
    });
  }

  it('when a German conversation gets "ok", an e-mail address and an order id, then it stays German', async () => {
    const target = await customerWithOnePendingOrder(stack);
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('Ich möchte meine Bestellung stornieren')).language, 'de');
    assert.equal((await chat.say('ok')).language, 'de');
    const identified = await chat.say(target.email);
    assert.equal(identified.language, 'de');
    assert.equal((await chat.say(target.orderId)).language, 'de');
    assert.equal((await chat.view()).transcript.filter((t: { from: string }) => t.from === 'customer').length, 4);
  });

  it('when an English customer asks for German and later for English, then each switch is said in the new language', async () => {
    const chat = await startChat(stack, channel);
    const hello = await chat.say('hello, I have a question');
    assert.equal(hello.language, 'en');
    const german = await chat.say('können wir Deutsch sprechen?');
    assert.equal(german.language, 'de');
    assert.deepEqual(german.replies.map((r: { text: string }) => r.text), [render('de', 'Of course, we can continue in German. How can I help you?')]);
    // Short answers do not move it back.
    assert.equal((await chat.say('danke')).language, 'de');
    const english = await chat.say('in English please');
    assert.equal(english.language, 'en');
    assert.deepEqual(english.replies.map((r: { text: string }) => r.text), ['Of course, we can continue in English. How can I help you?']);
  });

  it('when the customer writes Italian, then they get the Italian passing-on message and a handoff in Italian', async () => {
    const chat = await startChat(stack, channel);
    const reply = await chat.say('Vorrei annullare il mio ordine, per favore');
    assert.equal(reply.language, 'it');
    assert.equal(reply.status, 'awaiting_agent');
    assert.deepEqual(reply.replies.map((r: { text: string }) => r.text), [passingOnMessage('it').text]);
    const view = await chat.view();
    assert.equal(view.handoff.language, 'it');
    assert.deepEqual(view.handoff.reasons.map((r: { code: string }) => r.code), ['language']);
    const bot = view.transcript.find((t: { from: string }) => t.from === 'bot');
    assert.equal(bot.english, passingOnMessage('en').text);
  });

  it('when an English customer is handed over, then the handoff is in English', async () => {
    const chat = await startChat(stack, channel);
    const reply = await chat.say('I want to talk to a human agent');
    assert.equal(reply.language, 'en');
    assert.equal(reply.status, 'awaiting_agent');
    assert.equal((await chat.view()).handoff.language, 'en');
  });
});

const FAKE_ID = '#W0000001';
const OPENING = 'I can help you cancel an order. First, what is the e-mail address on your account?';
const ITALIAN: Record<string, string> = {
  [OPENING]: "Posso aiutarla ad annullare un ordine. Innanzitutto, qual è l'indirizzo e-mail del suo account?",
};
const JAPANESE: Record<string, string> = {
  [OPENING]: 'ご注文のキャンセルをお手伝いします。まず、アカウントのメールアドレスを教えていただけますか？',
};

describe('with Claude configured, any language (API, Messages API stand-in)', () => {
  let stack: TestStack;
  let standIn: MessagesStandIn;
  let channel: string;
  let words: Record<string, string> = {};
  const templateOf = (system: string) => /<template>\n([\s\S]*?)\n<\/template>/.exec(system)?.[1] ?? '';
  before(async () => {
    standIn = await startMessagesStandIn({
      otherwise: (body) => {
        if (body.tools) return { kind: 'tool', input: { label: 'cancel_order', confidence: 0.93 } };
        const template = templateOf(body.system);
        // A wording that changes the order id, which the fact check must refuse in any language.
        const id = /#W\d+/.exec(template)?.[0];
        if (id) return { kind: 'text', text: `Perché vuole annullare l'ordine ${id === FAKE_ID ? '#W0000002' : FAKE_ID}?` };
        return { kind: 'text', text: words[template] ?? template };
      },
    });
    stack = await startStack({ llm: { baseURL: standIn.url } });
    channel = await stack.token('channel');
  });
  after(async () => {
    await stack?.close();
    await standIn?.close();
  });
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when the customer writes Italian, then Claude reads it and the reply is phrased in Italian; a wording that changes the order id is refused', async () => {
    words = ITALIAN;
    const target = await customerWithOnePendingOrder(stack);
    const chat = await startChat(stack, channel);
    const first = await chat.say('Vorrei annullare il mio ordine, per favore');
    assert.equal(first.language, 'it');
    assert.equal(first.intent, 'cancel_order');
    assert.equal(first.status, 'open');
    assert.ok(first.replies.some((r: { text: string }) => r.text === ITALIAN[OPENING]), JSON.stringify(first.replies));
    assert.ok(standIn.requests.some((r) => r.body.tools), 'the LLM tier classified the Italian message');
    assert.ok(standIn.requests.some((r) => /Write the reply in Italian \(it\)/.test(r.body.system ?? '')), 'the phrasing was asked for Italian');

    const identified = await chat.say(target.email);
    assert.equal(identified.language, 'it');
    const asked = identified.awaiting === 'order_id' ? await chat.say(target.orderId) : identified;
    assert.equal(asked.awaiting, 'reason');
    const withId = asked.replies.find((r: { text: string }) => r.text.includes(target.orderId));
    assert.ok(withId, `a reply names ${target.orderId}: ${JSON.stringify(asked.replies)}`);
    assert.ok(!asked.replies.some((r: { text: string }) => r.text.includes(FAKE_ID)), 'the changed id never reaches the customer');
    const rejected = (await chat.view()).decisions.filter((d: { rule?: string }) => d.rule === 'phrasing:rejected');
    assert.ok(rejected.length > 0, 'the refused wording is recorded');
  });

  it('when the customer writes Japanese, then the reply is phrased in Japanese and says language ja', async () => {
    words = JAPANESE;
    const chat = await startChat(stack, channel);
    const first = await chat.say('注文をキャンセルしたいです');
    assert.equal(first.language, 'ja');
    assert.equal(first.intent, 'cancel_order');
    assert.ok(first.replies.some((r: { text: string }) => r.text === JAPANESE[OPENING]), JSON.stringify(first.replies));
    assert.ok(standIn.requests.some((r) => /Write the reply in Japanese \(ja\)/.test(r.body.system ?? '')));
  });
});
