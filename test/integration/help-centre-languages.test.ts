import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'mocha';
import type express from 'express';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createHelpCentreActivities } from '../../activities/answer-from-help-centre';
import { createApp } from '../../api/app';
import { mintToken } from '../../auth/token-service';
import { loadHelpCentre } from '../../knowledge/help-centre';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { dataConverterOf, startTemporal, uniqueTaskQueue } from '../support/temporal';

const { answerFromHelpCentre } = createHelpCentreActivities();

// [language, question, article, the source line's word]
const ASKED: [string, string, string, string][] = [
  ['de', 'Wie lange dauert eine Erstattung auf meine Kreditkarte?', 'refunds', 'Quelle:'],
  ['es', '¿Cómo devuelvo un artículo?', 'returns', 'Fuente:'],
  ['fr', 'Y a-t-il des frais pour annuler une commande ?', 'cancelling-an-order', 'Source :'],
  ['pt', 'Que métodos de pagamento aceitam?', 'payment-methods', 'Fonte:'],
];

describe('the answerFromHelpCentre activity in the customer’s language', () => {
  for (const [language, question, articleId] of ASKED) {
    it(`when a ${language} question comes with language ${language}, then the ${language} article answers`, async () => {
      const answer = await answerFromHelpCentre({ text: question, language });
      assert.ok(answer.confident, JSON.stringify(answer));
      assert.equal(answer.articleId, articleId);
      assert.equal(answer.language, language);
      assert.equal(answer.title, loadHelpCentre(undefined, language).article(articleId)?.title);
    });
  }

  it('when the language has no articles of its own, then the English articles answer, as English', async () => {
    const answer = await answerFromHelpCentre({ text: 'Is there a fee to cancel an order?', language: 'it' });
    assert.ok(answer.confident);
    assert.equal(answer.articleId, 'cancelling-an-order');
    assert.equal(answer.title, 'Cancelling an order');
    assert.equal('language' in answer, false);
  });
});

describe('answerQuestion in workflow code, in the conversation’s language, on a real dev server', () => {
  it('when the conversation is in German, Spanish, French or Portuguese, then the cited reply is too, with its English source line kept', async () => {
    const env = await startTemporal();
    try {
      const taskQueue = uniqueTaskQueue('knowledge-languages');
      const worker = await Worker.create({
        connection: env.nativeConnection,
        dataConverter: dataConverterOf(env),
        namespace: env.namespace ?? 'default',
        taskQueue,
        workflowsPath: require.resolve('../fixtures/knowledge-workflow'),
        activities: createHelpCentreActivities(),
      });
      await worker.runUntil(async () => {
        for (const [language, question, articleId, word] of ASKED) {
          const title = loadHelpCentre(undefined, language).article(articleId)?.title ?? '';
          const result = await env.client.workflow.execute('knowledgeAnswerInLanguageWorkflow', {
            taskQueue,
            workflowId: `knowledge-${taskQueue}-${language}`,
            args: [question, language],
          });
          assert.ok(result, `${language}: no answer`);
          assert.equal(result.replies.length, 1);
          const line = `${word} ${title} (/help/${language}/${articleId})`;
          assert.ok(result.replies[0].text.endsWith(`\n\n${line}`), result.replies[0].text);
          assert.deepEqual(result.spoken, [{ text: line, english: `Source: ${title} (/help/${language}/${articleId})` }]);
        }
        const unserved = await env.client.workflow.execute('knowledgeAnswerInLanguageWorkflow', {
          taskQueue,
          workflowId: `knowledge-${taskQueue}-it`,
          args: ['which payment methods do you accept?', 'it'],
        });
        assert.match(unserved?.replies[0]?.text ?? '', /\n\nSource: Payment methods we accept \(\/help\/payment-methods\)$/);
        assert.deepEqual(unserved?.spoken, []);
      });
    } finally {
      await env.teardown();
    }
  });
});

async function listen(app: express.Express): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// The help centre needs no Temporal: the app gets a client it never calls.
describe('the help centre over HTTP in every language', () => {
  let database: TestDatabase;
  let api: { baseUrl: string; close(): Promise<void> };
  let token: string;
  const get = async (url: string, bearer?: string) => {
    const response = await fetch(`${api.baseUrl}${url}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  before(async () => {
    database = await temporaryDatabase();
    api = await listen(
      createApp({ db: database.db, client: {} as Client, namespace: 'default', taskQueue: 'help-languages', idleTimeoutMs: 60_000, maxBodyBytes: 16 * 1024 }),
    );
    token = await mintToken(database.db, { role: 'channel', name: 'help languages' });
  });
  after(async () => {
    await api?.close();
    await database?.close();
  });

  for (const language of ['de', 'es', 'fr', 'pt']) {
    it(`when anyone opens /help/${language}, then every article is listed in ${language}, linked to its ${language} page`, async () => {
      const res = await get(`/help/${language}`);
      assert.equal(res.status, 200);
      assert.match(res.text, new RegExp(`<html lang="${language}">`));
      for (const article of loadHelpCentre(undefined, language).articles) {
        assert.ok(res.text.includes(`<a href="/help/${language}/${article.id}">`), article.id);
      }
    });
  }

  it('when a German article page is opened, then it is in German and links to its translations', async () => {
    const res = await get('/help/de/refunds');
    assert.equal(res.status, 200);
    assert.match(res.text, /<html lang="de">/);
    assert.match(res.text, /<h1>Erstattungen und Erstattungszeiten<\/h1>/);
    assert.match(res.text, /5 bis 7 Werktage/);
    assert.match(res.text, /<a href="\/help\/de">Hilfe-Center<\/a>/);
    for (const other of ['/help/refunds', '/help/es/refunds', '/help/fr/refunds', '/help/pt/refunds']) assert.ok(res.text.includes(`<a href="${other}"`), other);
  });

  it('when an English page is opened, then it links to the same article in the other languages', async () => {
    const res = await get('/help/refunds');
    assert.match(res.text, /<html lang="en">/);
    assert.ok(res.text.includes('<a href="/help/fr/refunds" hreflang="fr" lang="fr">Français</a>'));
  });

  it('when an article is missing in a language, then the 404 page says so in that language', async () => {
    const res = await get('/help/es/no-such-article');
    assert.equal(res.status, 404);
    assert.match(res.text, /Artículo no encontrado/);
    assert.match(res.text, /«no-such-article»/);
  });

  for (const path of ['/help/it/refunds', '/help/%3Cb%3E/refunds']) {
    it(`when ${decodeURIComponent(path)} is opened, then a 404 page names the languages there are, escaped`, async () => {
      const res = await get(path);
      assert.equal(res.status, 404);
      assert.match(res.type, /^text\/html/);
      assert.match(res.text, /en, de, es, fr, pt/);
      assert.ok(!res.text.includes('<b>'));
    });
  }

  it('when a token lists the articles with ?lang=fr, then the French titles come with their French pages', async () => {
    const res = await get('/v1/help/articles?lang=fr', token);
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text);
    assert.equal(body.language, 'fr');
    assert.equal(body.articles.length, loadHelpCentre().articles.length);
    assert.deepEqual(body.articles.find((a: { id: string }) => a.id === 'refunds'), { id: 'refunds', title: 'Remboursements et délais de remboursement', url: '/help/fr/refunds' });
  });

  it('when a token reads an article with ?lang=pt, then the Portuguese article comes back', async () => {
    const res = await get('/v1/help/articles/returns?lang=pt', token);
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text);
    assert.equal(body.language, 'pt');
    assert.equal(body.title, 'Devolver artigos');
    assert.equal(body.url, '/help/pt/returns');
    assert.match(body.body, /uma vez por encomenda/);
  });

  for (const query of ['lang=it', 'lang=DE', 'lang=', 'lang=de&lang=fr']) {
    it(`when ?${query} is asked for, then 400 invalid_language names the languages there are`, async () => {
      for (const url of [`/v1/help/articles?${query}`, `/v1/help/articles/returns?${query}`]) {
        const res = await get(url, token);
        assert.equal(res.status, 400, url);
        assert.match(res.type, /^application\/json/);
        const { error } = JSON.parse(res.text);
        assert.equal(error.code, 'invalid_language');
        assert.match(error.message, /en, de, es, fr, pt/);
      }
    });
  }
});
