import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { anonymisedCustomer, erasureDay, erasureDueAt, listOrders, openOrders } from '../../domain/accounts/erasure';
import { describeProposal, evaluate, type ActionRequest, type PolicyDecision } from '../../domain/policy';
import { contextFor, MEI, OMAR, type Situation } from '../support/policy-fixtures';

function decide(request: ActionRequest, orders: { id: string; status: string }[] | undefined, situation: Situation = {}, confirmed?: string): PolicyDecision {
  const context = contextFor(request, { ...situation, ...(confirmed ? { confirmedProposalId: confirmed } : {}) });
  return evaluate(request, { ...context, records: { ...context.records, ...(orders ? { customerOrders: orders } : {}) } });
}

const erase = (userId = MEI): ActionRequest => ({ kind: 'erase_user_account', userId });
const o = (id: string, status: string) => ({ id, status });

describe('erasing an account', () => {
  const OPEN: [string, { id: string; status: string }[], string[]][] = [
    ['no orders', [], []],
    ['only delivered and cancelled orders', [o('#W1', 'delivered'), o('#W2', 'cancelled')], []],
    ['a pending order', [o('#W1', 'delivered'), o('#W2', 'pending')], ['#W2']],
    ['a pending order whose items changed', [o('#W1', 'pending (item modified)')], ['#W1']],
    ['a processed order', [o('#W1', 'processed')], ['#W1']],
    ['a return or an exchange under way', [o('#W1', 'return requested'), o('#W2', 'exchange requested')], ['#W1', '#W2']],
  ];
  for (const [label, orders, open] of OPEN) {
    it(`when the customer has ${label}, then ${open.length === 0 ? 'none keeps the account open' : `${open.join(' and ')} keep${open.length === 1 ? 's' : ''} it open`}`, () => {
      assert.deepEqual(openOrders(orders).map((x) => x.id), open);
    });
  }

  it('when several orders are open, then they are listed with their statuses', () => {
    assert.equal(listOrders([o('#W1', 'pending'), o('#W2', 'processed'), o('#W3', 'return requested')]), '#W1 (pending), #W2 (processed) and #W3 (return requested)');
  });

  type Row = [label: string, request: ActionRequest, orders: { id: string; status: string }[] | undefined, expected: string, situation?: Situation];
  const rows: Row[] = [
    ['Mei, with only settled orders, asks to close her account', erase(), [o('#W1', 'delivered')], 'allow'],
    ['Mei, with no orders at all, asks to close her account', erase(), [], 'allow'],
    ['Mei asks while an order is processed', erase(), [o('#W1', 'processed')], 'orders-open'],
    ['Mei asks to close Omar’s account', erase(OMAR), [], 'customer-ownership'],
    ['nobody is verified', erase(), [], 'authentication', { customerId: null }],
    ['the orders were not looked up', erase(), undefined, 'record-not-found'],
  ];
  for (const [label, request, orders, expected, situation] of rows) {
    it(`when ${label}, then ${expected === 'allow' ? 'it needs confirmation, and once confirmed it is allowed' : `it is denied by ${expected}`}`, () => {
      const first = decide(request, orders, situation);
      if (expected === 'allow') {
        assert.equal(first.outcome, 'needs_confirmation', JSON.stringify(first));
        const proposalId = first.outcome === 'needs_confirmation' ? first.proposal.proposalId : undefined;
        assert.equal(decide(request, orders, situation, proposalId).outcome, 'allow');
        return;
      }
      assert.equal(first.outcome === 'deny' && first.rule, expected, JSON.stringify(first));
    });
  }

  it('when the policy refuses for open orders, then the reason names them', () => {
    const decision = decide(erase(), [o('#W1', 'pending'), o('#W2', 'delivered'), o('#W3', 'processed')]);
    assert.equal(decision.outcome === 'deny' && decision.reason, 'orders #W1 (pending) and #W3 (processed) are still open; an account can be closed once every order is delivered or cancelled.');
  });

  it('when the erasure is proposed, then the customer reads what is erased and that the orders are kept', () => {
    const decision = decide(erase(), []);
    const lines = decision.outcome === 'needs_confirmation' ? describeProposal(decision.proposal) : [];
    assert.equal(lines[0], 'Close your account and erase your personal data.');
    assert.match(lines[1] ?? '', /grace period, during which you can cancel; your orders are kept/);
  });

  it('when the grace period is 14 days, then the erasure falls due 14 days after the request, told as a day', () => {
    const due = erasureDueAt('2026-12-01T15:00:00.000Z', 14 * 24 * 3_600_000);
    assert.equal(due, '2026-12-15T15:00:00.000Z');
    assert.equal(erasureDay(due), '15 December 2026');
  });

  it('when a customer is anonymised, then nothing of them is left and the address cannot receive mail', () => {
    assert.deepEqual(anonymisedCustomer('ana_lopez_1234'), { firstName: 'Erased', lastName: 'Customer', email: 'erased-ana_lopez_1234@erased.invalid' });
  });
});
