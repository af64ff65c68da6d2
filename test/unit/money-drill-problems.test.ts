import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { problemsOf, seededRandom, type RunOutcome } from '../../dev/money-drill';

const expected = { orderId: '#W1000001', paymentMethodId: 'credit_card_1', cents: 2500 };
const refund = (id: string, status: 'succeeded' | 'reversed' = 'succeeded') => ({ id, payment_method_id: 'credit_card_1', amount_cents: 2500, reference: '#W1000001', status, created_at: '2026-12-01T00:00:00Z' });
const receipt = 'Your refund is on its way. Receipt: $25.00 to your Visa ending 1234, reference re_1.';

function outcome(change: Partial<RunOutcome> = {}): RunOutcome {
  return {
    flow: 'cancel',
    target: { flow: 'cancel', orderId: expected.orderId, email: 'a@b.example', answers: {}, opening: 'cancel', expected },
    run: { flow: 'cancel', conversationId: 'c1', orderId: expected.orderId, expected: [expected], accepted: { replies: [] }, retries: 0 },
    providerRefunds: [refund('re_1')],
    receipts: [{ body: receipt, inTranscript: 1 }],
    repeatedTurns: [],
    kills: 1,
    providerFaults: 1,
    mismatches: [],
    ...change,
  };
}

describe('what makes a money-drill run wrong', () => {
  it('when one refund was made, with one receipt shown once, then the run has no problem', () => {
    assert.deepEqual(problemsOf(outcome()), []);
  });

  it('when the provider refunded twice, then both the count and the duplicate are named', () => {
    const problems = problemsOf(outcome({ providerRefunds: [refund('re_1'), refund('re_2')] }));
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /expected one provider refund of 2500 cents to credit_card_1, found 2/);
  });

  it('when the only refund was reversed, then the run refunded nothing', () => {
    assert.match(problemsOf(outcome({ providerRefunds: [refund('re_1', 'reversed')] })).join(' '), /found 0/);
  });

  it('when the receipt is missing, shown twice, or a turn repeats, then each is a problem', () => {
    assert.match(problemsOf(outcome({ receipts: [] })).join(' '), /0 receipt notice/);
    assert.match(problemsOf(outcome({ receipts: [{ body: receipt, inTranscript: 2 }] })).join(' '), /in the transcript 2 time/);
    assert.match(problemsOf(outcome({ repeatedTurns: ['bot: Done.'] })).join(' '), /repeated in the transcript: bot: Done\./);
  });

  it('when the walk broke, then its error is the first problem', () => {
    const { run: _run, ...broken } = outcome({ error: 'the cancel walk got a reply it has no answer for', receipts: [] });
    assert.equal(problemsOf(broken)[0], 'the cancel walk got a reply it has no answer for');
  });

  it('when the same seed is given, then the kill plan is the same', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = [a(), a(), a()];
    assert.deepEqual([b(), b(), b()], first);
    assert.ok(first.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual([seededRandom(8)()], [first[0]]);
  });
});
