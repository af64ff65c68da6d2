import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { CarriedState, Turn } from '../../domain/conversation';
import { MAX_MESSAGE_CHARS, whyMessageIsInvalid } from '../../domain/message-validation';
import { UNSURE_TURNS_BEFORE_HANDOFF, firstReplyFor } from '../../domain/first-replies';
import { INTENT_NAMES } from '../../domain/intents';
import { CARRIED_DECISIONS, CARRIED_TURNS, compactForNextRun } from '../../domain/transcript-compaction';

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

describe('firstReplyFor', () => {
  const table: [string | undefined, number, { awaiting?: string; handoff?: RegExp; text: RegExp }][] = [
    ['greeting', 0, { text: /help with your orders/ }],
    ['thanks', 0, { text: /welcome/ }],
    ['cancel_order', 0, { awaiting: 'email', text: /e-mail address/ }],
    ['track_order', 0, { awaiting: 'email', text: /e-mail address/ }],
    ['check_refund_policy', 0, { text: /returned or exchanged once per order/ }],
    ['oos', 0, { text: /not something I can help with/ }],
    ['contact_human_agent', 0, { handoff: /asked for a person/, text: /colleague/ }],
    ['complaint', 0, { handoff: /complaint/, text: /sorry/ }],
    ['payment_issue', 0, { handoff: /payment records/, text: /colleague/ }],
    ['change_order', 0, { text: /Which would you like/ }],
    ['get_refund', 0, { text: /cancel, items you want to return/ }],
    [undefined, 1, { text: /did not quite get that/ }],
    [undefined, UNSURE_TURNS_BEFORE_HANDOFF, { handoff: /unclear 2 times in a row/, text: /colleague/ }],
  ];
  for (const [intent, streak, expected] of table) {
    it(`when the intent is ${intent ?? 'unknown'} after ${streak} unclear turn(s), then the reply ${expected.handoff ? 'hands off' : expected.awaiting ? `awaits ${expected.awaiting}` : 'answers'}`, () => {
      const reply = firstReplyFor(intent, streak);
      assert.match(reply.text, expected.text);
      assert.equal(reply.awaiting, expected.awaiting);
      if (expected.handoff) assert.match(reply.handoff?.reason ?? '', expected.handoff);
      else assert.equal(reply.handoff, undefined);
    });
  }

  it('when the request is broad, then the menu offers only requests the bot can carry out', () => {
    assert.deepEqual(firstReplyFor('change_order', 0).menu?.map((o) => o.id), ['modify_items', 'change_shipping_address', 'modify_payment_method', 'cancel_order']);
    assert.deepEqual(firstReplyFor('get_refund', 0).menu?.map((o) => o.id), ['cancel_order', 'return_items', 'track_refund']);
  });

  const ACCOUNT_HOW_TOS: [string, RegExp][] = [
    ['create_account', /sign-up page .* confirm the e-mail/],
    ['switch_account', /sign out .* sign in with the e-mail address and password of the other account/],
  ];
  for (const [intent, steps] of ACCOUNT_HOW_TOS) {
    it(`when the customer asks how to ${intent.replace('_', ' ')}, then the reply gives the steps and asks for nothing`, () => {
      const reply = firstReplyFor(intent, 0);
      assert.match(reply.text, steps);
      assert.equal(reply.awaiting, undefined);
      assert.equal(reply.handoff, undefined);
    });
  }

  it('when an intent has no order flow of its own, then its reply answers, offers a menu or hands off, and never asks for an e-mail nobody collects', () => {
    const withFlows = new Set(['cancel_order', 'track_order', 'track_refund', 'return_items', 'exchange_items', 'modify_items', 'modify_payment_method', 'change_shipping_address', 'update_default_address', 'edit_account', 'delete_account', 'recover_password', 'registration_problems']);
    for (const intent of INTENT_NAMES.filter((i) => !withFlows.has(i))) {
      const reply = firstReplyFor(intent, 0);
      assert.equal(reply.awaiting, undefined, `${intent} asks for something no flow collects`);
    }
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
