import type { CarriedState, DefaultAddressFlow, ShippingAddressFlow } from '../../../../domain/conversation';
import type { Reading } from '../../../../domain/understanding/reading';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './proposal';
import { ask, withPreface, type FlowReply } from '../replies';

type AddressFlow = ShippingAddressFlow | DefaultAddressFlow;

const EXAMPLE = 'for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA';

/** A pending order's shipping address, or the account's default one when there is no order. */
const addressSpec = (state: CarriedState, flow: AddressFlow): ActionSpec => {
  const address = flow.address ?? { address1: '', address2: '', city: '', state: '', zip: '', country: '' };
  const forOrder = flow.kind === 'change_shipping_address';
  return {
    request: forOrder
      ? { kind: 'modify_pending_order_address', orderId: flow.orderId ?? '', address }
      : { kind: 'modify_user_address', userId: state.identity?.customerId ?? '', address },
    yesNo: [
      { id: 'yes', label: 'Yes, change it' },
      { id: 'no', label: 'No, keep it' },
    ],
    cannot: forOrder ? 'I cannot change that order’s address: {reason}' : 'I cannot change your default address: {reason}',
  };
};

/** Asks for the new address on one line. */
export function askAddress(flow: AddressFlow, preface = ''): FlowReply {
  flow.step = 'address';
  const what = flow.kind === 'change_shipping_address' ? `the new delivery address for order ${flow.orderId ?? ''}` : 'your new default address';
  return ask(flow, `${preface}What is ${what}? Please write it on one line, ${EXAMPLE}.`, 'address');
}

/** "Please ship it to 12 Main St, …": an address in the opening message is not asked for again. */
export function prefillAddress(flow: AddressFlow, reading: Reading): void {
  if (reading.entities.address) flow.address = reading.entities.address;
}

/** The address given up front goes straight to its proposal; otherwise the bot asks for it. */
export async function askAddressUnlessGiven(state: CarriedState, flow: AddressFlow, preface = ''): Promise<FlowReply> {
  if (!flow.address) return askAddress(flow, preface);
  return withPreface(await proposeAction(state, flow, addressSpec(state, flow)), preface);
}

/** The address on one line → the proposal (old and new) → yes/no. */
export async function continueAddress(state: CarriedState, flow: AddressFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'address') {
    const address = reading.entities.address;
    if (!address) return ask(flow, `I could not read that as an address. Please write it on one line, ${EXAMPLE}.`, 'address');
    flow.address = address;
    return proposeAction(state, flow, addressSpec(state, flow));
  }
  const spec = addressSpec(state, flow);
  const declined = 'All right, the address stays as it is. Anything else I can do?';
  return answerProposal(state, flow, reading, { ...spec, declined }, async () => {
    const where = flow.kind === 'change_shipping_address' ? `order ${flow.orderId ?? ''} will be delivered to` : 'your default address is now';
    const a = flow.address;
    const line = a ? [a.address1, a.address2, a.city, `${a.state} ${a.zip}`, a.country].filter(Boolean).join(', ') : '';
    return doneReply(state, flow, spec.request.kind, `address changed to ${line}`, `Done: ${where} ${line}.`);
  });
}
