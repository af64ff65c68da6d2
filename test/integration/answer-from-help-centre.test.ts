import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { Worker } from '@temporalio/worker';
import type { Knex } from 'knex';
import { createActivities } from '../../activities';
import { createHelpCentreActivities } from '../../activities/answer-from-help-centre';
import { MAX_CANDIDATES, MAX_PASSAGE_CHARS } from '../../domain/knowledge';
import { ARTICLES_DIR, loadHelpCentre, parseArticle } from '../../knowledge/help-centre';
import type { PaymentProvider } from '../../payments/payment-provider';
import { dataConverterOf, startTemporal, uniqueTaskQueue } from '../support/temporal';

const { answerFromHelpCentre } = createHelpCentreActivities();

describe('the answerFromHelpCentre activity on the shipped articles', () => {
  it('when a customer asks a question the help centre covers, then only the cited passage comes back', async () => {
    const answer = await answerFromHelpCentre({ text: 'Is there a fee to cancel an order?' });
    assert.ok(answer.confident);
    assert.deepEqual(Object.keys(answer).sort(), ['articleId', 'confident', 'passage', 'score', 'title']);
    assert.equal(answer.articleId, 'cancelling-an-order');
    assert.equal(answer.title, 'Cancelling an order');
    assert.match(answer.passage, /no cancellation fee/);
    assert.ok(answer.passage.length <= MAX_PASSAGE_CHARS);
    // Workflow history carries this payload: a passage, never the article.
    const article = loadHelpCentre().article('cancelling-an-order');
    assert.ok(JSON.stringify(answer).length < (article?.body.length ?? 0));
  });

  it('when the question is out of scope, then it is not confident and names a few articles at most', async () => {
    const answer = await answerFromHelpCentre({ text: 'what is the capital of France' });
    assert.deepEqual(answer, { confident: false, candidates: [] });
    const vague = await answerFromHelpCentre({ text: 'order' });
    assert.equal(vague.confident, false);
    assert.ok(!vague.confident && vague.candidates.length <= MAX_CANDIDATES);
    for (const candidate of vague.confident ? [] : vague.candidates) {
      assert.deepEqual(Object.keys(candidate).sort(), ['articleId', 'title']);
    }
  });

  it('when the worker builds its activities, then answerFromHelpCentre is among them', () => {
    const activities = createActivities({ db: {} as Knex, payments: {} as PaymentProvider });
    assert.equal(typeof activities.answerFromHelpCentre, 'function');
  });

  it('when the help centre is loaded twice, then the folder is read once', () => {
    assert.equal(loadHelpCentre(), loadHelpCentre(ARTICLES_DIR));
  });
});

describe('loading articles', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const folder = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'help-centre-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('when a folder has articles, then they are listed by title and found by id, and other files are ignored', async () => {
    const dir = folder({
      'b-article.md': '---\nid: b-article\ntitle: Alpha\n---\nAlpha lamps glow softly.\n',
      'a-article.md': '---\nid: a-article\ntitle: Beta\ntags: [mug]\n---\nBeta mugs hold tea.\n\nThey are dishwasher safe.\n',
      'notes.txt': 'not an article',
    });
    const helpCentre = loadHelpCentre(dir);
    assert.deepEqual(helpCentre.articles.map((a) => a.title), ['Alpha', 'Beta']);
    assert.deepEqual(helpCentre.article('a-article'), { id: 'a-article', title: 'Beta', tags: ['mug'], body: 'Beta mugs hold tea.\n\nThey are dishwasher safe.' });
    assert.equal(helpCentre.article('missing'), undefined);
    assert.equal(helpCentre.index.sections.length, 3);
    const answer = await createHelpCentreActivities({ articlesDir: dir }).answerFromHelpCentre({ text: 'are the mugs dishwasher safe?' });
    assert.equal(answer.confident ? answer.articleId : answer.candidates[0]?.articleId, 'a-article');
  });

  const BROKEN: [string, string, RegExp][] = [
    ['no front matter', 'Just text.', /front matter/],
    ['front matter that is not YAML', '---\nid: [x\n---\nText.', /not valid YAML/],
    ['an id that is not the file name', '---\nid: other\ntitle: T\n---\nText.', /must match the file name/],
    ['an id with capitals', '---\nid: Broken\ntitle: T\n---\nText.', /lowercase words/],
    ['no title', '---\nid: broken\n---\nText.', /title/],
    ['tags that are not a list', '---\nid: broken\ntitle: T\ntags: shipping\n---\nText.', /tags/],
    ['no text', '---\nid: broken\ntitle: T\n---\n\n', /no text/],
  ];
  for (const [label, text, error] of BROKEN) {
    it(`when an article has ${label}, then loading fails naming the file`, () => {
      assert.throws(() => parseArticle('broken.md', text), (err: Error) => error.test(err.message) && err.message.includes('broken.md'));
    });
  }
});

describe('answerQuestion in workflow code, on a real dev server', () => {
  const QUESTIONS: [string, RegExp | null][] = [
    ['which payment methods do you accept?', /^We accept three ways to pay: credit cards, PayPal and our own gift cards\.[^\n]*\n\nSource: Payment methods we accept \(\/help\/payment-methods\)$/],
    ['tell me a joke', null],
  ];

  it('when the workflow asks the help centre, then a confident answer is cited and anything else is left to the next step', async () => {
    const env = await startTemporal();
    try {
      const taskQueue = uniqueTaskQueue('knowledge');
      const worker = await Worker.create({
        connection: env.nativeConnection,
        dataConverter: dataConverterOf(env),
        namespace: env.namespace ?? 'default',
        taskQueue,
        workflowsPath: require.resolve('../fixtures/knowledge-workflow'),
        activities: createHelpCentreActivities(),
      });
      await worker.runUntil(async () => {
        for (const [question, reply] of QUESTIONS) {
          const result = await env.client.workflow.execute('knowledgeAnswerWorkflow', {
            taskQueue,
            workflowId: `knowledge-${taskQueue}-${question.length}`,
            args: [question],
          });
          if (reply === null) assert.equal(result, null, question);
          else {
            assert.equal(result.replies.length, 1);
            assert.match(result.replies[0].text, reply);
          }
        }
      });
    } finally {
      await env.teardown();
    }
  });
});
