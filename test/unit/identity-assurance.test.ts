import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { OrderFlowKind } from '../../domain/conversation';
import { assuranceOf, knownEnoughFor, verificationFor, verificationMatches, vouchedIdentity, type KnownCustomer } from '../../domain/identity-assurance';

const byMail = vouchedIdentity({ email: 'ana@example.com', vouched: { customerId: 'ana_1', firstName: 'Ana', by: 'email_address' } });
const byPhone = vouchedIdentity({ phone: '+15550100', vouched: { customerId: 'ana_1', firstName: 'Ana', by: 'phone_number' } });
const verified: KnownCustomer = { customerId: 'ana_1', firstName: 'Ana' };

// Every request the conversation carries out, and whether the channel's word is enough for it.
const REQUESTS: [OrderFlowKind, 'read' | 'change'][] = [
  ['track_order', 'read'],
  ['track_refund', 'read'],
  ['get_invoice', 'read'],
  ['recover_password', 'read'],
  ['registration_problems', 'read'],
  ['cancel_order', 'change'],
  ['return_items', 'change'],
  ['exchange_items', 'change'],
  ['modify_items', 'change'],
  ['modify_payment_method', 'change'],
  ['change_shipping_address', 'change'],
  ['update_default_address', 'change'],
  ['goodwill_credit', 'change'],
  ['edit_account', 'change'],
  ['delete_account', 'change'],
  ['newsletter_subscription', 'change'],
  ['review', 'change'],
];

describe('identity with an assurance level', () => {
  for (const [kind, what] of REQUESTS) {
    it(`when a customer asks for ${kind}, then the channel's word is ${what === 'read' ? 'enough' : 'not enough'}, verification always is, and nobody known never is`, () => {
      assert.equal(knownEnoughFor(byMail, kind), what === 'read');
      assert.equal(knownEnoughFor(byPhone, kind), what === 'read');
      assert.equal(knownEnoughFor(verified, kind), true);
      assert.equal(knownEnoughFor({ ...verified, assurance: 'verified' }, kind), true);
      assert.equal(knownEnoughFor(undefined, kind), false);
    });
  }

  it('when an identity from before assurance levels is read, then it counts as verified', () => {
    assert.equal(assuranceOf(verified), 'verified');
    assert.equal(assuranceOf(byMail), 'vouched');
    assert.equal(assuranceOf(undefined), undefined);
  });

  it('when a hint carries no vouching, or vouching without a customer, then nobody is known', () => {
    assert.equal(vouchedIdentity(undefined), undefined);
    assert.equal(vouchedIdentity({ email: 'ana@example.com' }), undefined);
    assert.equal(vouchedIdentity({ vouched: { customerId: '', firstName: 'Ana', by: 'email_address' } }), undefined);
    assert.deepEqual(byMail, { customerId: 'ana_1', firstName: 'Ana', assurance: 'vouched', by: 'email_address' });
  });

  const verifications: [string, KnownCustomer | undefined, 'name_zip' | 'email_or_name_zip', RegExp][] = [
    ['an e-mail sender (the From address vouched, so typing it again proves nothing)', byMail, 'name_zip', /full name and zip code/],
    ['a caller', byPhone, 'email_or_name_zip', /e-mail address on your account, or your full name and zip code/],
    ['nobody known yet', undefined, 'email_or_name_zip', /e-mail address on your account/],
  ];
  for (const [who, identity, accepts, question] of verifications) {
    it(`when ${who} must be verified, then the conversation accepts ${accepts}`, () => {
      const verification = verificationFor(identity);
      assert.equal(verification.accepts, accepts);
      assert.match(verification.question, question);
    });
  }

  it('when a vouched customer verifies as somebody else, then it does not count; anyone else verifies as whoever they are', () => {
    assert.equal(verificationMatches(byMail, 'ana_1'), true);
    assert.equal(verificationMatches(byMail, 'noah_2'), false);
    assert.equal(verificationMatches(verified, 'noah_2'), true);
    assert.equal(verificationMatches(undefined, 'noah_2'), true);
  });
});
