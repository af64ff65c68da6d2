import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'mocha';
import { migrateToLatest } from '../../db/migrate';
import {
  listConversationOutcomes,
  listScorecards,
  readConversationOutcome,
  recordConversationOutcome,
  recordScorecard,
  settleConversationOutcomes,
  type OutcomeReport,
} from '../../db/repositories/conversation-outcomes';
import { describeUnless } from '../support/skip';
import { testEngines, type TestDatabase } from '../support/test-databases';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const NO_FIGURES = { tiers: { keyword: 1, model: 0, llm: 0, none: 0 }, intents: ['cancel_order'], escalationCodes: [], actions: { executed: 1, denied: 0, compensated: 0, failed: 0 }, refundedCents: 0 };

function report(conversationId: string, over: Partial<OutcomeReport>): OutcomeReport {
  return {
    conversationId, workflowId: `conversation-${conversationId}`, channel: 'chat', customerKey: 'mei', windowMs: HOUR,
    assessment: { candidate: 'verified', reason: 'the store confirms cancel_pending_order', issues: ['cancel_order'], resolvedAt: at(1) },
    raised: [{ intent: 'cancel_order', at: at(0) }], startedAt: at(0), customerTurns: 4, figures: NO_FIGURES, at: at(1), ...over,
  };
}

for (const engine of testEngines()) {
  describeUnless(engine.skip, `the conversation outcome projection on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    afterEach(() => database.close());

    it('when a resolution waits for its window, then it is pending until the window passes and verified after, when read', async () => {
      const { db } = database;
      await recordConversationOutcome(db, report('a', {}));
      const before = await readConversationOutcome(db, 'a', new Date(T0 + 30 * 60_000));
      assert.deepEqual([before?.outcome, before?.candidate, before?.windowEndsAt], [null, 'verified', at(61)]);
      const after = await readConversationOutcome(db, 'a', new Date(T0 + 62 * 60_000));
      assert.deepEqual([after?.outcome, after?.candidate], ['verified', null]);
    });

    it('when the same customer raises a resolved issue in another conversation inside the window, then the first is contained and stays so', async () => {
      const { db } = database;
      await recordConversationOutcome(db, report('a', {}));
      await recordConversationOutcome(db, report('other-issue', { conversationId: 'b', assessment: { reason: 'in progress', issues: [] }, raised: [{ intent: 'track_order', at: at(10) }], at: at(10) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 11 * 60_000)))?.candidate, 'verified', 'another issue is no come-back');
      await recordConversationOutcome(db, report('c', { customerKey: 'someone else', assessment: { reason: 'in progress', issues: [] }, raised: [{ intent: 'cancel_order', at: at(12) }], at: at(12) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 13 * 60_000)))?.candidate, 'verified', 'another customer is no come-back');
      await recordConversationOutcome(db, report('d', { assessment: { reason: 'in progress', issues: [] }, raised: [{ intent: 'cancel_order', at: at(20) }], at: at(20) }));
      const a = await readConversationOutcome(db, 'a', new Date(T0 + 21 * 60_000));
      assert.deepEqual([a?.outcome, a?.candidate, a?.cameBack], ['contained', null, 'cancel_order in d']);
      assert.match(a?.reason ?? '', /came back on cancel_order within the resolution window \(conversation d\)/);
      // A later report of the first conversation (its close) cannot make it verified again.
      await recordConversationOutcome(db, report('a', { closedAt: at(30), at: at(30) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 3 * HOUR)))?.outcome, 'contained');
    });

    it('when the customer comes back after the window, then the first stays verified', async () => {
      const { db } = database;
      await recordConversationOutcome(db, report('a', {}));
      await recordConversationOutcome(db, report('late', { assessment: { reason: 'in progress', issues: [] }, raised: [{ intent: 'cancel_order', at: at(90) }], at: at(90) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 91 * 60_000)))?.outcome, 'verified');
    });

    it('when a verified conversation reports again, then it stays verified; a handoff later still makes it escalated', async () => {
      const { db } = database;
      await recordConversationOutcome(db, report('a', { windowMs: 0, assessment: { outcome: 'verified', reason: 'confirmed', issues: ['cancel_order'], resolvedAt: at(1) } }));
      await recordConversationOutcome(db, report('a', { assessment: { reason: 'in progress', issues: [] }, at: at(5) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 6 * 60_000)))?.outcome, 'verified');
      await recordConversationOutcome(db, report('a', { assessment: { outcome: 'escalated', reason: 'a person was brought in: profanity', issues: [] }, at: at(7) }));
      assert.equal((await readConversationOutcome(db, 'a', new Date(T0 + 8 * 60_000)))?.outcome, 'escalated');
    });

    it('when outcomes are listed, then the range goes by start time and the figures come back as they went in', async () => {
      const { db } = database;
      await recordConversationOutcome(db, report('early', { startedAt: at(-600) }));
      await recordConversationOutcome(db, report('now', { csat: 5 }));
      assert.equal(await settleConversationOutcomes(db, new Date(T0 + 30 * 60_000)), 0, 'both windows still run');
      assert.equal(await settleConversationOutcomes(db, new Date(T0 + 2 * HOUR)), 2, 'both windows have passed');
      const listed = await listConversationOutcomes(db, { since: new Date(T0 - 60_000) }, new Date(T0 + 2 * HOUR));
      assert.deepEqual(listed.map((o) => [o.conversationId, o.outcome, o.csat, o.figures.actions.executed]), [['now', 'verified', 5, 1]]);
    });

    it('when scorecards are recorded, then a failing one is listed with its checks, and a second close replaces the first', async () => {
      const { db } = database;
      await recordScorecard(db, { conversationId: 'a', workflowId: 'conversation-a', closedAt: at(10), checks: [{ id: 'policy_followed', passed: true, detail: 'ok' }] });
      await recordScorecard(db, { conversationId: 'b', workflowId: 'conversation-b', closedAt: at(20), checks: [{ id: 'no_repeated_question', passed: false, detail: 'asked twice' }] });
      assert.deepEqual((await listScorecards(db, { failingOnly: true })).map((c) => [c.conversationId, c.failing]), [['b', ['no_repeated_question']]]);
      await recordScorecard(db, { conversationId: 'b', workflowId: 'conversation-b', closedAt: at(30), checks: [{ id: 'no_repeated_question', passed: true, detail: 'fine' }] });
      assert.deepEqual((await listScorecards(db)).map((c) => [c.conversationId, c.passed]), [['b', true], ['a', true]]);
    });
  });
}
