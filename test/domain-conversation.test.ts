import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CarriedState, Turn } from '../domain/conversation';
import { MAX_MESSAGE_CHARS, whyMessageIsInvalid } from '../domain/message-validation';
import { draftReply } from '../domain/small-talk';
import { CARRIED_DECISIONS, CARRIED_TURNS, compactForNextRun } from '../domain/transcript-compaction';

describe('whyMessageIsInvalid', () => {
  const table: [string, unknown, RegExp | undefined][] = [
    ['a normal message', 'Where is my order?', undefined],
    ['a message at the limit', 'x'.repeat(MAX_MESSAGE_CHARS), undefined],
    ['tabs and line breaks', 'line one\n\tline two\r\n', undefined],
    ['non-ASCII text', 'Où est ma commande ? 注文', undefined],
    ['an empty string', '', /must not be empty/],
    ['only whitespace', ' \n\t ', /must not be empty/],
    ['one character too many', 'x'.repeat(MAX_MESSAGE_CHARS + 1), /at most 4000/],
    ['a number', 12, /must be a string/],
    ['null', null, /must be a string/],
    ['an object', { text: 'hi' }, /must be a string/],
    ['a NUL byte', 'hi\u0000there', /control characters/],
    ['an escape sequence', 'hi\u001b[31m', /control characters/],
  ];
  for (const [label, input, expected] of table) {
    it(`when given ${label}, then ${expected ? `it is rejected (${expected})` : 'it is accepted'}`, () => {
      const problem = whyMessageIsInvalid(input);
      if (expected) assert.match(problem ?? '', expected);
      else assert.equal(problem, undefined);
    });
  }
});

describe('draftReply (first keyword rules)', () => {
  const table: [string, string, string][] = [
    ['Hello', 'greeting', 'greeting'],
    ['hi there!', 'greeting', 'greeting'],
    ['Good morning', 'greeting', 'greeting'],
    ['thank you so much', 'thanks', 'thanks'],
    ['Thanks!', 'thanks', 'thanks'],
    ['bye', 'goodbye', 'goodbye'],
    ["that's all", 'goodbye', 'goodbye'],
    ['I want to talk to a human', 'contact_human_agent', 'ask-for-human'],
    ['can I speak with an agent please', 'contact_human_agent', 'ask-for-human'],
    ['my order W1234567 is late', 'order_inquiry', 'order-id-mentioned'],
    ['hi, I want to cancel my order', 'unknown', 'capabilities-prompt'],
    ['Thanks for nothing, where is my parcel?', 'unknown', 'capabilities-prompt'],
    ['hitchhiker', 'unknown', 'capabilities-prompt'],
  ];
  for (const [text, intent, rule] of table) {
    it(`when the customer writes "${text}", then the intent is ${intent} by rule ${rule}`, () => {
      const draft = draftReply(text);
      assert.equal(draft.intent, intent);
      assert.equal(draft.rule, rule);
      assert.ok(draft.text.length > 0);
    });
  }

  it('when an order id is written without #, then the reply names it in the canonical form', () => {
    assert.match(draftReply('order w7654321 please').text, /#W7654321/);
  });
});

describe('compactForNextRun', () => {
  const turns = (n: number): Turn[] =>
    Array.from({ length: n }, (_, i) => ({ seq: i + 1, from: i % 2 ? 'bot' : 'customer', text: `t${i + 1}`, at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }));
  const state = (n: number): CarriedState => ({
    status: 'open',
    transcript: turns(n),
    decisions: Array.from({ length: n }, (_, i) => ({ seq: i + 1, kind: 'reply' as const, at: 'x' })),
    nextSeq: n + 1,
    runs: 1,
    startedAt: 'x',
  });

  it('when the transcript is short, then it is carried whole and no summary is made', () => {
    const next = compactForNextRun(state(10));
    assert.equal(next.transcript.length, 10);
    assert.equal(next.earlierSummary, undefined);
    assert.equal(next.nextSeq, 11);
  });

  it('when the transcript is long, then the newest turns are kept and the rest summarised', () => {
    const next = compactForNextRun(state(CARRIED_TURNS + 30));
    assert.equal(next.transcript.length, CARRIED_TURNS);
    assert.equal(next.transcript[0]?.seq, 31);
    assert.match(next.earlierSummary ?? '', /^Turns 1-30 .*15 customer messages, 15 replies\.$/);
    assert.equal(next.decisions.length, CARRIED_DECISIONS);
    assert.equal(next.nextSeq, CARRIED_TURNS + 31);
  });

  it('when compacted twice, then both summaries are kept in order', () => {
    const once = compactForNextRun(state(CARRIED_TURNS + 4));
    const again = compactForNextRun({ ...once, transcript: [...once.transcript, ...turns(CARRIED_TURNS + 8).slice(-4)] });
    assert.match(again.earlierSummary ?? '', /^Turns 1-4 .* Turns 5-8 /);
  });
});
