import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { checkBooks, orderRefundBaseline } from '../../dev/books-agree';
import { outcomeOfRun, problemsOf, refundFaultsLeft, runMoneyDrill, type DrillReport } from '../../dev/money-drill';
import { MONEY_FLOWS, driveFlow, moneySettled, pickTarget, type FlowContext, type MoneyFlow } from '../../dev/money-flows';
import { openLane, type Lane } from '../support/money-lanes';
import { startTemporal } from '../support/temporal';

/**
 * Each money-moving flow, walked over the API against the real product, under the faults a provider
 * and a worker really have. The full drill (×20 per flow) is `npm run bench:reliability`.
 */

describe('money flows under faults, over the API', () => {
  describe('when the provider answers 503 once before doing anything, then succeeds', () => {
    let plain: Lane;
    let approvals: Lane;
    before(async () => {
      [plain, approvals] = await Promise.all([openLane(false), openLane(true)]);
    });
    after(async () => {
      await plain?.stack.close();
      await approvals?.stack.close();
    });

    for (const flow of MONEY_FLOWS) {
      it(`${flow}: then the provider refunds exactly once, the customer is told once, and the books agree`, async () => {
        const lane = flow === 'approved_cancel' ? approvals : plain;
        const db = lane.stack.database.db;
        const target = await pickTarget(db, flow, lane.taken);
        const baseline = await orderRefundBaseline(db, [target.orderId]);
        const ctx: FlowContext = {
          product: lane.product,
          tokens: lane.tokens,
          patienceMs: 0,
          beforeMoney: () => lane.stack.payments.inject({ route: 'refunds', mode: 'fail_before', times: 1 }),
        };
        const run = await driveFlow(ctx, target);
        assert.equal(run.retries, 0, 'the API answered every call without a 5xx');
        await moneySettled(lane.product, run, 60_000);
        assert.equal(await refundFaultsLeft(lane.stack.payments.sandbox.url), 0, 'the injected 503 met the refund');

        const outcome = await outcomeOfRun(ctx, target, run);
        assert.deepEqual(problemsOf(outcome), [], JSON.stringify(outcome, null, 1));
        assert.deepEqual(await checkBooks(db, lane.stack.payments.sandbox.book, { orderIds: [target.orderId], baseline }), []);
      });
    }
  });

  // The worker process and the API share the database: a SQLite file, or PostgreSQL when TEST_DATABASE_URL is set.
  describe(`when the worker process is SIGKILLed at random moments and started again (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
    // The seed places the kills; a failure prints it, and MONEY_DRILL_SEED replays it.
    const seed = Number(process.env.MONEY_DRILL_SEED) || Math.floor(Math.random() * 2 ** 31);
    let report: DrillReport;
    const lines: string[] = [];
    const explain = (flow?: MoneyFlow) =>
      `seed ${seed} (MONEY_DRILL_SEED=${seed} replays the kill plan)\n${lines.join('\n')}\n` +
      (flow ? JSON.stringify(report.outcomes.find((o) => o.flow === flow), null, 1) : '') +
      `\nworker output, last lines:\n${report.workerOutput.split('\n').slice(-15).join('\n')}`;

    before(async function () {
      this.timeout(300_000);
      const temporal = await startTemporal();
      try {
        report = await runMoneyDrill({
          temporalAddress: temporal.address,
          ...(process.env.TEST_DATABASE_URL ? { postgresUrl: process.env.TEST_DATABASE_URL } : {}),
          seed,           flows: MONEY_FLOWS,
          kills: 2,
          // Early enough that the first kill of each worker lands inside every flow of its lane.
          killActivitiesPerFlow: 4,
          log: (line) => lines.push(line),
        });
      } finally {
        await temporal.teardown();
      }
    });

    it('then the worker was in fact killed while the flows ran, in each lane', () => {
      assert.ok(report.kills >= 3, `only ${report.kills} kill(s) landed while flows were in flight: ${explain()}`);
    });

    for (const flow of MONEY_FLOWS) {
      it(`${flow}: then the accepted request is refunded exactly once and the books agree`, () => {
        const outcome = report.outcomes.find((o) => o.flow === flow);
        assert.ok(outcome, `the drill ran no ${flow}`);
        assert.ok(outcome.kills >= 1, `no kill landed while the ${flow} run was in flight: ${explain(flow)}`);
        assert.deepEqual(problemsOf(outcome), [], explain(flow));
        assert.deepEqual(outcome.mismatches, [], explain(flow));
      });
    }
  });
});
