import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'mocha';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { actorIdOf } from '../../auth/roles';
import { authenticate, mintToken } from '../../auth/token-service';
import { recordConversationOutcome, recordScorecard, type OutcomeReport } from '../../db/repositories/conversation-outcomes';
import { insertLedgerEntry, transitionLedgerEntry } from '../../db/repositories/refund-ledger';
import type { OperationsSummary } from '../../api/contracts';
import type { ConversationFigures, OutcomeAssessment } from '../../domain/outcomes/types';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type Chat, type TestStack } from '../support/stack';
import { describeUnless } from '../support/skip';
import { handedOffIn } from '../support/handed-off';

// The console and the chat page in a real browser: Debian's Chromium driven by playwright-core
// (`npx playwright install` cannot download a browser here).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
// Without Chromium these tests are skipped with the reason, except on CI (CI set), where they fail.
const noBrowser = haveChromium || process.env.CI ? false : `no Chromium at ${CHROMIUM}; apt-get install chromium to run the agent console's browser tests`;

let stack: TestStack;
let channel: string;
/** The chat page's public key: it can only open conversations, from the page's own origin. */
let widgetKey: string;
let alex: string;
let sam: string;

describe('the agent console and chat pages', () => {
  // A $1.00 automatic refund limit, so a cancellation waits for a supervisor; long timers, so nothing moves on its own.
  before(async () => {
    stack = await startStack({
      policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 100 },
      timings: { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000, approvalTimeoutMs: 60 * 60_000 },
    });
    await replaceStore(stack.database.db, buildDemoStore());
    channel = await stack.token('channel');
    widgetKey = await mintToken(stack.database.db, { role: 'widget', name: 'chat page', origin: new URL(stack.baseUrl).origin });
    alex = await mintToken(stack.database.db, { role: 'agent', name: 'Alex' });
    sam = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
  });
  after(() => stack?.close());

  describe('the web pages and /v1/me', () => {
    it('when the pages are fetched, then they come with a strict content security policy and no inline script', async () => {
      for (const [path, type] of [['/console', 'text/html'], ['/console/console.js', 'javascript'], ['/console/console.css', 'text/css'], ['/chat', 'text/html'], ['/chat/chat.js', 'javascript']] as const) {
        const res = await fetch(`${stack.baseUrl}${path}`);
        assert.equal(res.status, 200, path);
        assert.match(res.headers.get('content-type') ?? '', new RegExp(type), path);
        assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/, path);
        assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /unsafe-inline/, path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        const body = await res.text();
        if (type === 'text/html') assert.doesNotMatch(body, /<script(?![^>]*\ssrc=)[^>]*>/, `${path} has no inline script`);
      }
    });

    it('when another path or a file outside the pages is asked for, then it is the API 404', async () => {
      for (const path of ['/console/nope.js', '/console/../routes/web-pages.ts', '/web/console.html', '/chat/console.js', '/nothing']) {
        const res = await call(stack, 'GET', path);
        assert.equal(res.status, 404, path);
        assert.equal(res.body.error.code, 'not_found', path);
      }
    });

    it('when a token asks who it is, then it gets its name and role; without one, 401', async () => {
      const me = (await call(stack, 'GET', '/v1/me', { token: alex })).body;
      assert.deepEqual(me, { id: actorIdOf((await authenticate(stack.database.db, alex))!), name: 'Alex', role: 'agent', languages: [] });
      assert.deepEqual((await call(stack, 'GET', '/v1/me', { token: sam })).body, { id: actorIdOf((await authenticate(stack.database.db, sam))!), name: 'Sam', role: 'supervisor', languages: [] });
      assert.equal((await call(stack, 'GET', '/v1/me', { token: channel })).body.role, 'channel');
      assert.equal((await call(stack, 'GET', '/v1/me')).status, 401);
      assert.equal((await call(stack, 'GET', '/v1/me', { token: 'not-a-token' })).status, 401);
    });
  });

  describeUnless(noBrowser, 'the agent console in a browser', () => {
    let browser: Browser;

    before(async () => {
      if (!haveChromium) throw new Error(`no Chromium at ${CHROMIUM}: CI must run the agent console's browser tests (apt-get install chromium)`);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
    });
    after(async () => {
      await browser?.close();
    });

    /** A fresh tab with its own storage; page errors and dialogs fail the test. */
    async function newPage(problems: string[] = []): Promise<Page> {
      const context = await browser.newContext();
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      return page;
    }

    async function signIn(page: Page, token: string) {
      await page.goto(`${stack.baseUrl}/console`);
      await page.getByTestId('token-input').fill(token);
      await page.getByTestId('sign-in-button').click();
      await page.getByTestId('desk').waitFor({ state: 'visible' });
    }

    const queueItem = (page: Page, conversationId: string) => page.locator(`[data-testid="queue-item"][data-conversation-id="${conversationId}"]`);
    const statusIs = (page: Page, status: string) => page.locator('[data-testid="conversation-status"]', { hasText: status }).waitFor();
    const text = async (page: Page, testid: string) => (await page.getByTestId(testid).textContent()) ?? '';

    async function escalated(first?: string): Promise<Chat> {
      const chat = await startChat(stack, channel);
      if (first) await chat.say(first);
      assert.equal((await chat.say('I want to talk to a human')).status, 'awaiting_agent');
      return chat;
    }

    it('when a token is wrong, then sign-in says so; a good one signs in and out', async () => {
      const problems: string[] = [];
      const page = await newPage(problems);
      await page.goto(`${stack.baseUrl}/console`);
      await page.getByTestId('token-input').fill('not-a-token');
      await page.getByTestId('sign-in-button').click();
      await page.locator('[data-testid="message"]', { hasText: '401' }).waitFor();
      assert.equal(await page.getByTestId('desk').isVisible(), false);

      await page.getByTestId('token-input').fill(channel);
      await page.getByTestId('sign-in-button').click();
      await page.locator('[data-testid="message"]', { hasText: 'agents, supervisors and auditors' }).waitFor();

      await signIn(page, alex);
      assert.equal(await text(page, 'whoami'), 'Alex (agent)');
      assert.equal(await page.getByTestId('supervisor').isVisible(), false, 'agents do not see the approvals panel');
      await page.reload();
      await page.getByTestId('desk').waitFor({ state: 'visible' });
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in').waitFor({ state: 'visible' });
      assert.equal(await page.evaluate('sessionStorage.length'), 0, 'the token is forgotten');
      assert.deepEqual(problems, []);
    });

    it('when a customer asks for a human on the chat page, then an agent claims, answers and resolves it in the console, and the customer sees the reply', async () => {
      const problems: string[] = [];
      const customer = await newPage(problems);
      await customer.goto(`${stack.baseUrl}/chat?key=${encodeURIComponent(widgetKey)}`);
      await customer.getByTestId('chat').waitFor({ state: 'visible' });
      assert.equal(new URL(customer.url()).search, '', 'the token leaves the address bar');
      const conversationId = await customer.getByTestId('chat-log').getAttribute('data-conversation-id');
      assert.ok(conversationId);
      await customer.getByTestId('chat-input').fill('I want to talk to a human');
      await customer.getByTestId('chat-send').click();
      await customer.locator('[data-testid="chat-turn"][data-from="bot"]', { hasText: 'colleague' }).first().waitFor();
      await customer.locator('[data-testid="chat-status"][data-status="awaiting_agent"]').waitFor();

      const agent = await newPage(problems);
      await signIn(agent, alex);
      const item = queueItem(agent, conversationId);
      await item.waitFor();
      assert.equal(await item.getAttribute('data-priority'), 'normal');
      assert.match((await item.getByTestId('queue-reasons').textContent()) ?? '', /asked for a person/);
      await item.locator('button').click();

      // The packet comes first: why, the summary, what the customer asked.
      await agent.locator('[data-testid="handoff-reason"]', { hasText: 'explicit_request' }).waitFor();
      const packet = await agent.getByTestId('handoff').boundingBox();
      const transcript = await agent.getByTestId('transcript').boundingBox();
      assert.ok(packet && transcript && packet.y < transcript.y, 'the handoff packet is above the transcript');
      const summary = await text(agent, 'handoff-summary');
      assert.ok(summary.length > 0, 'a summary is shown');
      assert.equal(summary, (await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: alex })).body.handoff.summary);
      await agent.locator('[data-testid="turn"][data-from="customer"]', { hasText: 'I want to talk to a human' }).waitFor();
      assert.equal(await agent.getByTestId('reply-send').isDisabled(), true, 'no reply before claiming');
      assert.equal(await agent.getByTestId('resolve').isDisabled(), true);

      await agent.getByTestId('claim').click();
      await statusIs(agent, 'with_agent');
      await agent.locator('[data-testid="conversation-owner"]', { hasText: 'Alex' }).waitFor();
      assert.equal(await agent.getByTestId('claim').isDisabled(), true);
      await customer.locator('[data-testid="chat-status"][data-status="with_agent"]').waitFor();

      await agent.getByTestId('reply-input').fill('Hi, I am Alex. Your order is on its way.');
      await agent.getByTestId('reply-send').click();
      await agent.locator('[data-testid="turn"][data-from="agent"]', { hasText: 'I am Alex' }).waitFor();
      await customer.locator('[data-testid="chat-turn"][data-from="agent"]', { hasText: 'Your order is on its way.' }).waitFor();

      await agent.getByTestId('resolve').click();
      await agent.getByTestId('outcome-input').fill('told the customer where the order is');
      await agent.getByTestId('resolve-confirm').click();
      await statusIs(agent, 'resolved');
      await item.waitFor({ state: 'detached' });
      const queue = (await call(stack, 'GET', '/v1/agent/queue', { token: alex })).body.queue as any[];
      assert.equal(queue.some((q) => q.conversationId === conversationId), false, 'the queue no longer lists it');

      const view = (await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: alex })).body;
      assert.equal(view.status, 'resolved');
      assert.deepEqual(view.agentActions.map((a: any) => [a.by, a.name, a.action]), [[actorIdOf((await authenticate(stack.database.db, alex))!), 'Alex', 'claim'], [actorIdOf((await authenticate(stack.database.db, alex))!), 'Alex', 'reply'], [actorIdOf((await authenticate(stack.database.db, alex))!), 'Alex', 'resolve']]);
      assert.match(view.agentActions[2].detail, /told the customer where the order is/);
      await customer.locator('[data-testid="chat-status"][data-status="resolved"]').waitFor();
      assert.deepEqual(problems, []);
    });

    it('when a chat customer last wrote by e-mail, then the console shows each message\'s channel, says the reply goes out by e-mail, and lists its delivery', async () => {
      const problems: string[] = [];
      const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
      const conversationId = created.body.conversationId as string;
      const mailed = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token: channel, body: { text: 'I want to talk to a human, I am writing by mail', channel: 'email' } });
      assert.equal(mailed.body.status, 'awaiting_agent');

      const agent = await newPage(problems);
      await signIn(agent, alex);
      await queueItem(agent, conversationId).locator('button').click();
      await agent.locator('[data-testid="conversation-channel"]', { hasText: 'on e-mail (began on chat)' }).waitFor();
      const turn = agent.locator('[data-testid="turn"][data-from="customer"]', { hasText: 'writing by mail' });
      assert.equal(await turn.getAttribute('data-channel'), 'email');
      assert.equal(await turn.getByTestId('turn-channel').textContent(), 'e-mail');
      await agent.getByTestId('claim').click();
      await statusIs(agent, 'with_agent');
      assert.equal(await text(agent, 'reply-channel'), 'goes out by e-mail');
      await agent.getByTestId('reply-input').fill('Hello, answering your mail.');
      await agent.getByTestId('reply-send').click();
      await agent.locator('[data-testid="message"]', { hasText: 'it goes out by e-mail' }).waitFor();
      // Its delivery, whichever way it went: the outbox has it on the e-mail channel with its state and, if it failed, why.
      const delivery = agent.locator('[data-testid="delivery"]:not([data-status="queued"])', { hasText: 'Hello, answering your mail.' });
      await delivery.waitFor();
      assert.equal(await delivery.getAttribute('data-channel'), 'email');
      assert.equal(await delivery.getByTestId('delivery-where').textContent(), 'by e-mail');
      const [row] = (await call(stack, 'GET', `/v1/conversations/${conversationId}/deliveries`, { token: alex })).body.deliveries;
      assert.equal(await delivery.getAttribute('data-status'), row.status);
      if (row.status === 'failed') assert.ok(((await delivery.getByTestId('delivery-status').textContent()) ?? '').includes(row.failureReason), 'a failure shows its reason');
      assert.deepEqual(problems, []);
    });

    it('when the bot offers choices, then the chat page shows them as buttons and a click answers', async () => {
      const target = (await stack.database.db('orders as o')
        .join('customers as c', 'c.id', 'o.customer_id')
        .where({ 'o.status': 'pending' })
        .orderBy('o.position')
        .first('o.id as orderId', 'c.email as email')) as { orderId: string; email: string };
      const problems: string[] = [];
      const page = await newPage(problems);
      await page.goto(`${stack.baseUrl}/chat`);
      await page.getByTestId('chat-token-input').fill(widgetKey);
      await page.getByTestId('chat-start').click();
      for (const text of ['I want to cancel my order', target.email]) {
        await page.getByTestId('chat-input').fill(text);
        await page.getByTestId('chat-send').click();
        await page.locator('[data-testid="chat-turn"][data-from="customer"]:not(.pending)', { hasText: text }).waitFor();
      }
      const option = page.locator(`[data-testid="chat-option"][data-option-id="${target.orderId}"]`);
      const label = (await option.textContent()) ?? '';
      await option.click();
      await page.locator('[data-testid="chat-turn"][data-from="customer"]:not(.pending)', { hasText: label }).waitFor();
      await option.waitFor({ state: 'detached' });
      const conversationId = await page.getByTestId('chat-log').getAttribute('data-conversation-id');
      const view = (await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: alex })).body;
      assert.equal(view.transcript.at(-2).text, label, 'the button sent its label');
      assert.match(view.transcript.at(-1).text, /why|reason/i, 'the bot goes on to ask for the reason');
      assert.deepEqual(problems, []);
    });

    it('when another agent claimed it first, then the console shows the 409 and the conversation as theirs', async () => {
      const chat = await escalated();
      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, alex);
      await queueItem(page, chat.id).locator('button').click();
      await statusIs(page, 'awaiting_agent');
      assert.equal(await page.getByTestId('claim').isEnabled(), true);

      // Hold the console's reads of the conversation, so it still believes nobody owns it.
      const held: Route[] = [];
      const viewUrl = `${stack.baseUrl}/v1/conversations/${chat.id}`;
      await page.route(viewUrl, (route) => (route.request().method() === 'GET' ? void held.push(route) : route.continue()));
      const blake = await mintToken(stack.database.db, { role: 'agent', name: 'Blake' });
      assert.equal((await call(stack, 'POST', `/v1/conversations/${chat.id}/claim`, { token: blake, body: {} })).status, 200);
      await page.getByTestId('claim').click();
      await page.locator('[data-testid="message"][data-kind="error"]', { hasText: '409 already_claimed' }).waitFor();

      for (const route of held) await route.continue();
      await page.unroute(viewUrl);
      await page.locator('[data-testid="conversation-owner"]', { hasText: 'Blake' }).waitFor();
      assert.equal(await page.getByTestId('reply-send').isDisabled(), true, 'only the owner replies');
      assert.equal(await page.getByTestId('claim').isDisabled(), true);
      assert.deepEqual(problems, []);
    });

    it('when a verified customer who left a review asks for a person, then the console shows the review beside their profile', async () => {
      const db = stack.database.db;
      const target = await db('orders as o').join('customers as c', 'c.id', 'o.customer_id').where({ 'o.status': 'delivered' }).orderBy('o.position', 'desc').first('o.id as orderId', 'c.email as email');
      const chat = await startChat(stack, channel);
      await chat.say('I want to leave a review');
      let step = await chat.say(target.email);
      if (step.awaiting === 'order_id') step = await chat.say(target.orderId);
      if (step.awaiting === 'items') step = await chat.say(step.options[0].id);
      assert.equal(step.awaiting, 'rating');
      assert.match((await chat.say('3 stars, the strap came loose')).replies[0].text, /3-star review/);
      assert.equal((await chat.say('I want to talk to a human')).status, 'awaiting_agent');
      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, alex);
      await queueItem(page, chat.id).locator('button').click();
      const review = page.locator('[data-testid="handoff-review"]');
      await review.waitFor();
      assert.match((await review.textContent()) ?? '', new RegExp(`^3/5 .+ \\(${target.orderId}\\): the strap came loose$`));
      assert.deepEqual(problems, []);
    });

    it('when a customer writes markup, then the console shows it as text and creates no element', async () => {
      const attack = '<img src=x onerror=alert(1)>';
      const chat = await escalated(attack);
      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, alex);
      await queueItem(page, chat.id).locator('button').click();
      const turn = page.locator('[data-testid="turn"][data-from="customer"]', { hasText: 'onerror' });
      await turn.waitFor();
      assert.equal(await turn.getByTestId('turn-text').textContent(), attack);
      assert.equal(await page.locator('img').count(), 0, 'no element came from the text');
      assert.equal(await page.locator('[onerror]').count(), 0);
      await page.waitForTimeout(300);
      assert.deepEqual(problems, [], 'nothing ran');
    });

    it('when a cancellation waits for a supervisor, then the supervisor approves it in the console and the order is cancelled', async () => {
      const target = (await stack.database.db('orders as o')
        .join('customers as c', 'c.id', 'o.customer_id')
        .join('payment_transactions as t', 't.order_id', 'o.id')
        .join('payment_methods as m', 'm.id', 't.payment_method_id')
        .where({ 'o.status': 'pending', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
        .orderBy('o.position')
        .first('o.id as orderId', 'c.email as email')) as { orderId: string; email: string };
      assert.ok(target);
      const chat = await startChat(stack, channel);
      await chat.say(`I want to cancel order ${target.orderId}`);
      assert.equal((await chat.say(target.email)).awaiting, 'reason');
      assert.equal((await chat.say('no longer needed')).awaiting, 'confirmation');
      assert.match((await chat.say('yes')).replies[0].text, /supervisor's approval/);

      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, sam);
      assert.equal(await text(page, 'whoami'), 'Sam (supervisor)');
      const card = page.locator(`[data-testid="approval"][data-conversation-id="${chat.id}"]`);
      await card.waitFor();
      assert.match((await card.getByTestId('approval-detail').textContent()) ?? '', new RegExp(target.orderId));
      await page.locator(`[data-testid="notification"][data-kind="approval_requested"][data-conversation-id="${chat.id}"]`).waitFor();

      await card.getByTestId('approve').click();
      await page.locator('[data-testid="message"][data-kind="info"]', { hasText: 'Approved' }).waitFor();
      await card.waitFor({ state: 'detached' });

      await eventually(async () => (await stack.database.db('orders').where({ id: target.orderId }).first('status')).status === 'cancelled', 'the approved cancellation');
      const view = await eventually(async () => {
        const v = await chat.view();
        return v.transcript.some((t: any) => /is cancelled/.test(t.text)) ? v : undefined;
      }, 'the customer to be told');
      assert.deepEqual(view.agentActions.map((a: any) => [a.by, a.name, a.action]), [[actorIdOf((await authenticate(stack.database.db, sam))!), 'Sam', 'approve']]);

      // The supervisor can open the conversation from the notification and read the outcome there.
      await page.locator(`[data-testid="notification"][data-conversation-id="${chat.id}"] button`).first().click();
      await page.locator('[data-testid="turn"]', { hasText: 'is cancelled' }).first().waitFor();
      assert.deepEqual(problems, []);
    });
    it('when a supervisor opens the refunds, then every refund is listed and the filter shows only those owed, with why', async () => {
      const db = stack.database.db;
      const ledger = async (sagaId: string, amountCents: number, to?: 'owed' | 'refunded', fields = {}) => {
        await insertLedgerEntry(db, { sagaId, idempotencyKey: `${sagaId}:reserve`, orderId: '#W2301718', customerId: 'aisha_bello_3206', paymentMethodId: 'credit_card_8035326', amountCents, purpose: 'cancellation' });
        if (to) assert.ok(await transitionLedgerEntry(db, sagaId, 'reserved', to, fields));
      };
      await ledger('refund-console-owed', 4200, 'owed', { failure_reason: 'the provider answered 503 for 3 hours' });
      await ledger('refund-console-paid', 1300, 'refunded', { provider_refund_id: 're_0c0ffee' });
      await ledger('refund-console-pending', 700);

      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, sam);
      const refund = (sagaId: string) => page.locator(`[data-testid="refund"][data-saga-id="${sagaId}"]`);
      await refund('refund-console-paid').waitFor();
      await refund('refund-console-pending').waitFor();
      assert.equal(await refund('refund-console-paid').getAttribute('data-status'), 'paid');

      await page.getByTestId('refunds-status').selectOption('owed');
      await refund('refund-console-paid').waitFor({ state: 'detached' });
      const statuses = await page.locator('[data-testid="refund"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-status')));
      assert.ok(statuses.length >= 1 && statuses.every((s) => s === 'owed'), JSON.stringify(statuses));
      const owed = refund('refund-console-owed');
      assert.equal(await owed.getByTestId('refund-amount').textContent(), '$42.00');
      assert.equal(await owed.getByTestId('refund-failure').textContent(), 'the provider answered 503 for 3 hours');

      await page.getByTestId('refunds-status').selectOption('failed');
      await page.getByTestId('refunds-empty').waitFor({ state: 'visible' });
      assert.deepEqual(problems, []);
    });

    /** A conversation's outcome as its workflow's activity records it, started `daysAgo` UTC days before today. */
    async function recordedOutcome(daysAgo: number, assessment: OutcomeAssessment, fields: Partial<Omit<OutcomeReport, 'figures'>> & { figures?: Partial<ConversationFigures> } = {}) {
      const conversationId = crypto.randomUUID();
      const midnight = new Date(new Date().toISOString().slice(0, 10));
      const startedAt = new Date(midnight.getTime() - daysAgo * 24 * 60 * 60_000 + 60 * 60_000);
      const { figures, ...rest } = fields;
      await recordConversationOutcome(stack.database.db, {
        conversationId,
        workflowId: `conversation-${conversationId}`,
        channel: 'chat',
        customerKey: null,
        assessment,
        windowMs: 0,
        raised: [],
        startedAt: startedAt.toISOString(),
        customerTurns: 3,
        at: new Date(startedAt.getTime() + 5 * 60_000).toISOString(),
        ...rest,
        figures: {
          tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
          intents: [],
          escalationCodes: [],
          actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
          refundedCents: 0,
          ...figures,
        },
      });
      return { conversationId, day: startedAt.toISOString().slice(0, 10) };
    }

    const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

    it('when a supervisor opens the dashboard, then it shows the figures of the recorded conversations, and an auditor sees them too', async () => {
      // Ten days ago, so that the conversations the other tests start today do not change this day's figures.
      const tiers = { keyword: 2, model: 5, llm: 1, none: 1 };
      const { day } = await recordedOutcome(10, { outcome: 'verified', reason: 'the store shows the order cancelled', issues: ['cancel_order'], resolvedAt: new Date().toISOString() }, { csat: 5, figures: { tiers } });
      await recordedOutcome(10, { outcome: 'verified', reason: 'the address changed', issues: ['modify_address'], resolvedAt: new Date().toISOString() }, { csat: 4 });
      await recordedOutcome(10, { outcome: 'contained', reason: 'answered, not confirmed', issues: [] });
      await recordedOutcome(10, { outcome: 'escalated', reason: 'asked for a person', issues: [] }, { csat: 1, figures: { escalationCodes: ['dashboard_test_reason', 'dashboard_other_reason'], handoffIntent: 'dashboard_test_intent' } });
      await recordedOutcome(11, { outcome: 'escalated', reason: 'asked for a person', issues: [] }, { figures: { escalationCodes: ['dashboard_test_reason'], handoffIntent: 'dashboard_test_intent' } });

      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, sam);
      assert.equal(await page.getByTestId('tab-dashboard').isVisible(), true);
      const answered = page.waitForResponse((res) => res.url().endsWith('/v1/operations/summary?days=30'));
      await page.getByTestId('tab-dashboard').click();
      await page.getByTestId('dashboard').waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('desk').isVisible(), false);
      const row = page.locator(`[data-testid="day-row"][data-day="${day}"]`);
      await row.waitFor();
      assert.deepEqual(
        await row.locator('td').allTextContents(),
        [day, '4', '2', '1', '50.0%', '25.0%'],
        'ten days ago: 4 conversations, 2 verified, 1 contained; the rate is 2 ÷ 4 and contained is not added in',
      );
      const bars = page.locator(`[data-testid="chart-automation-svg"] [data-testid="day"][data-day="${day}"]`);
      assert.equal(await bars.getAttribute('data-automation-rate'), '0.5');
      assert.equal(await bars.getAttribute('data-contained-rate'), '0.25');
      assert.equal(await page.locator('[data-testid="chart-automation-svg"] [data-testid="day"]').count(), 30, 'one group per day of the last 30');

      const barText = async (chart: string, key: string) => page.locator(`[data-testid="${chart}"] [data-testid="bar"][data-key="${key}"] [data-testid="bar-text"]`).textContent();
      assert.equal(await barText('chart-reasons-svg', 'dashboard_test_reason'), '2');
      assert.equal(await barText('chart-reasons-svg', 'dashboard_other_reason'), '1');
      assert.equal(await barText('chart-intents-svg', 'dashboard_test_intent'), '2');

      // The other figures include what the other tests' conversations recorded: they must be those the API answered the page, to the digit.
      const summary = (await (await answered).json()) as OperationsSummary;
      assert.equal(await text(page, 'dashboard-automation-rate'), percent(summary.totals.automationRate));
      assert.equal(await text(page, 'dashboard-contained-rate'), percent(summary.totals.containedRate));
      assert.match(await text(page, 'dashboard-counts'), new RegExp(`^${summary.totals.conversations} conversations: ${summary.totals.verified} verified · ${summary.totals.contained} contained · `));
      assert.ok(summary.totals.conversations >= 5);
      for (const tier of ['keyword', 'model', 'llm', 'none'] as const) {
        assert.ok(summary.tierMix[tier] >= tiers[tier]);
        assert.equal(await barText('chart-tiers-svg', tier), String(summary.tierMix[tier]), tier);
      }
      for (const c of summary.csatByOutcome) {
        assert.equal(await barText('chart-csat-svg', c.outcome), c.average === null ? 'no ratings' : `${c.average.toFixed(1)} (${c.ratings} ${c.ratings === 1 ? 'rating' : 'ratings'})`, c.outcome);
      }
      assert.ok((summary.csatByOutcome.find((c) => c.outcome === 'verified')?.ratings ?? 0) >= 2);

      // A week shows only the last seven days: the conversations from ten days ago are gone from it.
      await page.getByTestId('dashboard-days').selectOption('7');
      await row.waitFor({ state: 'detached' });
      assert.equal(await page.locator('[data-testid="chart-automation-svg"] [data-testid="day"]').count(), 7);

      const auditor = await newPage(problems);
      await auditor.goto(`${stack.baseUrl}/console`);
      await auditor.getByTestId('token-input').fill(await mintToken(stack.database.db, { role: 'auditor', name: 'Ada' }));
      await auditor.getByTestId('sign-in-button').click();
      await auditor.getByTestId('dashboard').waitFor({ state: 'visible' });
      await auditor.locator(`[data-testid="day-row"][data-day="${day}"]`).waitFor();
      assert.equal(await auditor.getByTestId('tab-quality').isVisible(), false, 'the quality review is for supervisors');
      await auditor.getByTestId('tab-desk').click();
      assert.equal(await auditor.getByTestId('queue-pane').isVisible(), false, 'auditors have no queue');
      assert.match(await auditor.getByTestId('no-selection').textContent() ?? '', /link/);

      const agent = await newPage(problems);
      await signIn(agent, alex);
      assert.equal(await agent.getByTestId('tabs').isVisible(), false, 'agents have the desk only');
      assert.deepEqual(problems, []);
    });

    it('when a customer is handed off in a real conversation, then the dashboard counts it from the outcome the conversation recorded', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const before = (await call(stack, 'GET', '/v1/operations/summary?days=30', { token: sam })).body as OperationsSummary;
      const chat = await escalated();
      await eventually(async () => (await call(stack, 'GET', `/v1/conversations/${chat.id}`, { token: sam })).body.outcome === 'escalated', 'the handoff recorded as escalated');

      const problems: string[] = [];
      const page = await newPage(problems);
      await signIn(page, sam);
      const answered = page.waitForResponse((res) => res.url().endsWith('/v1/operations/summary?days=30'));
      await page.getByTestId('tab-dashboard').click();
      const summary = (await (await answered).json()) as OperationsSummary;
      assert.equal(summary.totals.conversations, before.totals.conversations + 1);
      assert.equal(summary.totals.escalated, before.totals.escalated + 1);
      const explicit = (s: OperationsSummary) => s.topEscalationReasons.find((r) => r.code === 'explicit_request')?.count ?? 0;
      assert.equal(explicit(summary), explicit(before) + 1);

      const day = summary.days.find((d) => d.day === today);
      assert.ok(day);
      const row = page.locator(`[data-testid="day-row"][data-day="${today}"]`);
      await row.waitFor();
      assert.deepEqual(await row.locator('td').allTextContents(), [today, String(day.conversations), String(day.verified), String(day.contained), percent(day.automationRate), percent(day.contained / day.conversations)]);
      assert.equal(await page.locator('[data-testid="chart-reasons-svg"] [data-testid="bar"][data-key="explicit_request"] [data-testid="bar-text"]').textContent(), String(explicit(summary)));
      assert.deepEqual(problems, []);
    });

    it('when the console is opened at /console#<id>, then that conversation opens, in the queue or not, and the address follows the one open', async () => {
      // A conversation that is no longer in the queue: handed off, then resolved by an agent.
      const done = await escalated();
      assert.equal((await call(stack, 'POST', `/v1/conversations/${done.id}/claim`, { token: alex, body: {} })).status, 200);
      assert.equal((await call(stack, 'POST', `/v1/conversations/${done.id}/resolve`, { token: alex, body: { outcome: 'answered by phone' } })).status, 200);
      const waiting = await escalated();

      const problems: string[] = [];
      const page = await newPage(problems);
      await page.goto(`${stack.baseUrl}/console#${done.id}`);
      await page.getByTestId('token-input').fill(sam);
      await page.getByTestId('sign-in-button').click();
      await statusIs(page, 'resolved');
      await page.locator('[data-testid="turn"][data-from="customer"]', { hasText: 'I want to talk to a human' }).waitFor();
      await page.locator('[data-testid="conversation-outcome"]', { hasText: 'outcome: escalated' }).waitFor();
      assert.match(await text(page, 'conversation-id'), new RegExp(done.id));
      assert.equal(await queueItem(page, done.id).count(), 0, 'it is not in the queue');

      await queueItem(page, waiting.id).locator('button').click();
      await statusIs(page, 'awaiting_agent');
      assert.equal(new URL(page.url()).hash, `#${waiting.id}`, 'the address names the conversation open');

      // A link followed inside the page: only the hash changes.
      await page.evaluate(`location.hash = ${JSON.stringify(done.id)}`);
      await statusIs(page, 'resolved');
      assert.match(await text(page, 'conversation-id'), new RegExp(done.id));

      // From the dashboard, a deep link brings the desk back with the conversation.
      await page.getByTestId('tab-dashboard').click();
      await page.evaluate(`location.hash = ${JSON.stringify(waiting.id)}`);
      await page.getByTestId('desk').waitFor({ state: 'visible' });
      await statusIs(page, 'awaiting_agent');

      // Signed in already (the token kept in this tab), a fresh load of a deep link opens it too.
      await page.goto(`${stack.baseUrl}/console#${done.id}`);
      await page.reload();
      await statusIs(page, 'resolved');

      // An auditor's deep link opens the conversation to read, without the commands.
      const auditor = await newPage(problems);
      await auditor.goto(`${stack.baseUrl}/console#${waiting.id}`);
      await auditor.getByTestId('token-input').fill(await mintToken(stack.database.db, { role: 'auditor', name: 'Ada' }));
      await auditor.getByTestId('sign-in-button').click();
      await statusIs(auditor, 'awaiting_agent');
      assert.equal(await auditor.getByTestId('commands').isVisible(), false);
      assert.equal(await auditor.getByTestId('reply-form').isVisible(), false);
      assert.deepEqual(problems, []);
    });

    describe('the customer\'s language', () => {
      it('when a German customer waits, then the console names the language, shows each bot reply beside its English, warns an agent who does not list German, and sends the reply as typed', async () => {
        const german = await handedOffIn(stack, 'de');
        const problems: string[] = [];
        const page = await newPage(problems);
        await signIn(page, alex);
        // Alex's token lists no languages: English only, and the queue starts at those.
        assert.equal(await page.getByTestId('queue-mine').isChecked(), true);
        assert.match(await text(page, 'my-languages'), /English only/);
        await page.locator('[data-testid="queue-updated"]', { hasText: 'Updated' }).waitFor();
        assert.equal(await queueItem(page, german.conversationId).count(), 0, 'not among the handoffs Alex reads');
        await page.getByTestId('queue-mine').uncheck();
        const item = queueItem(page, german.conversationId);
        await item.waitFor();
        assert.equal(await item.getAttribute('data-language'), 'de');
        assert.equal(await item.getByTestId('queue-language').textContent(), 'German (de)');
        await item.locator('button').click();

        await page.locator('[data-testid="conversation-language"]', { hasText: 'German (de)' }).waitFor();
        const customerTurn = page.locator('[data-testid="turn"][data-from="customer"]').first();
        await customerTurn.waitFor();
        assert.equal(await customerTurn.getByTestId('turn-text').textContent(), german.customerText, 'the customer\'s words as they wrote them');
        assert.equal(await customerTurn.getByTestId('turn-english').count(), 0, 'no translation of the customer');
        const botTurn = page.locator('[data-testid="turn"][data-from="bot"]');
        assert.equal(await botTurn.getByTestId('turn-text').textContent(), german.botText);
        assert.equal(await botTurn.getByTestId('turn-english').textContent(), german.botEnglish);
        assert.notEqual(german.botText, german.botEnglish);
        const [left, right] = [await botTurn.getByTestId('turn-text').boundingBox(), await botTurn.getByTestId('turn-english').boundingBox()];
        assert.ok(left && right && left.x < right.x && Math.abs(left.y - right.y) < 2, 'side by side, the German on the left');
        assert.match(await text(page, 'language-aid'), /as they wrote them.*German \(de\).*English template/);

        const before = page.getByTestId('claim-language-warning');
        assert.equal(await before.isVisible(), true);
        assert.match((await before.textContent()) ?? '', /writes German \(de\); you read English only/);
        await page.getByTestId('claim').click();
        await statusIs(page, 'with_agent');
        const message = page.locator('[data-testid="message"][data-kind="warning"]');
        await message.waitFor();
        assert.match((await message.textContent()) ?? '', /Claimed; you own it.*German \(de\).*no languages/);
        assert.match(await text(page, 'reply-channel'), /as you type it \(the customer writes German \(de\)\)/);

        const reply = 'Guten Tag, ich storniere die Bestellung #W2378156 gern für Sie.';
        await page.getByTestId('reply-input').fill(reply);
        await page.getByTestId('reply-send').click();
        const agentTurn = page.locator('[data-testid="turn"][data-from="agent"]');
        await agentTurn.waitFor();
        assert.equal(await agentTurn.getByTestId('turn-text').textContent(), reply);
        const view = (await call(stack, 'GET', `/v1/conversations/${german.conversationId}`, { token: alex })).body;
        assert.equal(view.transcript.at(-1).text, reply, 'it went out as typed');
        assert.deepEqual(problems, []);
      });

      it('when an agent who reads German opens a German handoff, then their queue shows it and nothing warns', async () => {
        const greta = await mintToken(stack.database.db, { role: 'agent', name: 'Greta', languages: ['de', 'fr'] });
        const german = await handedOffIn(stack, 'de');
        const problems: string[] = [];
        const page = await newPage(problems);
        await signIn(page, greta);
        assert.match(await text(page, 'my-languages'), /German \(de\), French \(fr\)/);
        const item = queueItem(page, german.conversationId);
        await item.waitFor();
        await item.locator('button').click();
        await page.locator('[data-testid="conversation-language"]', { hasText: 'German (de)' }).waitFor();
        await page.locator('[data-testid="turn"][data-from="bot"] [data-testid="turn-english"]').waitFor();
        assert.equal(await page.getByTestId('claim-language-warning').isVisible(), false);
        await page.getByTestId('claim').click();
        await statusIs(page, 'with_agent');
        await page.locator('[data-testid="message"][data-kind="info"]', { hasText: 'Claimed; you own it (with_agent).' }).waitFor();
        assert.deepEqual(problems, []);
      });
    });

    describe('the quality review', () => {
      it('when a closed conversation has failing checks, then the supervisor sees them in the Quality list and opens the conversation from it', async () => {
        const chat = await escalated();
        const closedAt = new Date().toISOString();
        await recordScorecard(stack.database.db, {
          conversationId: chat.id,
          workflowId: `conversation-${chat.id}`,
          closedAt,
          checks: [
            { id: 'resolved_verified', passed: false, detail: 'escalated: the customer asked for a person' },
            { id: 'policy_followed', passed: true, detail: 'no actions' },
            { id: 'asked_twice', passed: false, detail: 'the customer asked for a person twice' },
          ],
        });
        const problems: string[] = [];
        const page = await newPage(problems);
        await signIn(page, sam);
        await page.getByTestId('tab-quality').click();
        const card = page.locator(`[data-testid="scorecard"][data-conversation-id="${chat.id}"]`);
        await card.waitFor();
        assert.deepEqual(await card.getByTestId('scorecard-check').allTextContents(), [
          'resolved_verified: escalated: the customer asked for a person',
          'asked_twice: the customer asked for a person twice',
        ]);
        await card.getByTestId('scorecard-open').click();
        await page.getByTestId('desk').waitFor({ state: 'visible' });
        await statusIs(page, 'awaiting_agent');
        assert.match(await text(page, 'conversation-id'), new RegExp(chat.id));
        assert.equal(new URL(page.url()).hash, `#${chat.id}`);
        assert.deepEqual(problems, []);
      });
    });
  });
});
