import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DEFAULT_POLICY_SETTINGS, ORDER_STATUS, statusesOpenTo, type OrderStatusAction } from '../../domain/policy';
import {
  checkAddressModifiable,
  checkCancellable,
  checkItemsModifiable,
  checkPaymentModifiable,
  checkReturnableOrExchangeable,
} from '../../domain/policy/rules/order-status';
import type { Order, PolicySettings } from '../../domain/policy/types';
import { orders, PENDING } from '../support/policy-fixtures';

// The conversation offers only the orders statusesOpenTo names; the checks must refuse exactly the rest.
const checks: Record<OrderStatusAction, (order: Order, settings: PolicySettings) => unknown> = {
  cancel: (order) => checkCancellable(order, {}),
  modify_items: (order) => checkItemsModifiable(order, {}),
  modify_payment: (order) => checkPaymentModifiable(order, {}),
  modify_address: (order, settings) => checkAddressModifiable(order, settings),
  return: (order) => checkReturnableOrExchangeable(order, {}, 'returned'),
  exchange: (order) => checkReturnableOrExchangeable(order, {}, 'exchanged'),
};

const base = orders[PENDING];
if (!base) throw new Error('the pending fixture order is missing');

describe('the statuses each order action is open to', () => {
  for (const addressChangeAfterItemModification of [true, false]) {
    const settings = { ...DEFAULT_POLICY_SETTINGS, addressChangeAfterItemModification };
    for (const action of Object.keys(checks) as OrderStatusAction[]) {
      it(`when ${action} is checked on an order in each status (address after item change ${addressChangeAfterItemModification ? 'allowed' : 'refused'}), then it passes exactly for the statuses listed`, () => {
        const passing = Object.values(ORDER_STATUS).filter((status) => checks[action]({ ...base, status }, settings) === undefined);
        assert.deepEqual(passing, statusesOpenTo(action, settings));
      });
    }
  }

  it('when the default settings are read, then a delivery address can change after an item change, and only then', () => {
    assert.deepEqual(statusesOpenTo('modify_address', DEFAULT_POLICY_SETTINGS), [ORDER_STATUS.pending, ORDER_STATUS.itemsModified]);
    assert.deepEqual(statusesOpenTo('cancel', DEFAULT_POLICY_SETTINGS), [ORDER_STATUS.pending]);
  });
});
