import type { ShippingAddressFlow } from '../../../domain/conversation';
import { customerFlow, statusesFor } from './dialogue-flow';
import { askAddressUnlessGiven, continueAddress, prefillAddress } from './steps/address';

/** Where a pending order is delivered: the new address on one line, the proposal (old and new), yes/no. */
export const shippingAddress = customerFlow<ShippingAddressFlow>({
  kind: 'change_shipping_address',
  opening: 'I can change where an order is delivered.',
  orders: {
    statuses: statusesFor('modify_address'),
    which: 'Which order should go to a new address?',
    noneLeft: 'You have no orders whose delivery address can still be changed: only orders that have not been processed yet can be.',
  },
  prefill: prefillAddress,
  askNext: askAddressUnlessGiven,
  continue: continueAddress,
});
