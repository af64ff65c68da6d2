import type { CarriedState, OrderFlow } from '../../../../domain/conversation';
import type { Reading } from '../../../../domain/understanding/reading';
import { identifyCustomerByEmail, identifyCustomerByNameZip } from '../../../activity-proxies';
import { ask, type FlowReply } from '../replies';
import { say } from '../../speaking';
import { verificationFor, verificationMatches, type KnownCustomer } from '../../../../domain/identity-assurance';

/**
 * The customer's answer to "who are you?": verified, the conversation knows them from now on (and
 * `undefined` lets the flow go on); otherwise the bot asks again.
 */
export async function identifyCustomer(state: CarriedState, flow: OrderFlow, reading: Reading): Promise<FlowReply | undefined> {
  const nameZipOnly = verificationFor(state.identity).accepts === 'name_zip';
  const customer = await identify(reading, nameZipOnly);
  if (customer === 'unreadable' && nameZipOnly) {
    return ask(flow, say(state, 'Please give me your full name and zip code (for example: my name is Ana Lopez, zip 94110).'), 'name_zip');
  }
  if (customer === 'unreadable') {
    return ask(flow, say(state, 'Please give me the e-mail address you used to order, or your name and zip code (for example: my name is Ana Lopez, zip 94110).'), 'email');
  }
  if (!customer) {
    return ask(flow, say(state, 'I could not find an account with those details. Could you check them, or give me your full name and zip code instead (for example: my name is Ana Lopez, zip 94110)?'), 'name_zip');
  }
  if (!verificationMatches(state.identity, customer.customerId)) {
    return ask(flow, say(state, 'Those details do not match the account this conversation is about. Could you check them?'), nameZipOnly ? 'name_zip' : 'email');
  }
  state.identity = customer;
  return undefined;
}

/** The message carries what identifies a customer: an e-mail address, or a full name with a zip code. */
export function identifiesSomeone({ entities }: Reading, known?: KnownCustomer): boolean {
  const byNameZip = entities.name?.last !== undefined && entities.zipCodes.length > 0;
  return byNameZip || (entities.emails.length > 0 && verificationFor(known).accepts !== 'name_zip');
}

/** Who the customer is, from an e-mail address or a full name with a zip code; nothing else counts. */
async function identify({ entities }: Reading, nameZipOnly: boolean) {
  const email = nameZipOnly ? undefined : entities.emails[0];
  if (email) return identifyCustomerByEmail({ email });
  const name = entities.name;
  const zip = entities.zipCodes[0];
  if (name?.last && zip) return identifyCustomerByNameZip({ firstName: name.first, lastName: name.last, zip });
  return 'unreadable' as const;
}
