import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { canonicalJson, fingerprint, fnv1a64 } from '../../domain/policy/fingerprint';
import { hasValidProposalId } from '../../domain/policy/proposal';
import type { ActionRequest, PolicyDecision, Proposal } from '../../domain/policy/types';
import {
  customers,
  decide,
  DELIVERED,
  MEI,
  NEW_ADDRESS,
  orders,
  PENDING,
  products,
  proposalFor,
  SHIRT_BLUE_M,
  SHIRT_GREEN_L,
  SHIRT_RED_M,
  SHOES_10,
  SHOES_9,
  type Situation,
} from '../support/policy-fixtures';

const modifyItems = (itemIds: string[], newItemIds: string[], paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'modify_pending_order_items',
  orderId: PENDING,
  itemIds,
  newItemIds,
  paymentMethodId,
});
const goodwill = (amountCents: number, paymentMethodId = 'credit_card_1', reason = 'late parcel'): ActionRequest => ({
  kind: 'goodwill_credit',
  orderId: DELIVERED,
  amountCents,
  paymentMethodId,
  reason,
});

function expectOutcome<Outcome extends PolicyDecision['outcome']>(
  decision: PolicyDecision,
  outcome: Outcome,
): Extract<PolicyDecision, { outcome: Outcome }> {
  assert.equal(decision.outcome, outcome, JSON.stringify(decision));
  return decision as Extract<PolicyDecision, { outcome: Outcome }>;
}

describe('policy: a confirmation is bound to one proposal', () => {
  it('when nothing was confirmed, then the engine proposes and asks for confirmation', () => {
    const decision = expectOutcome(decide(modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M])), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-missing');
    assert.match(decision.proposal.proposalId, /^p_[0-9a-f]{16}$/);
    assert.equal(decision.proposal.action, 'modify_pending_order_items');
  });

  it('when the customer confirmed exactly that proposal, then it is allowed and the allowed proposal is the one confirmed', () => {
    const request = modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M]);
    const proposal = proposalFor(request);
    const decision = expectOutcome(decide(request, { confirmedProposalId: proposal.proposalId }), 'allow');
    assert.deepEqual(decision.proposal, proposal);
  });

  const confirmed = modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M]);
  const changed: [string, ActionRequest, ActionRequest?][] = [
    ['a different new item', modifyItems([SHIRT_BLUE_M], [SHIRT_GREEN_L])],
    ['a different item', modifyItems([SHOES_9], [SHOES_10])],
    ['one more item', modifyItems([SHIRT_BLUE_M, SHOES_9], [SHIRT_RED_M, SHOES_10])],
    ['a different payment method', modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M], 'paypal_2')],
    ['a different action on the same order', { kind: 'cancel_pending_order', orderId: PENDING, reason: 'no longer needed' }],
    ['a different goodwill amount', goodwill(501), goodwill(500)],
    ['a different goodwill destination', goodwill(500, 'gift_card_3'), goodwill(500)],
    ['a different goodwill reason', goodwill(500, 'credit_card_1', 'damaged box'), goodwill(500)],
    [
      'a different address',
      { kind: 'modify_pending_order_address', orderId: PENDING, address: { ...NEW_ADDRESS, zip: '97202' } },
      { kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS },
    ],
  ];
  for (const [label, request, original = confirmed] of changed) {
    it(`when the customer confirmed one proposal and the request now has ${label}, then a new confirmation is needed`, () => {
      const confirmedId = proposalFor(original).proposalId;
      const decision = expectOutcome(decide(request, { confirmedProposalId: confirmedId }), 'needs_confirmation');
      assert.equal(decision.rule, 'confirmation-stale');
      assert.notEqual(decision.proposal.proposalId, confirmedId);
      // The reason reaches the customer's reply: it names no ids; the decision carries the new proposal.
      assert.ok(!decision.reason.includes(confirmedId) && !decision.reason.includes(decision.proposal.proposalId), decision.reason);
    });
  }

  it('when the confirmation names a proposal that never existed, then it is refused as stale', () => {
    const decision = expectOutcome(decide(confirmed, { confirmedProposalId: 'p_0000000000000000' }), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-stale');
  });
});

describe('policy: the activity re-checks against the store just before writing', () => {
  const request = modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M]);
  const confirmedId = proposalFor(request).proposalId;

  it('when nothing changed since the confirmation, then the re-check allows the same proposal', () => {
    const decision = expectOutcome(decide(request, { confirmedProposalId: confirmedId }), 'allow');
    assert.equal(decision.proposal.proposalId, confirmedId);
  });

  it('when the new item’s price changed since the confirmation, then the re-check asks for a new confirmation', () => {
    const repriced = products.map((product) => ({
      ...product,
      variants: product.variants.map((variant) => (variant.itemId === SHIRT_RED_M ? { ...variant, priceCents: 2600 } : variant)),
    }));
    const decision = expectOutcome(decide(request, { confirmedProposalId: confirmedId, products: repriced }), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-stale');
    assert.equal(decision.proposal.priceDifferenceCents, 600);
  });

  it('when the new item sold out since the confirmation, then the re-check denies it', () => {
    const soldOut = products.map((product) => ({
      ...product,
      variants: product.variants.map((variant) => (variant.itemId === SHIRT_RED_M ? { ...variant, available: false } : variant)),
    }));
    const decision = expectOutcome(decide(request, { confirmedProposalId: confirmedId, products: soldOut }), 'deny');
    assert.equal(decision.rule, 'variant-available');
  });

  it('when the order was processed since the confirmation, then the re-check denies it', () => {
    const decision = expectOutcome(
      decide(request, { confirmedProposalId: confirmedId, order: { ...orders[PENDING]!, status: 'processed' } }),
      'deny',
    );
    assert.equal(decision.rule, 'order-status');
  });

  it('when the order’s payment record changed since the confirmation, then the re-check asks for a new confirmation', () => {
    const order = orders[PENDING]!;
    const moved = {
      ...order,
      payments: [
        ...order.payments,
        { kind: 'payment' as const, amountCents: 10000, paymentMethodId: 'paypal_2' },
        { kind: 'refund' as const, amountCents: 10000, paymentMethodId: 'credit_card_1' },
      ],
    };
    const decision = expectOutcome(decide(request, { confirmedProposalId: confirmedId, order: moved }), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-stale');
  });

  it('when a gift card balance dropped below the difference since the confirmation, then the re-check denies it', () => {
    const byGiftCard = modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M], 'gift_card_4');
    const id = proposalFor(byGiftCard).proposalId;
    const poorer = { ...customers[MEI]!, paymentMethods: [{ source: 'gift_card' as const, id: 'gift_card_4', balanceCents: 499 }] };
    const decision = expectOutcome(decide(byGiftCard, { confirmedProposalId: id, customer: poorer }), 'deny');
    assert.equal(decision.rule, 'gift-card-balance');
  });
});

describe('policy: a replayed confirmation changes nothing', () => {
  it('when a cancellation was carried out and the same confirmation comes again, then it is denied: the order is no longer pending', () => {
    const request: ActionRequest = { kind: 'cancel_pending_order', orderId: PENDING, reason: 'no longer needed' };
    const id = proposalFor(request).proposalId;
    const after: Situation = { confirmedProposalId: id, completedProposalIds: [id], order: { ...orders[PENDING]!, status: 'cancelled' } };
    const decision = expectOutcome(decide(request, after), 'deny');
    assert.equal(decision.rule, 'order-status');
  });

  it('when an address change was carried out and its confirmation comes again, then the spent confirmation is refused', () => {
    const request: ActionRequest = { kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS };
    const id = proposalFor(request).proposalId;
    const after: Situation = { confirmedProposalId: id, completedProposalIds: [id], order: { ...orders[PENDING]!, address: NEW_ADDRESS } };
    const decision = expectOutcome(decide(request, after), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-spent');
    assert.match(decision.reason, /already carried out/);
  });

  it('when a goodwill credit was carried out and recorded, then its confirmation is spent for the next one', () => {
    const request = goodwill(500);
    const id = proposalFor(request).proposalId;
    const after: Situation = { confirmedProposalId: id, completedProposalIds: [id], history: { goodwillCreditedCents: 500 } };
    const decision = expectOutcome(decide(request, after), 'needs_confirmation');
    assert.equal(decision.rule, 'confirmation-spent');
  });

  it('when a goodwill credit was carried out but the history was not yet updated, then the exact same proposal is refused as already done', () => {
    const request = goodwill(500);
    const id = proposalFor(request).proposalId;
    const decision = expectOutcome(decide(request, { confirmedProposalId: id, completedProposalIds: [id] }), 'deny');
    assert.equal(decision.rule, 'already-done');
  });
});

describe('policy: proposal ids are fingerprints of the full content', () => {
  it('when the same request is evaluated twice, then the proposal id is the same', () => {
    const request = modifyItems([SHIRT_BLUE_M, SHOES_9], [SHIRT_GREEN_L, SHOES_10]);
    assert.equal(proposalFor(request).proposalId, proposalFor(request).proposalId);
  });

  it('when a proposal travels through JSON (workflow history), then its id still matches its content', () => {
    const proposal = proposalFor(modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M]));
    const travelled = JSON.parse(JSON.stringify(proposal)) as Proposal;
    assert.ok(hasValidProposalId(proposal));
    assert.ok(hasValidProposalId(travelled));
  });

  const tamperings: [string, (proposal: Proposal) => Proposal][] = [
    ['a charge amount', (p) => ({ ...p, charges: p.charges.map((c) => ({ ...c, amountCents: c.amountCents + 1 })) })],
    ['the payment method', (p) => ({ ...p, paymentMethodId: 'paypal_2' })],
    ['an item', (p) => ({ ...p, items: p.items.map((item) => ({ ...item, newItemId: SHIRT_GREEN_L })) })],
    ['a notice', (p) => ({ ...p, notices: [] })],
    ['the approval requirement', (p) => ({ ...p, approval: { role: 'agent', reason: 'x' } })],
  ];
  for (const [label, tamper] of tamperings) {
    it(`when ${label} in a proposal is altered, then its id no longer matches`, () => {
      const proposal = proposalFor(modifyItems([SHIRT_BLUE_M], [SHIRT_RED_M]));
      assert.equal(hasValidProposalId(tamper(proposal)), false);
    });
  }

  it('when object keys come in another order, then the canonical JSON and the fingerprint are the same', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } }), '{"a":{"c":"x","d":[1,2]},"b":1}');
    assert.equal(fingerprint({ b: 1, a: 2 }), fingerprint({ a: 2, b: 1 }));
    assert.equal(canonicalJson({ a: undefined, b: null }), '{"b":null}');
  });

  it('when canonical JSON meets a value JSON cannot carry exactly, then it throws rather than guess', () => {
    assert.throws(() => canonicalJson({ amount: Number.NaN }), /finite/);
    assert.throws(() => canonicalJson(new Map([['a', 1]])), /plain objects/);
  });

  const vectors: [string, string][] = [
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ];
  for (const [text, hash] of vectors) {
    it(`when "${text}" is hashed, then FNV-1a 64 gives the published ${hash}`, () => {
      assert.equal(fnv1a64(text), hash);
    });
  }

  it('when text is not ASCII, then it is hashed as its UTF-8 bytes', () => {
    const reference = (text: string): string => {
      let hash = 0xcbf29ce484222325n;
      for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return hash.toString(16).padStart(16, '0');
    };
    for (const text of ['Straße 5', 'Zürich — 東京', 'emoji 📦', 'lone \ud800 surrogate']) assert.equal(fnv1a64(text), reference(text));
  });
});
