import type { CarriedState, DefaultAddressFlow, PostalAddress as Address, ShippingAddressFlow } from '../../../../domain/conversation';
import type { Reading } from '../../../../domain/understanding/reading';
import { localeOf } from '../../../../domain/messages';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './proposal';
import { ask, withPreface, type FlowReply } from '../replies';
import { languageOf, say } from '../../speaking';

type AddressFlow = ShippingAddressFlow | DefaultAddressFlow;

/** A pending order's shipping address, or the account's default one when there is no order. */
const addressSpec = (state: CarriedState, flow: AddressFlow): ActionSpec => {
  const address = flow.address ?? { address1: '', address2: '', city: '', state: '', zip: '', country: '' };
  const forOrder = flow.kind === 'change_shipping_address';
  return {
    request: forOrder
      ? { kind: 'modify_pending_order_address', orderId: flow.orderId ?? '', address }
      : { kind: 'modify_user_address', userId: state.identity?.customerId ?? '', address },
    yesNo: [
      { id: 'yes', label: say(state, 'Yes, change it') },
      { id: 'no', label: say(state, 'No, keep it') },
    ],
    cannot: forOrder ? 'I cannot change that order’s address: {reason}' : 'I cannot change your default address: {reason}',
  };
};

/** Asks for the new address on one line. */
export function askAddress(state: CarriedState, flow: AddressFlow, preface = ''): FlowReply {
  flow.step = 'address';
  const question =
    flow.kind === 'change_shipping_address'
      ? say(state, 'What is the new delivery address for order {orderId}? Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.', { orderId: flow.orderId ?? '' })
      : say(state, 'What is your new default address? Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.');
  return ask(flow, `${preface}${question}`, 'address');
}

/** "Please ship it to 12 Main St, …": an address in the opening message is not asked for again. */
export function prefillAddress(flow: AddressFlow, reading: Reading): void {
  if (reading.entities.address) flow.address = reading.entities.address;
}

/** The address given up front goes straight to its proposal; otherwise the bot asks for it. */
export async function askAddressUnlessGiven(state: CarriedState, flow: AddressFlow, preface = ''): Promise<FlowReply> {
  if (!flow.address) return askAddress(state, flow, preface);
  return withPreface(await proposeAction(state, flow, addressSpec(state, flow)), preface);
}

const COUNTRY_CODES: Readonly<Record<string, string>> = {
  USA: 'US', Germany: 'DE', Austria: 'AT', Switzerland: 'CH', Spain: 'ES', France: 'FR', Belgium: 'BE', Luxembourg: 'LU', Italy: 'IT', Portugal: 'PT',
};

/**
 * An address on one line as its country writes it: "12 Elm St, Austin, TX 78701, USA" with a state,
 * "Hauptstraße 5, 10115 Berlin, Germany" without. Outside English the country is named in the reader's
 * language ("Deutschland"); English keeps the name the store has.
 */
export function addressLine(address: Address, language: string): string {
  const code = COUNTRY_CODES[address.country];
  const country = language !== 'en' && code ? (new Intl.DisplayNames(localeOf(language), { type: 'region' }).of(code) ?? address.country) : address.country;
  const place = address.state ? [address.city, `${address.state} ${address.zip}`] : [`${address.zip} ${address.city}`.trim()];
  return [address.address1, address.address2, ...place, country].filter(Boolean).join(', ');
}

/** The address on one line → the proposal (old and new) → yes/no. */
export async function continueAddress(state: CarriedState, flow: AddressFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'address') {
    const address = reading.entities.address;
    if (!address) return ask(flow, say(state, 'I could not read that as an address. Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.'), 'address');
    flow.address = address;
    return proposeAction(state, flow, addressSpec(state, flow));
  }
  const spec = addressSpec(state, flow);
  const declined = say(state, 'All right, the address stays as it is. Anything else I can do?');
  return answerProposal(state, flow, reading, { ...spec, declined }, async () => {
    const a = flow.address;
    const english = a ? addressLine(a, 'en') : '';
    const address = a ? addressLine(a, languageOf(state)) : '';
    const done =
      flow.kind === 'change_shipping_address'
        ? say(state, 'Done: order {orderId} will be delivered to {address}.', { orderId: flow.orderId ?? '', address })
        : say(state, 'Done: your default address is now {address}.', { address });
    return doneReply(state, flow, spec.request.kind, `address changed to ${english}`, done);
  });
}
