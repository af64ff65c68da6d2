import type { FlowOf, OrderFlowKind } from '../../../domain/conversation';
import { cancelOrder } from './cancel-order';
import { defaultAddress } from './default-address';
import type { CustomerFlow, DialogueFlow } from './dialogue-flow';
import { deleteAccount } from './delete-account';
import { editAccount } from './edit-account';
import { exchangeItems } from './exchange-items';
import { goodwillCredit } from './goodwill-credit';
import { modifyItems } from './modify-items';
import { paymentChange } from './payment-change';
import { recoverPassword, registrationProblems } from './recover-password';
import { returnItems } from './return-items';
import { shippingAddress } from './shipping-address';
import { trackOrder } from './track-order';
import { trackRefund } from './track-refund';

/** Every dialogue flow, by its kind: a new flow is one file and one line here. */
const FLOWS = {
  cancel_order: cancelOrder,
  track_order: trackOrder,
  track_refund: trackRefund,
  return_items: returnItems,
  modify_items: modifyItems,
  exchange_items: exchangeItems,
  modify_payment_method: paymentChange,
  change_shipping_address: shippingAddress,
  update_default_address: defaultAddress,
  edit_account: editAccount,
  delete_account: deleteAccount,
  recover_password: recoverPassword,
  registration_problems: registrationProblems,
  goodwill_credit: goodwillCredit,
} as const satisfies { [K in OrderFlowKind]: DialogueFlow<FlowOf<K>> };

type Flows = typeof FLOWS;

/** The requests a customer can start (the others, a goodwill credit, are offered by a person). */
export type CustomerFlowKind = { [K in keyof Flows]: Flows[K]['startedBy'] extends 'customer' ? K : never }[keyof Flows];

export function flowFor(kind: OrderFlowKind): DialogueFlow {
  return FLOWS[kind];
}

export function isCustomerFlowKind(intent: string): intent is CustomerFlowKind {
  return Object.hasOwn(FLOWS, intent) && FLOWS[intent as OrderFlowKind].startedBy === 'customer';
}

export function customerFlowFor(kind: CustomerFlowKind): CustomerFlow {
  return FLOWS[kind];
}
