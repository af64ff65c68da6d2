/**
 * The demo store's intent taxonomy: what a customer message can ask for. Names follow Bitext's
 * customer-support intents where they mean the same thing, so public data can measure transfer;
 * the store's own actions (tau-bench retail) and small talk complete it. `oos` is everything else.
 */

export const OOS_INTENT = 'oos';

export type IntentKind = 'action' | 'information' | 'handoff' | 'small_talk' | 'out_of_scope';

export interface IntentDefinition {
  name: string;
  kind: IntentKind;
  /** One line for humans and for the LLM tier's constrained choice. */
  description: string;
  /** True when the name (and meaning) is Bitext's, so Bitext data can evaluate it. */
  bitext: boolean;
}

const def = (name: string, kind: IntentKind, bitext: boolean, description: string): IntentDefinition => ({
  name,
  kind,
  bitext,
  description,
});

export const INTENTS = [
  def('cancel_order', 'action', true, 'Cancel an order that has not shipped yet.'),
  def('change_order', 'action', true, 'Change a pending order in general: add or remove products, edit it before it ships.'),
  def('modify_items', 'action', false, 'Swap items of a pending order for another option of the same product (size, colour, capacity).'),
  def('modify_payment_method', 'action', false, 'Pay a pending order with a different payment method (card, gift card, PayPal).'),
  def('change_shipping_address', 'action', true, "Change the delivery address of an order that has not shipped."),
  def('update_default_address', 'action', false, "Change the default address saved on the customer's account."),
  def('return_items', 'action', false, 'Send back delivered items for a refund.'),
  def('exchange_items', 'action', false, 'Exchange delivered items for another option of the same product.'),
  def('get_refund', 'action', true, 'Get money back for an order or item.'),
  def('track_order', 'information', true, 'Where an order is, its status or its tracking number.'),
  def('track_refund', 'information', true, 'The status of a refund already requested.'),
  def('check_refund_policy', 'information', true, 'The rules for returns and refunds: deadlines, conditions, who pays.'),
  def('check_cancellation_fee', 'information', true, 'Whether cancelling an order costs anything.'),
  def('check_payment_methods', 'information', true, 'Which ways to pay the store accepts.'),
  def('payment_issue', 'information', true, 'A payment that failed, was declined, or was charged wrongly or twice.'),
  def('delivery_options', 'information', true, 'Which shipping methods and speeds the store offers.'),
  def('delivery_period', 'information', true, 'How long delivery takes, when a parcel will arrive.'),
  def('complaint', 'handoff', true, 'The customer is unhappy with the service or a product and wants it on record.'),
  def('contact_human_agent', 'handoff', true, 'The customer asks for a person instead of the bot.'),
  def('contact_customer_service', 'information', true, 'How to reach customer service: phone, e-mail, opening hours.'),
  def('create_account', 'information', true, 'Open a new customer account with the store.'),
  def('switch_account', 'information', true, 'Move between two accounts, or from one kind of account to another.'),
  def('edit_account', 'action', true, "Change the name or e-mail address on the customer's account."),
  def('delete_account', 'action', true, "Close the customer's account and erase their personal data."),
  def('recover_password', 'action', true, 'Reset a forgotten password or get back into the account.'),
  def('registration_problems', 'action', true, 'Trouble signing up or completing registration.'),
  def('check_invoice', 'action', true, 'See the invoice of an order: its amounts and what it was for.'),
  def('get_invoice', 'action', true, 'Get a copy of the invoice of an order, as a document.'),
  def('newsletter_subscription', 'action', true, "Subscribe to or unsubscribe from the store's newsletter."),
  def('review', 'action', true, 'Leave a rating or a review of a product or of the service.'),
  def('place_order', 'information', true, 'How to buy: placing a new order.'),
  def('set_up_shipping_address', 'action', true, 'Set up or save a shipping address on the account.'),
  def('greeting', 'small_talk', false, 'Hello, with no request yet.'),
  def('thanks', 'small_talk', false, 'Thanks, with no new request.'),
  def('goodbye', 'small_talk', false, 'The customer is leaving.'),
  def(OOS_INTENT, 'out_of_scope', false, 'Anything the store cannot help with.'),
] as const satisfies readonly IntentDefinition[];

export type IntentName = (typeof INTENTS)[number]['name'];

export const INTENT_NAMES: readonly IntentName[] = INTENTS.map((i) => i.name);

const BY_NAME = new Map<string, IntentDefinition>(INTENTS.map((i) => [i.name, i]));

export function isIntentName(name: string): name is IntentName {
  return BY_NAME.has(name);
}

export function intentDefinition(name: string): IntentDefinition | undefined {
  return BY_NAME.get(name);
}

/** The intents whose names and meanings are Bitext's (for transfer evaluation on Bitext data). */
export const BITEXT_INTENTS: readonly IntentName[] = INTENTS.filter((i) => i.bitext).map((i) => i.name);
