import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startStack, type TestStack } from '../support/stack';
import { describeUnless } from '../support/skip';

// The embeddable widget on a shop's page of another origin, in Debian's Chromium (playwright-core).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const noBrowser = haveChromium || process.env.CI ? false : `no Chromium at ${CHROMIUM}; apt-get install chromium to run the widget's browser tests`;

/**
 * A shop: its own origin (another port), a strict CSP that allows scripts and connections to the support
 * API only, and a style sheet that would wreck any widget drawn in the page's own DOM.
 */
async function startShop(apiOrigin: string, widgetKey: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/shop.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end('body > *:not(h1) { display: none !important; visibility: hidden !important; } button, li, input, ol, section { color: transparent !important; font-size: 1px !important; display: none !important; }');
      return;
    }
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.url !== '/' && req.url !== '/index.html') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'self'`,
    });
    res.end(`<!doctype html><html><head><title>A shop</title><link rel="stylesheet" href="/shop.css"></head>
<body><h1>Garden tools</h1><button id="shop-button">Add to basket</button>
<script src="${apiOrigin}/widget.js" data-widget-key="${widgetKey()}"></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the embeddable chat widget', () => {
  let stack: TestStack;
  let shop: { origin: string; close(): Promise<void> };
  let widgetKey = '';
  let agent: string;
  let browser: Browser | undefined;

  before(async () => {
    stack = await startStack({ timings: { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000 } });
    await replaceStore(stack.database.db, buildDemoStore());
    shop = await startShop(stack.baseUrl, () => widgetKey);
    assert.notEqual(shop.origin, stack.baseUrl);
    widgetKey = await mintToken(stack.database.db, { role: 'widget', name: 'shop widget', origin: shop.origin });
    agent = await stack.token('agent');
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    await stack?.close();
  });

  describeUnless(noBrowser, 'on a shop page of another origin, in Chromium', () => {
    before(async () => {
      if (!haveChromium) throw new Error(`no Chromium at ${CHROMIUM}: CI must run the widget's browser tests (apt-get install chromium)`);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
    });

    /** The shop's page in a fresh tab; page errors, refused requests and CSP violations fail the test. */
    async function openShop(problems: string[]): Promise<Page> {
      const context = await browser!.newContext();
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('response', (res) => {
        if (res.url().includes('/events') && !/^text\/event-stream/.test(res.headers()['content-type'] ?? '')) problems.push(`events ${res.status()} ${res.headers()['content-type']}`);
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      await page.goto(shop.origin);
      await page.getByTestId('widget-launcher').click();
      await page.getByTestId('widget-panel').waitFor({ state: 'visible' });
      return page;
    }

    const turn = (page: Page, from: string, text: string | RegExp) => page.locator(`[data-testid="widget-turn"][data-from="${from}"]`, { hasText: text });
    const option = (page: Page, label: RegExp) => page.locator('[data-testid="widget-option"]', { hasText: label });
    const conversationIdOf = async (page: Page): Promise<string> => {
      const entries = JSON.parse(String(await page.evaluate('JSON.stringify(Object.entries(sessionStorage))'))) as [string, string][];
      const saved = entries.find(([k]) => k.startsWith('open-support.widget:') && !k.endsWith(':open'))?.[1];
      assert.ok(saved, 'the widget keeps its conversation in the tab');
      return (JSON.parse(saved) as { id: string }).id;
    };

    it('when a customer cancels a pending order with the buttons, typing only their e-mail, then the order is cancelled', async () => {
      const target = (await stack.database.db('orders as o')
        .join('customers as c', 'c.id', 'o.customer_id')
        .where({ 'o.status': 'pending' })
        .orderBy('o.position')
        .first('o.id as orderId', 'c.email as email')) as { orderId: string; email: string };
      const problems: string[] = [];
      const page = await openShop(problems);
      // The shop's CSS hides every button, list and input of its own page, not the widget's.
      assert.equal(await page.locator('#shop-button').isVisible(), false);
      assert.equal(await page.getByTestId('widget-send').isVisible(), true);
      const color = await page.getByTestId('widget-send').evaluate((b) => (b.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(b).color);
      assert.notEqual(color, 'rgba(0, 0, 0, 0)', 'the shop\'s styles do not reach into the widget');

      await option(page, /cancel my order/i).click();
      await turn(page, 'bot', /e-?mail/i).first().waitFor();
      await page.getByTestId('widget-input').fill(target.email);
      await page.getByTestId('widget-send').click();
      await turn(page, 'customer', target.email).waitFor();
      // Which order (when there are several), why, and yes: buttons only.
      const orderButton = page.locator(`[data-testid="widget-option"][data-option-id="${target.orderId}"]`);
      const reason = option(page, /mistake/i);
      await orderButton.or(reason).first().waitFor();
      if (await orderButton.isVisible()) await orderButton.click();
      await reason.click();
      await page.locator('[data-testid="widget-option"][data-option-id="yes"]').click();
      await turn(page, 'bot', /cancel/i).last().waitFor();
      const id = await conversationIdOf(page);
      const deadline = Date.now() + 20_000;
      let actions: { name: string; status: string }[] = [];
      while (Date.now() < deadline) {
        actions = (await call(stack, 'GET', `/v1/conversations/${id}`, { token: agent })).body.actions;
        if (actions.some((a) => a.status === 'executed')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(actions.some((a) => /cancel/.test(a.name) && a.status === 'executed'), JSON.stringify(actions));
      const order = (await stack.database.db('orders').where({ id: target.orderId }).first('status')) as { status: string };
      assert.equal(order.status, 'cancelled');
      const customerTurns = (await call(stack, 'GET', `/v1/conversations/${id}`, { token: agent })).body.transcript.filter((t: { from: string }) => t.from === 'customer');
      assert.equal(customerTurns.filter((t: { text: string }) => t.text === target.email).length, 1, 'the e-mail was the only thing typed');
      assert.deepEqual(problems, []);
    });

    it('when a turn runs, then the typing indicator shows until the reply is there', async () => {
      const problems: string[] = [];
      const page = await openShop(problems);
      await page.getByTestId('widget-input').fill('Hello');
      await page.getByTestId('widget-send').click();
      await turn(page, 'bot', /./).first().waitFor();
      assert.equal(await page.getByTestId('widget-typing').isVisible(), false);

      // With the worker away, the turn cannot finish: the indicator stays until it is back.
      await stack.stopWorker();
      try {
        await page.getByTestId('widget-input').fill('what is your refund policy?');
        await page.getByTestId('widget-send').click();
        await page.getByTestId('widget-typing').waitFor({ state: 'visible' });
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(await page.getByTestId('widget-typing').isVisible(), true);
      } finally {
        await stack.startWorker();
      }
      await page.getByTestId('widget-typing').waitFor({ state: 'hidden', timeout: 60_000 });
      // The worker bundles the workflow code again as it starts, which takes a while on a loaded machine.
      await turn(page, 'customer', 'refund policy').waitFor({ timeout: 60_000 });
      assert.ok((await turn(page, 'bot', /./).count()) >= 2, 'the reply came');
      assert.deepEqual(problems, []);
    });

    it('when an agent answers after the handoff, then the reply appears without a reload; a reload resumes the conversation and it stays live', async () => {
      const problems: string[] = [];
      const page = await openShop(problems);
      await option(page, /talk to a person/i).click();
      await page.locator('[data-testid="widget-status"][data-status="awaiting_agent"]').waitFor();
      const id = await conversationIdOf(page);

      assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/claim`, { token: agent, body: {} })).status, 200);
      await page.locator('[data-testid="widget-status"][data-status="with_agent"]').waitFor();
      assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/agent-messages`, { token: agent, body: { text: 'Hi, Alex here. How can I help?' } })).status, 200);
      await turn(page, 'agent', 'Alex here').waitFor();

      const before = await page.getByTestId('widget-turn').count();
      await page.reload();
      await page.getByTestId('widget-panel').waitFor({ state: 'visible' });
      await turn(page, 'agent', 'Alex here').waitFor();
      assert.equal(await page.getByTestId('widget-turn').count(), before, 'the whole transcript, once');
      assert.equal(await conversationIdOf(page), id, 'the same conversation');

      assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/agent-messages`, { token: agent, body: { text: 'Still there? I can see your order.' } })).status, 200);
      await turn(page, 'agent', 'I can see your order').waitFor();
      await page.getByTestId('widget-input').fill('yes, thanks');
      await page.getByTestId('widget-send').click();
      await turn(page, 'customer', 'yes, thanks').waitFor();
      assert.deepEqual(problems, []);
    });

  });
});
