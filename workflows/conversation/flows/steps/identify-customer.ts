import type { CarriedState, OrderFlow } from '../../../../domain/conversation';
import type { Reading } from '../../../../domain/understanding/reading';
import { identifyCustomerByEmail, identifyCustomerByNameZip } from '../../../activity-proxies';
import { ask, type FlowReply } from '../replies';

/**
 * The customer's answer to "who are you?": verified, the conversation knows them from now on (and
 * `undefined` lets the flow go on); otherwise the bot asks again.
 */
export async function identifyCustomer(state: CarriedState, flow: OrderFlow, reading: Reading): Promise<FlowReply | undefined> {
  const customer = await identify(reading);
  if (customer === 'unreadable') {
    return ask(flow, 'Please give me the e-mail address you used to order, or your name and zip code (for example: my name is Ana Lopez, zip 94110).', 'email');
  }
  if (!customer) {
    return ask(flow, 'I could not find an account with those details. Could you check them, or give me your full name and zip code instead (for example: my name is Ana Lopez, zip 94110)?', 'name_zip');
  }
  state.identity = customer;
  return undefined;
}

/** The message carries what identifies a customer: an e-mail address, or a full name with a zip code. */
export function identifiesSomeone({ entities }: Reading): boolean {
  return entities.emails.length > 0 || (entities.name?.last !== undefined && entities.zipCodes.length > 0);
}

/** Who the customer is, from an e-mail address or a full name with a zip code; nothing else counts. */
async function identify({ entities }: Reading) {
  const email = entities.emails[0];
  if (email) return identifyCustomerByEmail({ email });
  const name = entities.name;
  const zip = entities.zipCodes[0];
  if (name?.last && zip) return identifyCustomerByNameZip({ firstName: name.first, lastName: name.last, zip });
  return 'unreadable' as const;
}
