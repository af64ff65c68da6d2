import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { proposalChanges } from '../../domain/policy/changes';
import type { ActionRequest, PolicyDecision } from '../../domain/policy/types';
import {
  decide,
  DELIVERED,
  orders,
  PENDING,
  PENDING_LAPTOP,
  proposalFor,
  SHIRT_BLUE_M,
  SHIRT_GREEN_L,
  SHIRT_RED_M,
  SHOES_9,
  SHOES_10,
  type Situation,
} from '../support/policy-fixtures';

const PROPOSAL_ID = /p_[0-9a-f]{16}/;
const cancel = (orderId: string): ActionRequest => ({ kind: 'cancel_pending_order', orderId, reason: 'no longer needed' });
const modify = (newItemId: string): ActionRequest => ({
  kind: 'modify_pending_order_items',
  orderId: PENDING,
  itemIds: [SHIRT_BLUE_M],
  newItemIds: [newItemId],
  paymentMethodId: 'credit_card_1',
});
const goodwill = (amountCents: number, paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'goodwill_credit',
  orderId: DELIVERED,
  amountCents,
  paymentMethodId,
  reason: 'late parcel',
});
const pendingLaptop = orders[PENDING_LAPTOP];
if (!pendingLaptop) throw new Error('the fixtures need the pending laptop order');

describe('policy: what changed between the proposal a customer saw and the one the policy makes now', () => {
  const cases: [string, [ActionRequest, Situation], [ActionRequest, Situation], RegExp[]][] = [
    [
      'the refund limit was lowered below the refund (a restart with new settings)',
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } }],
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 10_000 } }],
      [/^It now needs approval first: A refund of \$600\.00 is over the automatic limit of \$100\.00; a supervisor must approve it\.$/],
    ],
    [
      'the refund limit was raised above the refund',
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 } }],
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } }],
      [/^It no longer needs anyone’s approval\.$/],
    ],
    [
      'the approving role changed',
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 } }],
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0, refundApproverRoles: ['agent'] } }],
      [/^The approval it needs has changed: A refund of \$600\.00 is over the automatic limit of \$0\.00; an? agent must approve it\.$/],
    ],
    [
      'the new item is a different variant at another price',
      [modify(SHIRT_RED_M), {}],
      [modify(SHIRT_GREEN_L), {}],
      [/^The items, or their prices, have changed\.$/, /^There is no longer any amount to pay \(it was \$5\.00\)\.$/, /^There is now a refund of \$1\.50\.$/],
    ],
    [
      'the goodwill amount changed',
      [goodwill(1000), {}],
      [goodwill(1500), {}],
      [/^The refund is now \$15\.00 instead of \$10\.00\.$/],
    ],
    [
      'the goodwill goes to another payment method',
      [goodwill(1000), {}],
      [goodwill(1000, 'gift_card_3'), {}],
      [/^The payment method has changed\.$/, /^The refund now goes to a different payment method\.$/],
    ],
    [
      'the order was paid in part again since (its payments changed)',
      [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } }],
      [
        cancel(PENDING_LAPTOP),
        {
          settings: { automaticRefundLimitCents: 100_000 },
          order: {
            ...pendingLaptop,
            payments: [...pendingLaptop.payments, { kind: 'refund', amountCents: 10_000, paymentMethodId: 'paypal_2' }],
          },
        },
      ],
      [/^The order has changed since \(it is now pending\)\.$/, /^The refund is now \$500\.00 instead of \$600\.00\.$/],
    ],
    ['nothing changed', [cancel(PENDING), {}], [cancel(PENDING), {}], []],
  ];
  for (const [label, [beforeRequest, beforeSituation], [afterRequest, afterSituation], expected] of cases) {
    it(`when ${label}, then the customer is told so in plain words`, () => {
      const before = proposalFor(beforeRequest, beforeSituation);
      const after = proposalFor(afterRequest, afterSituation);
      const changes = proposalChanges(before, after);
      assert.equal(changes.length, expected.length, JSON.stringify(changes));
      expected.forEach((pattern, index) => assert.match(changes[index] ?? '', pattern));
      for (const line of changes) assert.doesNotMatch(line, PROPOSAL_ID);
      if (before.proposalId !== after.proposalId) assert.ok(changes.length > 0, 'a different proposal always names a change');
    });
  }

  it('when only the content outside every named field differs, then a generic line still says something changed', () => {
    const before = proposalFor(cancel(PENDING));
    assert.deepEqual(proposalChanges(before, { ...before, priceDifferenceCents: 1 }), ['The details behind it were updated.']);
  });
});

describe('policy: refusal reasons never name proposal ids (they reach customers)', () => {
  const request = modify(SHIRT_RED_M);
  const proposal = proposalFor(request);
  const other = proposalFor(modify(SHIRT_GREEN_L));
  const decisions: [string, PolicyDecision][] = [
    ['nothing confirmed', decide(request)],
    ['a stale confirmation', decide(request, { confirmedProposalId: other.proposalId })],
    ['a spent confirmation', decide(request, { confirmedProposalId: other.proposalId, completedProposalIds: [other.proposalId] })],
    ['an action already done', decide(request, { confirmedProposalId: proposal.proposalId, completedProposalIds: [proposal.proposalId] })],
    ['an approval missing', decide(cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 }, confirmedProposalId: proposalFor(cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 } }).proposalId })],
    ['a denial', decide({ kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHOES_9, SHIRT_BLUE_M], newItemIds: [SHOES_10], paymentMethodId: 'credit_card_1' })],
  ];
  for (const [label, decision] of decisions) {
    it(`when the decision is ${label}, then its reason has no proposal id`, () => {
      assert.notEqual(decision.outcome, 'allow');
      assert.ok('reason' in decision && decision.reason.length > 0);
      assert.doesNotMatch(decision.reason, PROPOSAL_ID);
    });
  }
});
