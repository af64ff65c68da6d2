import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, it } from 'mocha';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { describeUnless } from '../support/skip';
import { startChat, startStack, type TestStack } from '../support/stack';

// Debian's Chromium driven by playwright-core, as in agent-console.browser.test.ts.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const noBrowser = haveChromium || process.env.CI ? false : `no Chromium at ${CHROMIUM}; apt-get install chromium to run the audit view's browser tests`;

let stack: TestStack;
let browser: Browser;
let cancelled: { id: string; orderId: string; email: string };
let handedOver: string;

describeUnless(noBrowser, "the auditor's view in the console", () => {
  before(async () => {
    if (!haveChromium) throw new Error(`no Chromium at ${CHROMIUM}: CI must run the audit view's browser tests (apt-get install chromium)`);
    stack = await startStack();
    await replaceStore(stack.database.db, buildDemoStore());
    const target = (await stack.database.db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('payment_transactions as t', 't.order_id', 'o.id')
      .join('payment_methods as m', 'm.id', 't.payment_method_id')
      .where({ 'o.status': 'pending', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
      .orderBy('o.position')
      .first('o.id as orderId', 'c.email as email')) as { orderId: string; email: string };
    const channel = await stack.token('channel');
    const chat = await startChat(stack, channel);
    await chat.say(`I want to cancel order ${target.orderId}`);
    await chat.say(target.email);
    await chat.say('no longer needed');
    const done = await chat.say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
    cancelled = { id: chat.id, ...target };
    const human = await startChat(stack, channel);
    await human.say('I want to talk to a human');
    handedOver = human.id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signedIn(token: string, problems: string[]): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${stack.baseUrl}/console`);
    await page.getByTestId('token-input').fill(token);
    await page.getByTestId('sign-in-button').click();
    // Signed in, the first view this role has is shown (the desk for agents, the dashboard for the others).
    await page.locator('main:not([hidden])').first().waitFor({ state: 'visible' });
    return page;
  }

  const results = (page: Page) => page.locator('[data-testid="audit-result"]');

  it('when an auditor searches by customer and opens the conversation, then its decisions are listed in order, with the yes that confirmed the action', async () => {
    const problems: string[] = [];
    const page = await signedIn(await mintToken(stack.database.db, { role: 'auditor', name: 'Ada' }), problems);
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit').waitFor({ state: 'visible' });

    await page.getByTestId('audit-customer').fill(cancelled.email.toUpperCase());
    await page.getByTestId('audit-search').click();
    await page.locator(`[data-testid="audit-result"][data-conversation-id="${cancelled.id}"]`).waitFor();
    assert.equal(await results(page).count(), 1, 'only that customer');

    await page.getByTestId('audit-open').click();
    await page.getByTestId('audit-timeline').waitFor({ state: 'visible' });
    assert.equal(await page.getByTestId('audit-timeline-id').textContent(), cancelled.id);
    const decisions = page.locator('[data-testid="audit-entry"][data-kind="policy_decision"]');
    await decisions.nth(1).waitFor();
    assert.match((await decisions.nth(0).textContent()) ?? '', /cancel_pending_order: needs_confirmation/);
    assert.match((await decisions.nth(1).textContent()) ?? '', /cancel_pending_order: allow .*confirmed by the customer's "yes"/);
    const kinds = await page.locator('[data-testid="audit-entry"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    assert.ok(kinds.indexOf('intent') < kinds.indexOf('policy_decision') && kinds.indexOf('policy_decision') < kinds.indexOf('action_result'), kinds.join(', '));
    assert.ok(kinds.includes('saga_step'), 'the refund saga it started is part of the record');

    // By order, then a day range it did not start in.
    await page.getByTestId('audit-customer').fill('');
    await page.getByTestId('audit-order').fill(cancelled.orderId);
    await page.getByTestId('audit-search').click();
    await page.locator(`[data-testid="audit-result"][data-conversation-id="${cancelled.id}"]`).waitFor();
    await page.getByTestId('audit-order').fill('');
    await page.getByTestId('audit-since').fill('2001-01-01');
    await page.getByTestId('audit-until').fill('2001-01-02');
    await page.getByTestId('audit-search').click();
    await page.getByTestId('audit-empty').waitFor({ state: 'visible' });
    assert.equal(await results(page).count(), 0);
    assert.deepEqual(problems, []);
  });

  it('when a supervisor searches by day, then both conversations are found; an agent has no audit at all', async () => {
    const problems: string[] = [];
    const supervisor = await signedIn(await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' }), problems);
    await supervisor.getByTestId('tab-audit').click();
    await supervisor.getByTestId('audit-since').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await supervisor.getByTestId('audit-search').click();
    await supervisor.locator(`[data-testid="audit-result"][data-conversation-id="${handedOver}"]`).waitFor();
    await supervisor.locator(`[data-testid="audit-result"][data-conversation-id="${cancelled.id}"]`).waitFor();
    await supervisor.locator(`[data-testid="audit-result"][data-conversation-id="${handedOver}"] [data-testid="audit-open"]`).click();
    await supervisor.locator('[data-testid="audit-entry"][data-kind="handoff"]').first().waitFor();

    const agent = await signedIn(await mintToken(stack.database.db, { role: 'agent', name: 'Alex' }), problems);
    assert.equal(await agent.getByTestId('tab-audit').isVisible(), false);
    assert.equal(await agent.getByTestId('audit').isVisible(), false);
    assert.deepEqual(problems, []);
  });
});
