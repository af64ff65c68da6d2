import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { addUpFigures } from '../../domain/outcomes/figure-totals';
import type { ConversationFigures } from '../../domain/outcomes/types';

const figures = (over: Partial<ConversationFigures>): ConversationFigures => ({
  tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
  intents: [],
  escalationCodes: [],
  actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
  refundedCents: 0,
  ...over,
});

describe('addUpFigures', () => {
  it('when there are no conversations, then every total is zero and no label is invented', () => {
    const totals = addUpFigures([]);
    assert.equal(totals.conversations, 0);
    assert.deepEqual(totals.tiers, { keyword: 0, model: 0, llm: 0, none: 0 });
    assert.deepEqual([...totals.intents], []);
    assert.deepEqual([...totals.escalations], []);
    assert.deepEqual(totals.actions, { executed: 0, denied: 0, compensated: 0, failed: 0 });
    assert.equal(totals.refundedCents, 0);
    assert.deepEqual(totals.secondsToResolution, []);
  });

  it('when conversations are added up, then tiers, actions and money are summed and intents and reasons count conversations', () => {
    const totals = addUpFigures([
      figures({
        tiers: { keyword: 2, model: 1, llm: 0, none: 0 },
        intents: ['cancel_order', 'track_order'],
        actions: { executed: 1, denied: 0, compensated: 0, failed: 0 },
        refundedCents: 12_50,
        secondsToResolution: 90,
      }),
      figures({
        tiers: { keyword: 1, model: 0, llm: 1, none: 2 },
        intents: ['cancel_order'],
        escalationCodes: ['explicit_request', 'profanity'],
        handoffIntent: 'cancel_order',
        actions: { executed: 0, denied: 1, compensated: 1, failed: 1 },
      }),
      figures({ intents: ['track_order'], escalationCodes: ['explicit_request'], refundedCents: 3_00, secondsToResolution: 0 }),
    ]);
    assert.equal(totals.conversations, 3);
    assert.deepEqual(totals.tiers, { keyword: 3, model: 1, llm: 1, none: 2 });
    assert.deepEqual(Object.fromEntries(totals.intents), { cancel_order: 2, track_order: 2 });
    assert.deepEqual(Object.fromEntries(totals.escalations), { explicit_request: 2, profanity: 1 });
    assert.deepEqual(Object.fromEntries(totals.handoffIntents), { cancel_order: 1 });
    assert.deepEqual(totals.actions, { executed: 1, denied: 1, compensated: 1, failed: 1 });
    assert.equal(totals.refundedCents, 15_50);
    assert.deepEqual(totals.secondsToResolution, [90, 0]);
  });

  it('when conversations carry injection flags, then the flags are summed and a row without the field adds none', () => {
    const totals = addUpFigures([figures({ injectionFlags: 2 }), figures({}), figures({ injectionFlags: 1 })]);
    assert.equal(totals.injectionFlags, 3);
    assert.equal(addUpFigures([]).injectionFlags, 0);
  });

  it('when one conversation names an intent or a reason twice, then it counts once', () => {
    const totals = addUpFigures([figures({ intents: ['track_order', 'track_order'], escalationCodes: ['repeated_request', 'repeated_request'] })]);
    assert.deepEqual(Object.fromEntries(totals.intents), { track_order: 1 });
    assert.deepEqual(Object.fromEntries(totals.escalations), { repeated_request: 1 });
  });

  it('when a row is partial or holds what is not a count, then that field adds nothing and the rest still adds up', () => {
    const totals = addUpFigures([
      {},
      { tiers: { keyword: -3, model: Number.NaN } as unknown as ConversationFigures['tiers'], refundedCents: 'lots' as unknown as number, secondsToResolution: -1 },
      { intents: 'cancel_order' as unknown as string[], actions: { executed: 2 } as ConversationFigures['actions'], refundedCents: 100 },
    ]);
    assert.equal(totals.conversations, 3);
    assert.deepEqual(totals.tiers, { keyword: 0, model: 0, llm: 0, none: 0 });
    assert.deepEqual([...totals.intents], []);
    assert.deepEqual(totals.actions, { executed: 2, denied: 0, compensated: 0, failed: 0 });
    assert.equal(totals.refundedCents, 100);
    assert.deepEqual(totals.secondsToResolution, []);
  });
});
