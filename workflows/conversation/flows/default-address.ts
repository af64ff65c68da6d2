import type { DefaultAddressFlow } from '../../../domain/conversation';
import { customerFlow } from './dialogue-flow';
import { askAddressUnlessGiven, continueAddress, prefillAddress } from './steps/address';

/** The default address on the customer's account: about no order, so it asks for the address at once. */
export const defaultAddress = customerFlow<DefaultAddressFlow>({
  kind: 'update_default_address',
  opening: 'I can change the default address on your account.',
  prefill: prefillAddress,
  askNext: askAddressUnlessGiven,
  continue: continueAddress,
});
