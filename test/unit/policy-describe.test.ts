import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { describeProposal } from '../../domain/policy/describe';
import { formatCents } from '../../domain/policy/money';
import { DELIVERED, NEW_ADDRESS, PENDING, proposalFor, SHOES_10, SHOES_9 } from '../support/policy-fixtures';

describe('policy: money and descriptions', () => {
  it('when cents are formatted, then they read as dollars', () => {
    assert.deepEqual([formatCents(0), formatCents(5), formatCents(1234), formatCents(-1350), formatCents(123_456_789)], ['$0.00', '$0.05', '$12.34', '-$13.50', '$1234567.89']);
  });

  it('when a proposal is described, then the customer reads the items, the money, the payment method and the notices', () => {
    const lines = describeProposal(
      proposalFor({ kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHOES_9], newItemIds: [SHOES_10], paymentMethodId: 'gift_card_3' }),
    );
    assert.deepEqual(lines.slice(0, 2), [
      `Change items of order ${PENDING}: Running Shoes ${SHOES_9} ($80.00) → ${SHOES_10} ($95.00).`,
      'Pay $15.00 with gift_card_3.',
    ]);
    assert.match(lines.join('\n'), /only once/);
  });

  it('when an over-limit return is described, then the customer also reads that a supervisor must approve', () => {
    const lines = describeProposal(
      proposalFor(
        { kind: 'return_delivered_order_items', orderId: DELIVERED, itemIds: [SHOES_9], paymentMethodId: 'credit_card_1' },
        { settings: { automaticRefundLimitCents: 5000 } },
      ),
    );
    assert.ok(lines.includes('Refund $80.00 to credit_card_1.'), lines.join('\n'));
    assert.ok(lines.some((line) => /supervisor must approve/.test(line)), lines.join('\n'));
  });

  it('when an address change is described, then the new address is on one line', () => {
    const [line] = describeProposal(proposalFor({ kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS }));
    assert.equal(line, `Ship order ${PENDING} to 9 Oak Ave, Portland, OR 97201, USA.`);
  });
});
