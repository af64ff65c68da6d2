import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ConversationFigures } from '../../domain/outcomes/types';
import { summarizeOutcomes, summaryWindowStart, type OperationsSummary, type OutcomeFacts } from '../../domain/outcomes/summary';

const NOW = new Date('2026-03-10T15:00:00.000Z');

function figures(fields: Partial<ConversationFigures> = {}): ConversationFigures {
  return {
    tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
    intents: [],
    escalationCodes: [],
    actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
    refundedCents: 0,
    ...fields,
  };
}

const row = (startedAt: string, outcome: OutcomeFacts['outcome'], fields: Partial<OutcomeFacts> & { figures?: ConversationFigures } = {}): OutcomeFacts => ({
  outcome,
  startedAt,
  csat: null,
  figures: figures(),
  ...fields,
});

const empty = { conversations: 0, verified: 0, contained: 0, escalated: 0, abandoned: 0, pending: 0, automationRate: null };

describe('the operations summary of recorded outcomes', () => {
  describe('the window of days', () => {
    const cases: [string, string, number, string][] = [
      ['one day is today only', '2026-03-10T15:00:00.000Z', 1, '2026-03-10T00:00:00.000Z'],
      ['three days end today', '2026-03-10T15:00:00.000Z', 3, '2026-03-08T00:00:00.000Z'],
      ['a window crosses the month', '2026-03-01T00:00:00.000Z', 2, '2026-02-28T00:00:00.000Z'],
      ['days are UTC days, whatever the hour', '2026-03-10T23:59:59.999Z', 1, '2026-03-10T00:00:00.000Z'],
    ];
    for (const [title, now, days, start] of cases) {
      it(`when ${title}, then it starts at ${start}`, () => {
        assert.equal(summaryWindowStart(new Date(now), days).toISOString(), start);
      });
    }
  });

  it('when there are no conversations, then every day is there with zeros and the rates are null', () => {
    const summary = summarizeOutcomes([], { now: NOW, days: 3 });
    assert.deepEqual(summary, {
      days: [{ day: '2026-03-08', ...empty }, { day: '2026-03-09', ...empty }, { day: '2026-03-10', ...empty }],
      totals: { ...empty, containedRate: null },
      tierMix: { keyword: 0, model: 0, llm: 0, none: 0 },
      topEscalationReasons: [],
      topHandoffIntents: [],
      csatByOutcome: [
        { outcome: 'verified', ratings: 0, average: null },
        { outcome: 'contained', ratings: 0, average: null },
        { outcome: 'escalated', ratings: 0, average: null },
        { outcome: 'abandoned', ratings: 0, average: null },
        { outcome: 'pending', ratings: 0, average: null },
      ],
    } satisfies OperationsSummary);
  });

  describe('the automation rate: verified ÷ all, contained beside it, never added in', () => {
    const cases: [string, OutcomeFacts['outcome'][], { automationRate: number | null; containedRate: number | null }][] = [
      ['all verified', ['verified', 'verified'], { automationRate: 1, containedRate: 0 }],
      ['contained does not count as automated', ['verified', 'contained'], { automationRate: 0.5, containedRate: 0.5 }],
      ['pending ones are in the denominator', ['verified', null, null, null], { automationRate: 0.25, containedRate: 0 }],
      ['escalated and abandoned are not automated', ['escalated', 'abandoned', 'contained', 'verified', 'verified'], { automationRate: 0.4, containedRate: 0.2 }],
      ['nothing verified', ['contained', 'escalated', 'abandoned'], { automationRate: 0, containedRate: 1 / 3 }],
    ];
    for (const [title, outcomes, expected] of cases) {
      it(`when ${title}, then the rate is ${expected.automationRate} and contained ${expected.containedRate}`, () => {
        const { totals } = summarizeOutcomes(outcomes.map((o, i) => row(`2026-03-10T0${i}:00:00.000Z`, o)), { now: NOW, days: 1 });
        assert.equal(totals.conversations, outcomes.length);
        assert.equal(totals.automationRate, expected.automationRate);
        assert.equal(totals.containedRate, expected.containedRate);
        assert.equal(totals.verified + totals.contained + totals.escalated + totals.abandoned + totals.pending, outcomes.length);
      });
    }
  });

  it('when conversations start on different days, then each counts on the UTC day it started and those outside the window are left out', () => {
    const rows = [
      row('2026-03-07T23:59:59.999Z', 'verified'),
      row('2026-03-08T00:00:00.000Z', 'verified'),
      row('2026-03-08T22:00:00.000Z', 'contained'),
      row('2026-03-10T09:00:00.000Z', 'escalated'),
      row('2026-03-10T10:00:00.000Z', null),
      row('2026-03-11T00:00:00.000Z', 'verified'),
    ];
    const summary = summarizeOutcomes(rows, { now: NOW, days: 3 });
    assert.deepEqual(summary.days, [
      { day: '2026-03-08', conversations: 2, verified: 1, contained: 1, escalated: 0, abandoned: 0, pending: 0, automationRate: 0.5 },
      { day: '2026-03-09', ...empty },
      { day: '2026-03-10', conversations: 2, verified: 0, contained: 0, escalated: 1, abandoned: 0, pending: 1, automationRate: 0 },
    ]);
    assert.deepEqual(summary.totals, { conversations: 4, verified: 1, contained: 1, escalated: 1, abandoned: 0, pending: 1, automationRate: 0.25, containedRate: 0.25 });
  });

  it('when conversations were classified by tiers, then the tier mix adds their customer turns', () => {
    const rows = [
      row('2026-03-10T01:00:00.000Z', 'verified', { figures: figures({ tiers: { keyword: 2, model: 3, llm: 0, none: 1 } }) }),
      row('2026-03-10T02:00:00.000Z', 'escalated', { figures: figures({ tiers: { keyword: 1, model: 0, llm: 4, none: 0 } }) }),
    ];
    assert.deepEqual(summarizeOutcomes(rows, { now: NOW, days: 1 }).tierMix, { keyword: 3, model: 3, llm: 4, none: 1 });
  });

  it('when conversations were handed off, then the top reasons count conversations, and the top intents only the escalated ones, at most five each', () => {
    const handoff = (outcome: OutcomeFacts['outcome'], codes: string[], handoffIntent?: string) =>
      row('2026-03-10T01:00:00.000Z', outcome, { figures: figures({ escalationCodes: codes, ...(handoffIntent ? { handoffIntent } : {}) }) });
    const rows = [
      handoff('escalated', ['explicit_request', 'frustration'], 'cancel_order'),
      handoff('escalated', ['explicit_request', 'explicit_request'], 'cancel_order'),
      handoff('escalated', ['profanity'], 'return_items'),
      handoff('escalated', ['low_confidence'], 'track_order'),
      handoff('escalated', ['sla_breach'], 'modify_address'),
      handoff('escalated', ['approval_timeout'], 'refund_status'),
      handoff('escalated', ['agent_requested'], 'exchange_items'),
      // Returned to the bot and resolved: its reason counts, its intent did not end in a handoff.
      handoff('verified', ['frustration'], 'track_order'),
    ];
    const summary = summarizeOutcomes(rows, { now: NOW, days: 1 });
    assert.deepEqual(summary.topEscalationReasons, [
      { code: 'explicit_request', count: 2 },
      { code: 'frustration', count: 2 },
      { code: 'agent_requested', count: 1 },
      { code: 'approval_timeout', count: 1 },
      { code: 'low_confidence', count: 1 },
    ]);
    assert.deepEqual(summary.topHandoffIntents, [
      { intent: 'cancel_order', count: 2 },
      { intent: 'exchange_items', count: 1 },
      { intent: 'modify_address', count: 1 },
      { intent: 'refund_status', count: 1 },
      { intent: 'return_items', count: 1 },
    ]);
  });

  it('when customers rated conversations, then CSAT is averaged per outcome, pending ones apart, unrated ones left out', () => {
    const rows = [
      row('2026-03-10T01:00:00.000Z', 'verified', { csat: 5 }),
      row('2026-03-10T02:00:00.000Z', 'verified', { csat: 4 }),
      row('2026-03-10T03:00:00.000Z', 'verified'),
      row('2026-03-10T04:00:00.000Z', 'escalated', { csat: 2 }),
      row('2026-03-10T05:00:00.000Z', null, { csat: 3 }),
    ];
    assert.deepEqual(summarizeOutcomes(rows, { now: NOW, days: 1 }).csatByOutcome, [
      { outcome: 'verified', ratings: 2, average: 4.5 },
      { outcome: 'contained', ratings: 0, average: null },
      { outcome: 'escalated', ratings: 1, average: 2 },
      { outcome: 'abandoned', ratings: 0, average: null },
      { outcome: 'pending', ratings: 1, average: 3 },
    ]);
  });
});
