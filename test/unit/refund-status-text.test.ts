import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { describeRefunds } from '../../domain/refund-status-text';

describe('describeRefunds', () => {
  const table: [string, Parameters<typeof describeRefunds>[0], RegExp][] = [
    ['nothing', { refunds: [], awaitingParcel: [] }, /^I cannot see any refunds on your account\.$/],
    ['a paid return', { refunds: [{ orderId: '#W1', amountCents: 1999, purpose: 'return', status: 'recorded' }], awaitingParcel: [] }, /^The return refund of \$19\.99 for order #W1 has been paid\.$/],
    ['a sent cancellation refund', { refunds: [{ orderId: '#W2', amountCents: 500, purpose: 'cancellation', status: 'refunded' }], awaitingParcel: [] }, /\$5\.00 .* has been sent; card and PayPal refunds take 5-7 business days/],
    ['an undone refund', { refunds: [{ orderId: '#W3', amountCents: 100, purpose: 'price_difference', status: 'reversed' }], awaitingParcel: [] }, /price difference refund .* was stopped and undone/],
    ['an exchange waiting for its parcel', { refunds: [], awaitingParcel: [{ orderId: '#W4', status: 'exchange requested' }] }, /^Order #W4 has an exchange requested: its refund, if any, follows once the items are back with us\.$/],
  ];
  for (const [label, facts, expected] of table) {
    it(`when the customer has ${label}, then the reply says so from the ledger`, () => {
      assert.match(describeRefunds(facts), expected);
    });
  }
});
