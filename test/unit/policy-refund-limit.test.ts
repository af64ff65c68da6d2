import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DEFAULT_POLICY_SETTINGS, whyPolicySettingsAreInvalid } from '../../domain/policy/settings';
import type { ActionRequest, PolicyDecision, PolicySettings } from '../../domain/policy/types';
import {
  decide,
  decideConfirmed,
  DELIVERED,
  DELIVERED_LAPTOP,
  LAPTOP_11,
  LAPTOP_13,
  PENDING,
  PENDING_LAPTOP,
  proposalFor,
  SHOES_10,
  SHOES_11,
  SHOES_9,
  type Situation,
} from '../support/policy-fixtures';

const cancel = (orderId: string): ActionRequest => ({ kind: 'cancel_pending_order', orderId, reason: 'no longer needed' });
const returnShoes: ActionRequest = { kind: 'return_delivered_order_items', orderId: DELIVERED, itemIds: [SHOES_9], paymentMethodId: 'credit_card_1' };
const cheaperShoes = (kind: 'exchange_delivered_order_items' | 'modify_pending_order_items'): ActionRequest => ({
  kind,
  orderId: kind === 'exchange_delivered_order_items' ? DELIVERED : PENDING,
  itemIds: [SHOES_9],
  newItemIds: [SHOES_11],
  paymentMethodId: 'credit_card_1',
});
const goodwill = (orderId: string, amountCents: number): ActionRequest => ({
  kind: 'goodwill_credit',
  orderId,
  amountCents,
  paymentMethodId: 'gift_card_3',
  reason: 'courier lost the first parcel',
});
const limit = (automaticRefundLimitCents: number): Situation => ({ settings: { automaticRefundLimitCents } });

describe('policy: refunds up to the automatic limit go through, one cent over needs a supervisor', () => {
  const rows: [string, ActionRequest, number][] = [
    ['a $100.00 cancellation', cancel(PENDING), 10_000],
    ['an $80.00 return', returnShoes, 8000],
    ['a $10.00 exchange difference refunded', cheaperShoes('exchange_delivered_order_items'), 1000],
    ['a $10.00 item-change difference refunded', cheaperShoes('modify_pending_order_items'), 1000],
    ['a $5.00 goodwill credit', goodwill(DELIVERED, 500), 500],
  ];
  for (const [label, request, refundCents] of rows) {
    it(`when ${label} meets a limit of exactly that amount, then once confirmed it is allowed`, () => {
      const decision = decideConfirmed(request, limit(refundCents));
      assert.equal(decision.outcome, 'allow', JSON.stringify(decision));
      assert.equal(decision.outcome === 'allow' && decision.proposal.refundTowardLimitCents, refundCents);
    });
    it(`when ${label} meets a limit one cent lower, then once confirmed it needs a supervisor's approval`, () => {
      const decision = decideConfirmed(request, limit(refundCents - 1));
      assert.equal(decision.outcome, 'needs_approval', JSON.stringify(decision));
      assert.equal(decision.outcome === 'needs_approval' && decision.role, 'supervisor');
      assert.match(decision.outcome === 'needs_approval' ? decision.reason : '', /over the automatic limit/);
    });
  }

  it('when the default limit ($500.00) meets a $600.00 laptop return or cancellation, then a supervisor must approve', () => {
    const laptopReturn: ActionRequest = { kind: 'return_delivered_order_items', orderId: DELIVERED_LAPTOP, itemIds: [LAPTOP_13], paymentMethodId: 'paypal_2' };
    for (const request of [laptopReturn, cancel(PENDING_LAPTOP)]) {
      const decision = decideConfirmed(request);
      assert.equal(decision.outcome, 'needs_approval', JSON.stringify(decision));
    }
  });

  it('when payment moves from one method to another, then it is a swap, not a refund, even with a limit of zero', () => {
    const decision = decideConfirmed({ kind: 'modify_pending_order_payment', orderId: PENDING_LAPTOP, paymentMethodId: 'credit_card_1' }, limit(0));
    assert.equal(decision.outcome, 'allow', JSON.stringify(decision));
  });

  it('when an item change costs the customer more, then no refund limit applies, even with a limit of zero', () => {
    const decision = decideConfirmed(
      { kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHOES_9], newItemIds: [SHOES_10], paymentMethodId: 'credit_card_1' },
      limit(0),
    );
    assert.equal(decision.outcome, 'allow', JSON.stringify(decision));
  });

  it('when earlier goodwill on the order plus this credit reach the limit exactly, then it is allowed; one cent more needs approval', () => {
    const history = { goodwillCreditedCents: 45_000 };
    assert.equal(decideConfirmed(goodwill(DELIVERED_LAPTOP, 5000), { history }).outcome, 'allow');
    assert.equal(decideConfirmed(goodwill(DELIVERED_LAPTOP, 5001), { history }).outcome, 'needs_approval');
  });

  it('when an over-limit laptop exchange refunds $120.00 under a $100.00 limit, then it needs approval', () => {
    const request: ActionRequest = {
      kind: 'exchange_delivered_order_items',
      orderId: DELIVERED_LAPTOP,
      itemIds: [LAPTOP_13],
      newItemIds: [LAPTOP_11],
      paymentMethodId: 'paypal_2',
    };
    assert.equal(decideConfirmed(request, limit(10_000)).outcome, 'needs_approval');
  });
});

describe('policy: an approval is bound to one proposal and one of the approving roles', () => {
  const request = cancel(PENDING_LAPTOP);
  const proposal = proposalFor(request);
  const confirmed: Situation = { confirmedProposalId: proposal.proposalId };

  it('when an over-limit refund is proposed, then the customer is told before confirming that a supervisor must approve', () => {
    const decision = decide(request);
    assert.equal(decision.outcome, 'needs_confirmation');
    assert.deepEqual(proposal.approval?.role, 'supervisor');
  });

  const rows: [string, Situation, PolicyDecision['outcome']][] = [
    ['a supervisor approved this proposal', { ...confirmed, approvals: [{ proposalId: proposal.proposalId, role: 'supervisor', by: 'sam' }] }, 'allow'],
    ['only an agent approved it', { ...confirmed, approvals: [{ proposalId: proposal.proposalId, role: 'agent' }] }, 'needs_approval'],
    ['a supervisor approved a different proposal', { ...confirmed, approvals: [{ proposalId: 'p_0123456789abcdef', role: 'supervisor' }] }, 'needs_approval'],
    ['a supervisor approved it but the customer never confirmed', { approvals: [{ proposalId: proposal.proposalId, role: 'supervisor' }] }, 'needs_confirmation'],
    [
      'the settings changed after the customer confirmed (agents may approve now), so the proposal says something else',
      { ...confirmed, approvals: [{ proposalId: proposal.proposalId, role: 'agent' }], settings: { refundApproverRoles: ['agent', 'supervisor'] } },
      'needs_confirmation',
    ],
  ];
  for (const [label, situation, outcome] of rows) {
    it(`when ${label}, then the decision is ${outcome}`, () => {
      assert.equal(decide(request, situation).outcome, outcome);
    });
  }

  it('when the settings let agents approve, then the proposal asks an agent and an agent approval of it lets it through', () => {
    const settings: Partial<PolicySettings> = { refundApproverRoles: ['agent', 'supervisor'] };
    const asked = proposalFor(request, { settings });
    assert.equal(asked.approval?.role, 'agent');
    const decision = decide(request, {
      settings,
      confirmedProposalId: asked.proposalId,
      approvals: [{ proposalId: asked.proposalId, role: 'agent' }],
    });
    assert.equal(decision.outcome, 'allow');
  });
});

describe('policy settings', () => {
  it('when the defaults are checked, then they are valid: $500.00, supervisors approve, address change after item change allowed', () => {
    assert.equal(whyPolicySettingsAreInvalid(DEFAULT_POLICY_SETTINGS), undefined);
    assert.equal(DEFAULT_POLICY_SETTINGS.automaticRefundLimitCents, 50_000);
    assert.deepEqual(DEFAULT_POLICY_SETTINGS.refundApproverRoles, ['supervisor']);
  });

  const invalid: [string, Partial<PolicySettings>, RegExp][] = [
    ['a negative limit', { automaticRefundLimitCents: -1 }, /automaticRefundLimitCents/],
    ['a limit in dollars with cents', { automaticRefundLimitCents: 500.5 }, /automaticRefundLimitCents/],
    ['a limit as text', { automaticRefundLimitCents: '50000' as never }, /automaticRefundLimitCents/],
    ['no approving role', { refundApproverRoles: [] }, /refundApproverRoles/],
    ['an unknown approving role', { refundApproverRoles: ['customer' as never] }, /refundApproverRoles/],
    ['a switch that is not a boolean', { addressChangeAfterItemModification: 'yes' as never }, /addressChangeAfterItemModification/],
  ];
  for (const [label, override, message] of invalid) {
    it(`when the settings have ${label}, then they are invalid and every action is denied`, () => {
      assert.match(whyPolicySettingsAreInvalid({ ...DEFAULT_POLICY_SETTINGS, ...override }) ?? '', message);
      const decision = decideConfirmed(cancel(PENDING), { settings: override });
      assert.equal(decision.outcome, 'deny');
      assert.equal(decision.outcome === 'deny' && decision.rule, 'settings');
    });
  }

  it('when the limit is zero, then every refund needs approval but a transfer to a human does not', () => {
    assert.equal(decideConfirmed(goodwill(DELIVERED, 1), limit(0)).outcome, 'needs_approval');
    assert.equal(decide({ kind: 'transfer_to_human', summary: 'wants a human' }, limit(0)).outcome, 'allow');
  });
});
