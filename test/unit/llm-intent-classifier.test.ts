import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { APIConnectionTimeoutError, InternalServerError } from '@anthropic-ai/sdk';
import { LlmMalformedOutputError, createAnthropicIntentClassifier } from '../../llm/anthropic-intent-classifier';
import { startMessagesStandIn, type MessagesStandIn } from '../support/messages-api-standin';

const LABELS = ['cancel_order', 'track_order', 'get_refund', 'oos'] as const;
let standIn: MessagesStandIn;
let classify: ReturnType<typeof createAnthropicIntentClassifier>;

describe('the Claude intent tier (real SDK, local Messages API stand-in)', () => {
  before(async () => {
    standIn = await startMessagesStandIn();
    classify = createAnthropicIntentClassifier({ apiKey: 'test-key', baseURL: standIn.url, timeoutMs: 500 });
  });
  after(() => standIn?.close());

  it('when Claude calls the tool with a known intent, then that intent and confidence come back', async () => {
    standIn.script({ kind: 'tool', input: { label: 'get_refund', confidence: 0.82 } });
    assert.deepEqual(await classify('I want my money back for the lamp', LABELS), { label: 'get_refund', confidence: 0.82 });
    const request = standIn.requests.at(-1);
    // SDK versions differ in how they send the key; either header carries it.
    assert.ok(request?.headers['x-api-key'] === 'test-key' || request?.headers.authorization === 'Bearer test-key');
    assert.deepEqual(request?.body.tool_choice, { type: 'tool', name: 'record_intent' });
    assert.deepEqual(request?.body.tools[0].input_schema.properties.label.enum, [...LABELS]);
    assert.match(request?.body.messages[0].content, /<message>\nI want my money back for the lamp\n<\/message>/);
  });

  const malformed: [string, unknown][] = [
    ['an intent outside the known set', { label: 'issue_refund_now', confidence: 0.9 }],
    ['a confidence above 1', { label: 'track_order', confidence: 7 }],
    ['no label at all', { confidence: 0.5 }],
  ];
  for (const [label, input] of malformed) {
    it(`when Claude answers with ${label}, then it is refused as malformed`, async () => {
      standIn.script({ kind: 'tool', input });
      await assert.rejects(classify('hello', LABELS), LlmMalformedOutputError);
    });
  }

  it('when Claude answers in prose instead of calling the tool, then it is refused as malformed', async () => {
    standIn.script({ kind: 'text', text: 'Sure! The intent is refund.' });
    await assert.rejects(classify('hello', LABELS), /did not call the intent tool/);
  });

  it('when the API fails with a 5xx, then the error surfaces at once (the activity retries, not the SDK)', async () => {
    const before = standIn.requests.length;
    standIn.script({ kind: 'status', status: 503 });
    await assert.rejects(classify('hello', LABELS), InternalServerError);
    assert.equal(standIn.requests.length, before + 1);
  });

  it('when the API does not answer in time, then it times out', async () => {
    standIn.script({ kind: 'hang', ms: 1500 });
    await assert.rejects(classify('hello', LABELS), APIConnectionTimeoutError);
  });
});
