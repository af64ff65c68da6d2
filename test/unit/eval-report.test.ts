import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatTable, passHatK, summarize } from '../../eval/report';
import { outcomeProblem, wrongActionsOf, type RunResult } from '../../eval/run-scenario';
import { compareWithExpected, formatAgainst } from '../../eval/suite';

const result = (file: string, run: number, fields: Partial<RunResult> = {}): RunResult => {
  const problems = fields.problems ?? [];
  const wrongActions = fields.wrongActions ?? [];
  return {
    scenario: file.replace('.yaml', ''),
    file,
    run,
    conversationId: `c-${file}-${run}`,
    outcome: 'verified',
    actions: [],
    handoff: false,
    turns: 4,
    storeProblems: [],
    ...fields,
    problems,
    wrongActions,
    passed: problems.length === 0 && wrongActions.length === 0,
  };
};

describe('eval figures: pass^k', () => {
  const CASES: [number, number, number, number][] = [
    [3, 3, 3, 1],
    [3, 2, 3, 0],
    [3, 0, 1, 0],
    [3, 2, 1, 2 / 3],
    [4, 2, 2, 1 / 6],
    [5, 4, 2, 0.6],
  ];
  for (const [runs, passes, k, expected] of CASES) {
    it(`when ${passes} of ${runs} runs passed, then pass^${k} is ${expected.toFixed(3)}`, () => {
      assert.ok(Math.abs(passHatK(runs, passes, k) - expected) < 1e-9, String(passHatK(runs, passes, k)));
    });
  }

  it('when k is more than the runs, then it is refused', () => {
    assert.throws(() => passHatK(2, 2, 3), /pass\^3 needs between 1 and 2 runs/);
  });
});

describe('eval figures: wrong actions', () => {
  it('when an action is done that the scenario does not expect done, then it is a wrong action; proposals and refusals are not', () => {
    const expected = [{ name: 'cancel_pending_order', status: 'executed' as const }];
    assert.deepEqual(wrongActionsOf([{ name: 'cancel_pending_order', status: 'executed' }], expected), []);
    assert.deepEqual(wrongActionsOf([{ name: 'cancel_pending_order', status: 'delayed' }], expected), []);
    assert.deepEqual(
      wrongActionsOf([{ name: 'cancel_pending_order', status: 'executed' }, { name: 'cancel_pending_order', status: 'executed' }, { name: 'modify_user_address', status: 'executed' }], expected),
      ['cancel_pending_order:executed', 'modify_user_address:executed'],
    );
    assert.deepEqual(wrongActionsOf([{ name: 'cancel_pending_order', status: 'denied' }, { name: 'x', status: 'proposed' }], []), []);
  });
});

describe('eval figures: the outcome', () => {
  it('when the outcome seen differs from the one expected, then it is a problem; one not known yet is not', () => {
    assert.equal(outcomeProblem('contained', 'verified'), 'outcome: expected contained, found verified');
    assert.equal(outcomeProblem('verified', 'awaiting window'), undefined);
    assert.equal(outcomeProblem('contained', 'awaiting window'), 'outcome: expected contained, found awaiting window');
    assert.equal(outcomeProblem('escalated', 'unknown'), undefined);
    assert.equal(outcomeProblem(undefined, 'abandoned'), undefined);
    assert.equal(outcomeProblem('escalated', 'escalated'), undefined);
  });

  it('when resolutions are still inside their window, then the table counts them apart from verified ones', () => {
    const summary = summarize([result('cancel.yaml', 0), result('cancel.yaml', 1, { outcome: 'awaiting window', windowHours: 24 })], 2);
    assert.equal(summary.verified, 1);
    assert.equal(summary.awaitingWindow, 1);
    const table = formatTable(summary, { baseUrl: 'http://x' });
    assert.match(table, /resolution window: 24 h/);
    assert.match(table.split('\n').find((l) => l.startsWith('cancel')) ?? '', /50% \(1 awaiting window\)/);
  });
});

describe('eval figures: the table', () => {
  const results = [
    result('cancel.yaml', 0),
    result('cancel.yaml', 1),
    result('handoff.yaml', 0, { outcome: 'escalated', handoff: true, turns: 1 }),
    result('handoff.yaml', 1, { outcome: 'unknown', handoff: true, turns: 1, windowHours: 0 }),
    result('refuse.yaml', 0, { outcome: 'contained', turns: 3 }),
    result('refuse.yaml', 1, {
      outcome: 'verified',
      turns: 3,
      actions: [{ name: 'cancel_pending_order', status: 'executed' }],
      wrongActions: ['cancel_pending_order:executed'],
      storeProblems: ['order #W1 status: expected "delivered", found "cancelled"'],
      problems: ['outcome: expected contained, found verified', 'store: order #W1 status: expected "delivered", found "cancelled"'],
      windowHours: 0,
    }),
  ];

  it('when runs are summed up, then each scenario and the whole suite have their rates, counts and pass^k', () => {
    const summary = summarize(results, 2);
    assert.equal(summary.conversations, 6);
    assert.equal(summary.verified, 3);
    assert.equal(summary.unknownOutcomes, 1);
    assert.equal(summary.wrongActions, 1);
    assert.equal(summary.handoffs, 2);
    assert.equal(summary.turns, 4 + 4 + 1 + 1 + 3 + 3);
    assert.equal(summary.storeExact, 5);
    assert.deepEqual(summary.windowHours, [0]);
    assert.deepEqual(summary.scenarios.map((s) => [s.file, s.passK]), [['cancel.yaml', 1], ['handoff.yaml', 1], ['refuse.yaml', 0]]);
    assert.ok(Math.abs(summary.passK - 2 / 3) < 1e-9);
    assert.equal(summary.failed, true);
  });

  it('when the table is printed, then it has a row per scenario and overall, says what failed, and names the window', () => {
    const table = formatTable(summarize(results, 2), { baseUrl: 'http://localhost:3000' });
    const lines = table.split('\n');
    assert.match(lines[0] ?? '', /eval against http:\/\/localhost:3000: 3 scenarios x 2 runs, varied phrasing; resolution window: 0 h/);
    const row = (name: string) => (lines.find((l) => l.startsWith(name)) ?? '').split(/\s{2,}/);
    assert.deepEqual(row('cancel'), ['cancel', '2', '100%', 'pass', '0', '0', '4.0', '1.00', 'pass']);
    assert.deepEqual(row('handoff'), ['handoff', '2', '0% (1 unknown)', 'pass', '0', '2', '1.0', '1.00', 'pass']);
    assert.deepEqual(row('refuse'), ['refuse', '2', '50%', 'FAIL (1/2)', '1', '0', '3.0', '0.00', 'FAIL']);
    assert.deepEqual(row('overall'), ['overall', '6', '50% (1 unknown)', 'FAIL (1/6)', '1', '2', '2.7', '0.67', 'FAIL']);
    assert.ok(lines.includes('WRONG ACTIONS: 1 (must be 0)'));
    assert.ok(lines.includes('  refuse (refuse.yaml) run 2: outcome: expected contained, found verified'));
  });

  it('when no run recorded a window and none failed, then the table says so', () => {
    const table = formatTable(summarize([result('cancel.yaml', 0, { outcome: 'unknown' })], 1), { baseUrl: 'http://x' });
    assert.match(table, /resolution window: not known/);
    assert.match(table, /every expectation held/);
    assert.match(table, /wrong actions: 0/);
    assert.match(table.split('\n').find((l) => l.startsWith('cancel')) ?? '', /unknown/);
  });

  it('when scenarios are compared with their files, then the ones that changed say how, and the others are unchanged', () => {
    const lines = compareWithExpected(results);
    assert.deepEqual(lines.map((l) => [l.file, l.changed]), [['cancel.yaml', false], ['handoff.yaml', false], ['refuse.yaml', true]]);
    const text = formatAgainst(lines);
    assert.match(text, /^unchanged {2}cancel\.yaml/m);
    assert.match(text, /^changed {4}refuse\.yaml \(refuse\)\n\s+outcome: expected contained, found verified/m);
    assert.match(text, /wrong action cancel_pending_order:executed/);
    assert.match(text, /2 unchanged, 1 changed$/);
  });
});
