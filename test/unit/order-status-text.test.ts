import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { describeOrderStatus } from '../../domain/order-status-text';

describe('describeOrderStatus', () => {
  const table: [string, string[], string[], RegExp][] = [
    ['pending', ['Desk Lamp'], [], /^Order #W1 \(Desk Lamp\) has been placed and is waiting to be processed; it can still be changed or cancelled\.$/],
    ['processed', ['Desk Lamp', 'Desk Lamp'], ['123456789012'], /\(Desk Lamp\) has been processed and is on its way\. Tracking number: 123456789012\.$/],
    ['delivered', ['Kettle', 'Mug'], ['1', '2'], /\(Kettle, Mug\) has been delivered\. Tracking numbers: 1, 2\.$/],
    ['cancelled', [], [], /^Order #W1 was cancelled\.$/],
    ['return requested', ['Mug'], [], /refund follows once the items are back/],
    ['lost at sea', [], [], /has the status "lost at sea"/],
  ];
  for (const [status, items, tracking, expected] of table) {
    it(`when the order is ${status}, then the reply says so from the store's facts`, () => {
      assert.match(describeOrderStatus({ orderId: '#W1', status, itemNames: items, trackingIds: tracking }), expected);
    });
  }
});
