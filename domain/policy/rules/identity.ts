/** Who is asking: authenticated in this conversation, and acting only on their own records. */
import { deny, isDeny } from '../decision';
import type { ConversationFacts, Customer, Deny, Order, PolicyContext, StoreRecords } from '../types';
import { words } from '../wording';

/** The policy: authenticate by email, or name + zip, in this conversation, even when the user id is given. */
export function requireAuthenticated(facts: ConversationFacts): string | Deny {
  if (typeof facts.customerId !== 'string' || facts.customerId.length === 0) {
    return deny('authentication', words('The customer has not been authenticated in this conversation (email, or name and zip code).'));
  }
  return facts.customerId;
}

/** The customer record must be the authenticated customer's own: its payment methods are the only ones usable. */
export function requireCustomerRecord(records: StoreRecords, customerId: string): Customer | Deny {
  const customer = records.customer;
  if (!customer) return deny('record-not-found', words('No customer record was found for {customerId}.', { customerId }));
  if (customer.id !== customerId) {
    return deny('customer-ownership', words('The customer record given is not the authenticated customer’s.'));
  }
  return customer;
}

/** Someone else's order reads exactly like a missing one to the customer; the rule tells auditors which. */
export function requireOwnedOrder(records: StoreRecords, orderId: string, customerId: string): Order | Deny {
  const notYours = words('Order {orderId} was not found among the authenticated customer’s orders.', { orderId });
  const order = records.order;
  if (!order || order.id !== orderId) return deny('record-not-found', notYours);
  if (order.customerId !== customerId) return deny('order-ownership', notYours);
  return order;
}

/** One customer per conversation: their own profile only. */
export function requireOwnProfile(userId: string, customerId: string): Deny | undefined {
  return userId === customerId
    ? undefined
    : deny('customer-ownership', words('Only the authenticated customer’s own profile can be changed in this conversation.'));
}

/** The authenticated customer acting on their own profile, and their record: the opening of every account action. */
export function requireOwnAccount(userId: string, context: PolicyContext): { customerId: string; customer: Customer } | Deny {
  const customerId = requireAuthenticated(context.facts);
  if (isDeny(customerId)) return customerId;
  const notOwn = requireOwnProfile(userId, customerId);
  if (notOwn) return notOwn;
  const customer = requireCustomerRecord(context.records, customerId);
  if (isDeny(customer)) return customer;
  return { customerId, customer };
}
