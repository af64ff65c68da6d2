import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'mocha';
import express from 'express';
import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import { errorHandler, unknownRoute } from '../../api/error-handler';
import { helpCentreRoutes } from '../../api/routes/help-centre';
import { mintToken } from '../../auth/token-service';
import { loadHelpCentre } from '../../knowledge/help-centre';
import { temporaryDatabase, type TestDatabase } from '../support/database';

interface Page {
  status: number;
  type: string;
  headers: Headers;
  text: string;
}

async function listen(app: express.Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function get(baseUrl: string, url: string, token?: string): Promise<Page> {
  const response = await fetch(`${baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', headers: response.headers, text: await response.text() };
}

// The help centre needs no Temporal: the app gets a client it never calls.
describe('the help centre over HTTP, in the product app', () => {
  let database: TestDatabase;
  let api: { baseUrl: string; close(): Promise<void> };
  const page = (url: string, token?: string) => get(api.baseUrl, url, token);

  before(async () => {
    database = await temporaryDatabase();
    api = await listen(
      createApp({
        db: database.db,
        client: {} as Client,
        namespace: 'default',
        taskQueue: 'help-centre-test',
        idleTimeoutMs: 60_000,
        maxBodyBytes: 16 * 1024,
      }),
    );
  });
  after(async () => {
    await api?.close();
    await database?.close();
  });

  it('when anyone opens /help, then an HTML page links every article', async () => {
    const res = await page('/help');
    assert.equal(res.status, 200);
    assert.match(res.type, /^text\/html; charset=utf-8/);
    for (const article of loadHelpCentre().articles) {
      assert.ok(res.text.includes(`<a href="/help/${article.id}">`), article.id);
    }
    assert.match(res.text, /Refunds and refund times/);
  });

  it('when anyone opens an article, then its title and paragraphs are shown, with no scripts allowed', async () => {
    const res = await page('/help/refunds');
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Refunds and refund times<\/h1>/);
    assert.match(res.text, /<p>Gift card refunds are added to the card&#39;s balance immediately\./);
    // No scripts, and no framing by another site (the security test found /help could be framed).
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  const UNKNOWN: [string, string][] = [
    ['/help/no-such-article', 'no-such-article'],
    ['/help/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ];
  for (const [url, shown] of UNKNOWN) {
    it(`when ${url} is opened, then a 404 page says so with the id escaped`, async () => {
      const res = await page(url);
      assert.equal(res.status, 404);
      assert.match(res.type, /^text\/html/);
      assert.match(res.text, /Article not found/);
      assert.ok(res.text.includes(shown));
      assert.ok(!res.text.includes('<script>'));
    });
  }

  it('when /v1/help/articles/:id is called without a token, then 401', async () => {
    const res = await page('/v1/help/articles/refunds');
    assert.equal(res.status, 401);
    assert.equal(JSON.parse(res.text).error.code, 'unauthenticated');
  });

  for (const role of ['channel', 'agent', 'supervisor', 'auditor'] as const) {
    it(`when a ${role} token reads an article, then the article comes back as JSON`, async () => {
      const token = await mintToken(database.db, { role, name: `help ${role}` });
      const res = await page('/v1/help/articles/returns', token);
      assert.equal(res.status, 200);
      const body = JSON.parse(res.text);
      assert.deepEqual(Object.keys(body).sort(), ['body', 'id', 'tags', 'title', 'url']);
      assert.equal(body.id, 'returns');
      assert.equal(body.title, 'Returning items');
      assert.equal(body.url, '/help/returns');
      assert.match(body.body, /once per order/);
    });
  }

  it('when a token lists the articles, then each has its id, title and page', async () => {
    const token = await mintToken(database.db, { role: 'channel', name: 'help list' });
    const res = await page('/v1/help/articles', token);
    assert.equal(res.status, 200);
    const { articles } = JSON.parse(res.text);
    assert.equal(articles.length, loadHelpCentre().articles.length);
    assert.deepEqual(articles.find((a: { id: string }) => a.id === 'refunds'), { id: 'refunds', title: 'Refunds and refund times', url: '/help/refunds' });
  });

  for (const id of ['no-such-article', '..%2Fpackage.json', 'REFUNDS']) {
    it(`when the article "${decodeURIComponent(id)}" is asked for as JSON, then 404 not_found`, async () => {
      const token = await mintToken(database.db, { role: 'channel', name: 'help 404' });
      const res = await page(`/v1/help/articles/${id}`, token);
      assert.equal(res.status, 404);
      assert.match(res.type, /^application\/json/);
      const body = JSON.parse(res.text);
      assert.equal(body.error.code, 'not_found');
      assert.match(body.error.message, /help centre article/);
    });
  }
});

describe('the help centre pages escape what articles say', () => {
  let dir: string;
  let api: { baseUrl: string; close(): Promise<void> };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'help-centre-html-'));
    fs.writeFileSync(
      path.join(dir, 'tricky.md'),
      '---\nid: tricky\ntitle: "Tom & Jerry\'s <b>guide</b>"\n---\n## <i>Heading</i>\n<script>alert("x")</script> & more.\n\n- <img src=x onerror=alert(1)>\n',
    );
    const app = express();
    app.use(helpCentreRoutes({ helpCentre: () => loadHelpCentre(dir) }));
    app.use(unknownRoute);
    app.use(errorHandler);
    api = await listen(app);
  });
  after(async () => {
    await api?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when an article holds markup, then the list and the article show it as text', async () => {
    const list = await get(api.baseUrl, '/help');
    assert.ok(list.text.includes('Tom &amp; Jerry&#39;s &lt;b&gt;guide&lt;/b&gt;'));
    const res = await get(api.baseUrl, '/help/tricky');
    assert.equal(res.status, 200);
    assert.ok(res.text.includes('<title>Tom &amp; Jerry&#39;s &lt;b&gt;guide&lt;/b&gt;</title>'));
    assert.ok(res.text.includes('<h2>&lt;i&gt;Heading&lt;/i&gt;</h2>'));
    assert.ok(res.text.includes('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more.</p>'));
    assert.ok(res.text.includes('<ul><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>'));
    for (const raw of ['<script>', '<b>', '<i>', '<img']) assert.ok(!res.text.includes(raw), raw);
  });
});
