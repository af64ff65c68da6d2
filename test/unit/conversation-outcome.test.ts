import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ActionReport, CarriedState, Decision, HandoffState, Turn } from '../../domain/conversation';
import type { ActionRequest } from '../../domain/policy';
import { assessOutcome, customerKeyOf, figuresOf, raisedIssues } from '../../domain/outcomes/assess';
import { checkChangeHeld } from '../../domain/outcomes/store-confirmation';
import type { OutcomeAssessment } from '../../domain/outcomes/types';
import { CANCELLED, DELIVERED, EXCHANGE_REQUESTED, HOME, MEI, NEW_ADDRESS, PAYMENT_CHANGED, PENDING, RETURN_REQUESTED, SHIRT_BLUE_M, SHIRT_RED_M, customers, orders } from '../support/policy-fixtures';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const HOUR = 3_600_000;

const reply = (seq: number, minute: number, intent: string | undefined, tier: 'keyword' | 'model' | 'none' = intent ? 'keyword' : 'none'): Decision => ({ seq, kind: 'reply', intent, tier, confidence: intent ? 1 : 0, at: at(minute) });
const step = (seq: number, minute: number, rule: string, intent?: string): Decision => ({ seq, kind: 'dialogue', rule, ...(intent ? { intent } : {}), at: at(minute) });
const event = (seq: number, minute: number, kind: 'reopened' | 'csat' | 'closed' | 'resolved', reason = kind): Decision => ({ seq, kind, reason, at: at(minute) });
const said = (seq: number, minute: number, from: Turn['from'] = 'customer'): Turn => ({ seq, from, text: `turn ${seq}`, at: at(minute) });
const cancel: ActionRequest = { kind: 'cancel_pending_order', orderId: PENDING, reason: 'no longer needed' };

function state(over: Partial<CarriedState>): CarriedState {
  return { status: 'open', transcript: [said(1, 0), said(2, 0, 'bot')], decisions: [], nextSeq: 3, runs: 1, startedAt: at(0), ...over };
}
const handoff = (codes: HandoffState['reasons'][number]['code'][], kind?: 'cancel_order'): HandoffState => ({
  reasons: codes.map((code) => ({ code, detail: code })), signals: [], requestedAt: at(2), requestedAtSeq: 3, priority: 'normal', summary: '', summarySource: 'template', slaBreaches: 0,
  ...(kind ? { pendingRequest: { kind, step: 'confirmation' } } : {}),
});
const executed = (check?: { held: boolean; detail?: string; minute?: number }): CarriedState['executed'] => [
  { request: cancel, ...(check ? { check: { held: check.held, detail: check.detail ?? `order ${PENDING} is cancelled`, at: at(check.minute ?? 3) } } : {}) },
];
const done: ActionReport = { name: 'cancel_pending_order', status: 'executed', detail: 'cancelled' };

describe('a conversation outcome, from its own record', () => {
  const cases: { when: string; state: CarriedState; closed?: boolean; windowMs?: number; nowMinute?: number; expect: Omit<Partial<OutcomeAssessment>, 'reason'> & { reason: RegExp } }[] = [
    {
      when: 'a person was brought in',
      state: state({ handoff: handoff(['explicit_request']), decisions: [reply(1, 0, 'contact_human_agent')] }),
      expect: { outcome: 'escalated', reason: /explicit_request/ },
    },
    {
      when: 'a person was brought in earlier and the bot has it back',
      state: state({ pastHandoffs: [handoff(['profanity'])], decisions: [reply(1, 0, 'complaint')] }),
      closed: true,
      expect: { outcome: 'escalated', reason: /profanity/ },
    },
    {
      when: 'an executed cancellation is confirmed by the store and the window is 0',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      windowMs: 0,
      expect: { outcome: 'verified', issues: ['cancel_order'], resolvedAt: at(3), reason: /store confirms cancel_pending_order/ },
    },
    {
      when: 'an executed cancellation is confirmed and the window has not passed',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      nowMinute: 30,
      expect: { candidate: 'verified', outcome: undefined, resolvedAt: at(3), reason: /store confirms/ },
    },
    {
      when: 'an executed cancellation is confirmed and the window has passed',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      nowMinute: 3 + 61,
      expect: { outcome: 'verified', reason: /store confirms/ },
    },
    {
      when: 'the store has not been read back yet',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done], executed: executed() }),
      expect: { outcome: undefined, candidate: undefined, reason: /in progress/ },
    },
    {
      when: 'the store does not show the change and the conversation closes',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done], executed: executed({ held: false, detail: `order ${PENDING} is pending` }) }),
      closed: true,
      expect: { outcome: 'contained', reason: /store does not show the change of cancel_pending_order: order #W\d+ is pending/ },
    },
    {
      when: 'the customer reopens the resolved conversation on the same issue inside the window',
      state: state({ decisions: [reply(1, 0, 'cancel_order'), event(5, 10, 'reopened'), reply(5, 10, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      nowMinute: 11,
      expect: { outcome: 'contained', reason: /came back on cancel_order within the resolution window/ },
    },
    {
      when: 'the customer reopens it on the same issue after the window',
      state: state({ decisions: [reply(1, 0, 'cancel_order'), event(5, 90, 'reopened'), reply(5, 90, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      nowMinute: 91,
      expect: { outcome: 'verified', reason: /store confirms/ },
    },
    {
      when: 'the customer asks for a second cancellation without the conversation having been resolved',
      state: state({ decisions: [reply(1, 0, 'cancel_order'), reply(5, 5, 'cancel_order')], actions: [done], executed: executed({ held: true }) }),
      nowMinute: 6,
      expect: { candidate: 'verified', reason: /store confirms/ },
    },
    {
      when: 'the last action was refused after one was done',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], actions: [done, { name: 'cancel_pending_order', status: 'denied', detail: 'not pending' }], executed: executed({ held: true }) }),
      closed: true,
      expect: { outcome: 'contained', reason: /nothing confirmed/ },
    },
    {
      when: 'a help-centre answer is followed by thanks',
      state: state({ decisions: [reply(1, 0, undefined), step(1, 0, 'help_centre:answered', 'question'), reply(3, 1, 'thanks')] }),
      windowMs: 0,
      expect: { outcome: 'verified', resolvedAt: at(1), reason: /accepted the answer to question \(thanks\)/ },
    },
    {
      when: 'an information intent is answered and the customer rates it 5',
      state: state({ decisions: [reply(1, 0, 'check_payment_methods'), reply(3, 1, 'goodbye'), event(5, 2, 'csat')], csat: { score: 5, at: at(2) } }),
      windowMs: 0,
      expect: { outcome: 'verified', resolvedAt: at(1), issues: ['check_payment_methods'], reason: /accepted the answer to check_payment_methods \(goodbye\)/ },
    },
    {
      when: 'an answer is followed by an unclear message and then thanks',
      state: state({ decisions: [reply(1, 0, 'check_payment_methods'), reply(3, 1, undefined), reply(5, 2, 'thanks')] }),
      closed: true,
      expect: { outcome: 'contained', reason: /nothing confirmed/ },
    },
    {
      when: 'a request to change something gets words but no action, then thanks',
      state: state({ decisions: [reply(1, 0, 'cancel_order'), reply(3, 1, 'thanks')] }),
      closed: true,
      expect: { outcome: 'contained', reason: /nothing confirmed/ },
    },
    {
      when: 'an answer the customer only read, without a word back, and the conversation closes',
      state: state({ decisions: [reply(1, 0, 'check_payment_methods')] }),
      closed: true,
      expect: { outcome: 'contained', reason: /answered without a person/ },
    },
    {
      when: 'the customer leaves in the middle of a flow',
      state: state({ decisions: [reply(1, 0, 'cancel_order')], flow: { kind: 'cancel_order', step: 'order_id' } as CarriedState['flow'] }),
      closed: true,
      expect: { outcome: 'abandoned', reason: /left while the bot waited for cancel_order \(order_id\)/ },
    },
    {
      when: 'the customer leaves while the bot waits for an answer outside a flow',
      state: state({ decisions: [reply(1, 0, 'get_refund')], waitingFor: { awaiting: 'email' } }),
      closed: true,
      expect: { outcome: 'abandoned', reason: /waited for email/ },
    },
    {
      when: 'the customer leaves when only the rating is asked',
      state: state({ decisions: [reply(1, 0, 'goodbye')], waitingFor: { awaiting: 'rating' } }),
      closed: true,
      expect: { outcome: 'contained', reason: /answered without a person/ },
    },
    {
      when: 'the customer never wrote',
      state: state({ transcript: [] }),
      closed: true,
      expect: { outcome: 'abandoned', reason: /never wrote/ },
    },
  ];
  for (const c of cases) {
    it(`when ${c.when}, then the outcome is ${c.expect.outcome ?? c.expect.candidate ?? 'not known yet'}`, () => {
      const got = assessOutcome({ state: c.state, closed: c.closed ?? false, windowMs: c.windowMs ?? HOUR, now: at(c.nowMinute ?? 5) });
      assert.match(got.reason, c.expect.reason);
      for (const key of ['outcome', 'candidate', 'resolvedAt', 'issues'] as const) {
        if (key in c.expect) assert.deepEqual(got[key], c.expect[key], `${key}: ${JSON.stringify(got)}`);
      }
    });
  }
});

describe('what a conversation adds to the figures', () => {
  it('when turns were classified by several tiers and a person came in, then the figures count them and name the handoff', () => {
    const s = state({
      decisions: [reply(1, 0, 'greeting'), reply(3, 1, 'cancel_order', 'model'), step(5, 2, 'cancel_order:email', 'cancel_order'), reply(7, 3, undefined), reply(9, 4, 'contact_human_agent')],
      handoff: handoff(['explicit_request', 'unsure_twice'], 'cancel_order'),
      actions: [{ name: 'cancel_pending_order', status: 'denied' }, done, { name: 'return_delivered_order_items', status: 'compensated' }, { name: 'x', status: 'proposed' }],
      refunds: [{ sagaId: 's', orderId: PENDING, action: 'cancel_pending_order', amountCents: 1234, paymentMethodId: 'credit_card_1', status: 'paid' }, { sagaId: 't', orderId: PENDING, action: 'x', amountCents: 99, paymentMethodId: 'p', status: 'started' }],
    });
    assert.deepEqual(figuresOf(s, at(10)), {
      tiers: { keyword: 2, model: 1, llm: 0, none: 1 },
      intents: ['greeting', 'cancel_order', 'contact_human_agent'],
      escalationCodes: ['explicit_request', 'unsure_twice'],
      handoffIntent: 'cancel_order',
      actions: { executed: 1, denied: 1, compensated: 1, failed: 0 },
      refundedCents: 1234,
      secondsToResolution: 600,
    });
  });

  it('when the injection detector flagged two turns, then the figures count two flags; with none, the field is absent', () => {
    const flag = (seq: number, minute: number): Decision => ({ seq, kind: 'injection_flagged', confidence: 0.97, reason: 'prompt-injection detector', at: at(minute) });
    assert.equal(figuresOf(state({ decisions: [reply(1, 0, 'greeting'), flag(1, 0), flag(3, 1), reply(3, 1, undefined)] })).injectionFlags, 2);
    assert.equal('injectionFlags' in figuresOf(state({ decisions: [reply(1, 0, 'greeting')] })), false);
  });

  it('when a customer raises an issue twice, then it counts as raised once, at its first time, and greetings are no issue', () => {
    const s = state({ decisions: [reply(1, 0, 'greeting'), reply(3, 1, 'track_order'), step(5, 2, 'menu:chosen', 'cancel_order'), reply(7, 3, 'track_order')] });
    assert.deepEqual(raisedIssues(s), [{ intent: 'track_order', at: at(1) }, { intent: 'cancel_order', at: at(2) }]);
  });

  const keys: { when: string; state: Partial<CarriedState>; hint?: { email?: string }; key: string | null }[] = [
    { when: 'the customer is verified', state: { identity: { customerId: MEI, firstName: 'Mei' } }, hint: { email: 'x@example.com' }, key: MEI },
    { when: 'only an e-mail hint came with the conversation', state: {}, hint: { email: ' Mei@Example.com ' }, key: 'email:mei@example.com' },
    { when: 'nobody is known', state: {}, key: null },
  ];
  for (const k of keys) {
    it(`when ${k.when}, then the customer key is ${k.key}`, () => assert.equal(customerKeyOf(state(k.state), k.hint), k.key));
  }
});

describe('reading an executed change back from the store', () => {
  const cases: { when: string; request: ActionRequest; facts: Parameters<typeof checkChangeHeld>[1]; held: boolean; detail?: RegExp }[] = [
    { when: 'the order is cancelled', request: { kind: 'cancel_pending_order', orderId: CANCELLED, reason: 'no longer needed' }, facts: { order: orders[CANCELLED] }, held: true, detail: /is cancelled/ },
    { when: 'the order to cancel is still pending', request: cancel, facts: { order: orders[PENDING] }, held: false, detail: /is pending/ },
    { when: 'the order is gone', request: cancel, facts: {}, held: false, detail: /not in the store/ },
    { when: 'the order ships to the new address', request: { kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS }, facts: { order: { ...orders[PENDING]!, address: NEW_ADDRESS } }, held: true },
    { when: 'the order still ships to the old address', request: { kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS }, facts: { order: { ...orders[PENDING]!, address: HOME } }, held: false },
    { when: 'the return is requested for those items', request: { kind: 'return_delivered_order_items', orderId: RETURN_REQUESTED, itemIds: [SHIRT_BLUE_M], paymentMethodId: 'credit_card_1' }, facts: { order: orders[RETURN_REQUESTED] }, held: true },
    { when: 'the order to return is still only delivered', request: { kind: 'return_delivered_order_items', orderId: DELIVERED, itemIds: [SHIRT_BLUE_M], paymentMethodId: 'credit_card_1' }, facts: { order: orders[DELIVERED] }, held: false, detail: /is delivered/ },
    { when: 'the exchange is requested', request: { kind: 'exchange_delivered_order_items', orderId: EXCHANGE_REQUESTED, itemIds: [SHIRT_BLUE_M], newItemIds: [SHIRT_RED_M], paymentMethodId: 'credit_card_1' }, facts: { order: orders[EXCHANGE_REQUESTED] }, held: true },
    { when: 'the order is paid with the new method', request: { kind: 'modify_pending_order_payment', orderId: PAYMENT_CHANGED, paymentMethodId: 'gift_card_3' }, facts: { order: orders[PAYMENT_CHANGED] }, held: true },
    { when: 'the order is still paid with the old method', request: { kind: 'modify_pending_order_payment', orderId: PENDING, paymentMethodId: 'gift_card_3' }, facts: { order: orders[PENDING] }, held: false, detail: /credit_card_1/ },
    { when: 'the new items are in the order', request: { kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHIRT_BLUE_M], newItemIds: [SHIRT_RED_M], paymentMethodId: 'credit_card_1' }, facts: { order: { ...orders[PENDING]!, items: [{ ...orders[PENDING]!.items[0]!, itemId: SHIRT_RED_M }] } }, held: true },
    { when: 'the new items are missing', request: { kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHIRT_BLUE_M], newItemIds: [SHIRT_RED_M], paymentMethodId: 'credit_card_1' }, facts: { order: orders[PENDING] }, held: false, detail: new RegExp(SHIRT_RED_M) },
    { when: 'the default address is the new one', request: { kind: 'modify_user_address', userId: MEI, address: NEW_ADDRESS }, facts: { customer: { ...customers[MEI]!, address: NEW_ADDRESS } }, held: true },
    { when: 'the account has the new e-mail (in another case)', request: { kind: 'modify_user_account', userId: MEI, email: 'NEW@example.com' }, facts: { customer: { ...customers[MEI]!, email: 'new@example.com' } }, held: true },
    { when: 'the account still has the old name', request: { kind: 'modify_user_account', userId: MEI, name: { firstName: 'May', lastName: 'Kim' } }, facts: { customer: customers[MEI] }, held: false },
    { when: 'the erasure is scheduled', request: { kind: 'erase_user_account', userId: MEI }, facts: { erasureStatus: 'scheduled' }, held: true },
    { when: 'the erasure was cancelled', request: { kind: 'erase_user_account', userId: MEI }, facts: { erasureStatus: 'cancelled' }, held: false },
    { when: 'the credit is on its way', request: { kind: 'goodwill_credit', orderId: PENDING, amountCents: 500, paymentMethodId: 'credit_card_1', reason: 'late' }, facts: { refundStatuses: ['recorded'] }, held: true },
    { when: 'the credit was released', request: { kind: 'goodwill_credit', orderId: PENDING, amountCents: 500, paymentMethodId: 'credit_card_1', reason: 'late' }, facts: { refundStatuses: ['released'] }, held: false, detail: /released/ },
  ];
  for (const c of cases) {
    it(`when ${c.when}, then the change ${c.held ? 'holds' : 'does not hold'}`, () => {
      const check = checkChangeHeld(c.request, c.facts);
      assert.equal(check.held, c.held, check.detail);
      assert.equal(check.action, c.request.kind);
      if (c.detail) assert.match(check.detail, c.detail);
    });
  }
});
