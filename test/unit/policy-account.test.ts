import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { describeProposal, evaluate, type ActionRequest, type PolicyDecision } from '../../domain/policy';
import { whyEmailIsInvalid } from '../../domain/policy/rules/account';
import { contextFor, customers, MEI, OMAR, type Situation } from '../support/policy-fixtures';

const MEI_EMAIL = customers[MEI]!.email;

/** Decides as the action door does: the e-mail's holder looked up with the records. */
function decide(request: ActionRequest, situation: Situation & { emailHolderId?: string | null } = {}, confirmed?: string): PolicyDecision {
  const context = contextFor(request, { ...situation, ...(confirmed ? { confirmedProposalId: confirmed } : {}) });
  const holder = 'emailHolderId' in situation ? situation.emailHolderId : null;
  return evaluate(request, { ...context, records: { ...context.records, ...('email' in request ? { emailHolderId: holder } : {}) } });
}

const edit = (fields: { name?: { firstName: string; lastName: string }; email?: string }, userId = MEI): ActionRequest => ({ kind: 'modify_user_account', userId, ...fields });

describe('changing the name or e-mail on an account', () => {
  type Row = [label: string, request: ActionRequest, expected: 'allow' | string, situation?: Situation & { emailHolderId?: string | null }];
  const rows: Row[] = [
    ['Mei changes her e-mail to a free address', edit({ email: 'mei.new@example.com' }), 'allow'],
    ['Mei changes her name', edit({ name: { firstName: 'Mei', lastName: 'Park' } }), 'allow'],
    ['Mei changes her name and e-mail at once', edit({ name: { firstName: 'May', lastName: 'Kim' }, email: 'may@example.com' }), 'allow'],
    ['Mei asks for her own address in other capitals', edit({ email: MEI_EMAIL.toUpperCase() }), 'account-unchanged', { emailHolderId: MEI }],
    ['Mei asks for the name she already has', edit({ name: { firstName: 'Mei', lastName: 'Kim' } }), 'account-unchanged'],
    ['Mei asks for Omar’s e-mail address', edit({ email: customers[OMAR]!.email }), 'email-taken', { emailHolderId: OMAR }],
    ['Mei gives an address that is not one', edit({ email: 'mei at example' }), 'email'],
    ['Mei gives an address with two dots in a row', edit({ email: 'mei..kim@example.com' }), 'email'],
    ['Mei gives a name with an empty last name', edit({ name: { firstName: 'Mei', lastName: ' ' } }), 'request-shape'],
    ['Mei asks to change nothing', edit({}), 'request-shape'],
    ['Mei changes Omar’s account', edit({ email: 'omar.new@example.com' }, OMAR), 'customer-ownership'],
    ['nobody is verified', edit({ email: 'mei.new@example.com' }), 'authentication', { customerId: null }],
    ['Mei’s record is missing', edit({ email: 'mei.new@example.com' }), 'record-not-found', { customer: null }],
  ];
  for (const [label, request, expected, situation] of rows) {
    it(`when ${label}, then ${expected === 'allow' ? 'it needs confirmation, and once confirmed it is allowed' : `it is denied by ${expected}`}`, () => {
      const first = decide(request, situation);
      if (expected === 'allow') {
        assert.equal(first.outcome, 'needs_confirmation', JSON.stringify(first));
        const second = decide(request, situation, first.outcome === 'needs_confirmation' ? first.proposal.proposalId : undefined);
        assert.equal(second.outcome, 'allow', JSON.stringify(second));
        return;
      }
      assert.equal(first.outcome, 'deny', JSON.stringify(first));
      assert.equal(first.outcome === 'deny' && first.rule, expected, JSON.stringify(first));
    });
  }

  it('when the e-mail changes, then the proposal names the old and the new address and the notice to the old one', () => {
    const decision = decide(edit({ email: 'Mei.New@Example.com' }));
    assert.equal(decision.outcome, 'needs_confirmation');
    const proposal = decision.outcome === 'needs_confirmation' ? decision.proposal : undefined;
    assert.deepEqual(proposal?.account?.to, { firstName: 'Mei', lastName: 'Kim', email: 'mei.new@example.com' });
    assert.deepEqual(describeProposal(proposal!), [
      `Change the e-mail address on your account from ${MEI_EMAIL} to mei.new@example.com.`,
      `A notice of the change goes to ${MEI_EMAIL}.`,
    ]);
  });

  it('when only the name changes, then the proposal names the old and new name and no notice', () => {
    const decision = decide(edit({ name: { firstName: 'Mei', lastName: 'Park' } }));
    const proposal = decision.outcome === 'needs_confirmation' ? decision.proposal : undefined;
    assert.deepEqual(describeProposal(proposal!), ['Change the name on your account from Mei Kim to Mei Park.']);
  });

  it('when the customer confirmed one new address and asks for another, then the old confirmation does not carry it out', () => {
    const first = decide(edit({ email: 'one@example.com' }));
    const other = decide(edit({ email: 'two@example.com' }), {}, first.outcome === 'needs_confirmation' ? first.proposal.proposalId : undefined);
    assert.equal(other.outcome, 'needs_confirmation');
  });

  const EMAILS: [string, boolean][] = [
    ['ana.lopez@example.com', true],
    ['a+tag@mail.example.co.uk', true],
    ['ana@localhost', false],
    ['@example.com', false],
    ['ana@-example.com', false],
    ['ana lopez@example.com', false],
    ['', false],
  ];
  for (const [email, valid] of EMAILS) {
    it(`when the new e-mail is "${email}", then it is ${valid ? 'usable' : 'refused'}`, () => {
      assert.equal(whyEmailIsInvalid(email) === undefined, valid);
    });
  }
});
