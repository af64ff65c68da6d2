import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { INTENT_NAMES } from '../../domain/intents';
import { SHIPPED_MODEL_PATH, classify, classifyLocal, loadModel } from '../../nlu/cascade';
import type { LlmClassifier } from '../../nlu/classification';
import { ModelFileError } from '../../nlu/model';
import { trainModel } from '../../nlu/train';
import { tinyExamples } from '../support/nlu-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cascade-'));
const model = trainModel(tinyExamples(), { folds: 3 });

describe('intent classification', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('the classification cascade', () => {
    it('when a keyword rule fires for a label the model knows, then tier 1 answers with confidence 1', () => {
      const c = classifyLocal('Hello!', { model });
      assert.deepEqual({ label: c.label, tier: c.tier, confidence: c.confidence, rule: c.rule }, { label: 'greeting', tier: 'keyword', confidence: 1, rule: 'greeting' });
      assert.ok(c.micros >= 0);
    });

    it('when a rule fires for a label the model does not know, then the rule is skipped', () => {
      const c = classifyLocal('I want to talk to a human', { model });
      assert.notEqual(c.tier, 'keyword');
    });

    it('when no rule fires and the model is sure, then tier 2 answers with its calibrated confidence', () => {
      const c = classifyLocal('where is my parcel, has it shipped', { model, rules: false });
      assert.equal(c.tier, 'model');
      assert.equal(c.label, 'track_order');
      assert.ok(c.confidence >= model.threshold && c.confidence <= 1);
    });

    it('when the model is below its threshold, then the tier is none with label oos and the best guess kept', () => {
      const unsure = trainModel(tinyExamples(), { folds: 3 });
      (unsure as { threshold: number }).threshold = 1; // nothing reaches 1: every answer is unsure
      const c = classifyLocal('where is my parcel', { model: unsure, rules: false });
      assert.equal(c.tier, 'none');
      assert.equal(c.label, 'oos');
      assert.equal(c.candidate, 'track_order');
    });

    it('when the text is out of scope, then the tier is none', () => {
      const c = classifyLocal('what is the weather like in tokyo', { model });
      assert.equal(c.tier, 'none');
      assert.equal(c.label, 'oos');
    });

    it('when there is no model, then only rules answer and the rest is none', () => {
      assert.equal(classifyLocal('thanks!', {}).tier, 'keyword');
      assert.equal(classifyLocal('something else', {}).tier, 'none');
    });

    describe('the LLM tier', () => {
      const unsureText = 'what is the weather like in tokyo';
      it('when tiers 1–2 are unsure and the LLM answers a known label, then tier llm answers', async () => {
        const seen: string[][] = [];
        const llm: LlmClassifier = async (_text, labels) => {
          seen.push([...labels]);
          return { label: 'track_order', confidence: 0.8 };
        };
        const c = await classify(unsureText, { model, llm });
        assert.equal(c.tier, 'llm');
        assert.equal(c.label, 'track_order');
        assert.equal(c.confidence, 0.8);
        assert.deepEqual(seen, [[...model.labels]]);
      });

      it('when tier 1 or 2 is sure, then the LLM is not called', async () => {
        let calls = 0;
        const llm: LlmClassifier = async () => {
          calls++;
          return undefined;
        };
        assert.equal((await classify('hello', { model, llm })).tier, 'keyword');
        assert.equal(calls, 0);
      });

      const failures: [string, LlmClassifier][] = [
        ['throws (timeout, 5xx)', async () => Promise.reject(new Error('503 overloaded'))],
        ['answers nothing', async () => undefined],
        ['answers a label outside the set', async () => ({ label: 'buy_bitcoin', confidence: 0.99 })],
        ['answers a non-numeric confidence', async () => ({ label: 'track_order', confidence: Number.NaN })],
      ];
      for (const [what, llm] of failures) {
        it(`when the LLM ${what}, then the cascade falls through to none without throwing`, async () => {
          const c = await classify(unsureText, { model, llm });
          assert.equal(c.tier, 'none');
          assert.equal(c.label, 'oos');
        });
      }
    });
  });

  describe('loading models', () => {
    it('when a model file is loaded twice, then the same instance is returned', () => {
      const file = path.join(dir, 'm.json');
      fs.writeFileSync(file, model.serialize());
      assert.equal(loadModel(file), loadModel(file));
    });

    it('when the file is missing, then the error says how to train one', () => {
      assert.throws(() => loadModel(path.join(dir, 'none.json')), (err: unknown) => err instanceof ModelFileError && /does not exist.*nlu train/.test(err.message));
    });

    it('when the shipped model is loaded, then it is small, knows the whole taxonomy and answers in-process', () => {
      // Five languages' words and character n-grams (issue 16) took it from 2.4 to 4.2 MiB.
      assert.ok(fs.statSync(SHIPPED_MODEL_PATH).size < 6 * 1024 * 1024);
      const shipped = loadModel(SHIPPED_MODEL_PATH);
      assert.deepEqual([...shipped.labels].sort(), [...INTENT_NAMES].sort());
      assert.equal(classifyLocal('I want to cancel my order #W1234567', { model: shipped }).label, 'cancel_order');
      assert.equal(classifyLocal('the sweater I got is too small, can I swap it for a large one', { model: shipped }).label, 'exchange_items');
    });

    it('when a customer asks to pay an order another way, then the shipped cascade says modify_payment_method', () => {
      const shipped = loadModel(SHIPPED_MODEL_PATH);
      for (const text of ['I want to pay with a different card', 'change the payment method of my order', 'use my gift card instead of PayPal']) {
        const c = classifyLocal(text, { model: shipped });
        assert.equal(c.label, 'modify_payment_method', `${text}: ${JSON.stringify(c)}`);
        assert.notEqual(c.tier, 'none');
      }
    });
  });
});
