import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { CarriedState, TrackedRefund } from '../../domain/conversation';
import { noteRefundProgress, refundThatEnded, refundsInFlight } from '../../domain/refund-tracking';
import type { RefundProgress } from '../../domain/refunds';

const refund = (sagaId: string, status: TrackedRefund['status']): TrackedRefund => ({
  sagaId, orderId: '#W1', action: 'cancel_pending_order', amountCents: 2500, paymentMethodId: 'credit_card_1', status,
});
const stateWith = (...refunds: TrackedRefund[]): CarriedState => ({
  status: 'open', transcript: [], decisions: [], nextSeq: 1, runs: 1, startedAt: '2026-12-01T00:00:00.000Z', refunds,
});

describe('refund tracking in a conversation', () => {
  const cases: { when: string; from: TrackedRefund['status']; news: RefundProgress['kind']; noted: boolean; after: TrackedRefund['status'] }[] = [
    { when: 'a started refund is paid', from: 'started', news: 'paid', noted: true, after: 'paid' },
    { when: 'a started refund is delayed', from: 'started', news: 'delayed', noted: true, after: 'delayed' },
    { when: 'a delayed refund is paid after all', from: 'delayed', news: 'paid', noted: true, after: 'paid' },
    { when: 'a paid refund completes', from: 'paid', news: 'completed', noted: true, after: 'completed' },
    { when: 'a delayed refund is owed', from: 'delayed', news: 'owed', noted: true, after: 'owed' },
    { when: 'an owed refund hears a late "delayed"', from: 'owed', news: 'delayed', noted: false, after: 'owed' },
    { when: 'a completed refund hears "owed"', from: 'completed', news: 'owed', noted: false, after: 'completed' },
    { when: 'a compensated refund hears "paid"', from: 'compensated', news: 'paid', noted: false, after: 'compensated' },
  ];
  for (const c of cases) {
    it(`when ${c.when}, then it is ${c.noted ? 'noted' : 'ignored'} and the refund is ${c.after}`, () => {
      const state = stateWith(refund('s1', c.from));
      assert.equal(noteRefundProgress(state, { sagaId: 's1', kind: c.news }), c.noted);
      assert.equal(state.refunds?.[0]?.status, c.after);
    });
  }

  it('when news comes for a refund the conversation does not know, then nothing changes', () => {
    const state = stateWith(refund('s1', 'started'));
    assert.equal(noteRefundProgress(state, { sagaId: 'elsewhere', kind: 'owed' }), false);
    assert.equal(state.refunds?.[0]?.status, 'started');
  });

  it('when a refund is owed, then the reason and the attempts stay with it for the person who takes over', () => {
    const state = stateWith(refund('s1', 'delayed'));
    noteRefundProgress(state, { sagaId: 's1', kind: 'owed', reason: 'payment provider answered 503', attempts: 12 });
    assert.deepEqual([state.refunds?.[0]?.reason, state.refunds?.[0]?.attempts], ['payment provider answered 503', 12]);
  });

  const ended: { refunds: TrackedRefund['status'][]; inFlight: boolean; ended?: string }[] = [
    { refunds: [], inFlight: false },
    { refunds: ['started'], inFlight: true },
    { refunds: ['paid', 'delayed'], inFlight: true },
    { refunds: ['delayed', 'owed'], inFlight: true, ended: 's1' },
    { refunds: ['completed'], inFlight: false, ended: 's0' },
  ];
  for (const c of ended) {
    it(`when the refunds are [${c.refunds.join(', ')}], then ${c.inFlight ? 'some are' : 'none is'} in flight and ${c.ended ?? 'none'} has ended`, () => {
      const state = stateWith(...c.refunds.map((status, i) => refund(`s${i}`, status)));
      assert.equal(refundsInFlight(state), c.inFlight);
      assert.equal(refundThatEnded(state)?.sagaId, c.ended);
    });
  }
});
