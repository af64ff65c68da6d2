import type { FlowOf, OrderFlowKind } from '../../../domain/conversation';
import { cancelOrder } from './cancel-order';
import { defaultAddress } from './default-address';
import type { CustomerFlow, DialogueFlow } from './dialogue-flow';
import { deleteAccount } from './delete-account';
import { editAccount } from './edit-account';
import { exchangeItems } from './exchange-items';
import { goodwillCredit } from './goodwill-credit';
import { invoice } from './invoice';
import { modifyItems } from './modify-items';
import { newsletter } from './newsletter';
import { paymentChange } from './payment-change';
import { recoverPassword, registrationProblems } from './recover-password';
import { returnItems } from './return-items';
import { review } from './review';
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
  newsletter_subscription: newsletter,
  review,
  get_invoice: invoice,
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

/** Intents that mean a flow of another name: setting up a shipping address is the default-address flow; checking an invoice, the invoice flow. */
const INTENT_ALIASES: Record<string, CustomerFlowKind> = { set_up_shipping_address: 'update_default_address', check_invoice: 'get_invoice' };

/** The flow an intent starts, if any. */
export function customerFlowKindForIntent(intent: string): CustomerFlowKind | undefined {
  return isCustomerFlowKind(intent) ? intent : INTENT_ALIASES[intent];
}

export function customerFlowFor(kind: CustomerFlowKind): CustomerFlow {
  return FLOWS[kind];
}
