import type { Awaiting, ReplyOption } from './conversation';
import { PLACE_ORDER_ANSWER, PLACE_ORDER_ARTICLE } from './commerce/place-order';
import { intentDefinition } from './intents';
import { answerWithCitation } from './knowledge/cite';
import { render, type MessageKey, type MessageParams } from './messages';

/** Says a template in the reader's language (the workflow's `say` keeps the English beside it); English by default. */
export type Speak = (key: MessageKey, params?: MessageParams) => string;
const inEnglish: Speak = (key, params) => render('en', key, params);

/**
 * What the bot says once it knows the intent, before the dialogue flows take over: a plain
 * answer for small talk and general questions, and for account-specific requests the first
 * thing it needs (who the customer is). A turn whose intent nobody could tell gets a clarifying
 * question; the second such turn in a row asks for a person.
 */
export interface FirstReply {
  text: string;
  awaiting?: Awaiting;
  /** The conversation should go to a person (the handoff step acts on this). */
  handoff?: { reason: string };
  /** A broad request narrowed to the requests the bot can carry out: option ids are order-flow kinds. */
  menu?: ReplyOption[];
}

/** Broad requests ("change my order", "I want my money back") and the concrete requests they can mean. */
const MENUS: Record<string, { text: MessageKey; menu: { id: string; label: MessageKey }[] }> = {
  change_order: {
    text: "I can change a pending order's items (another size, colour or version), its delivery address or how it is paid, or cancel it. Which would you like?",
    menu: [
      { id: 'modify_items', label: 'Change items' },
      { id: 'change_shipping_address', label: 'Change the delivery address' },
      { id: 'modify_payment_method', label: 'Change the payment method' },
      { id: 'cancel_order', label: 'Cancel the order' },
    ],
  },
  get_refund: {
    text: 'I can help you get your money back. Is it for an order you want to cancel, items you want to return, or a refund you are already waiting for?',
    menu: [
      { id: 'cancel_order', label: 'Cancel an order' },
      { id: 'return_items', label: 'Return items' },
      { id: 'track_refund', label: 'Check on a refund' },
    ],
  },
};

/** How many unclear turns in a row before the bot stops guessing and asks for a person. */
export const UNSURE_TURNS_BEFORE_HANDOFF = 2;

const TEXTS: Record<string, MessageKey> = {
  greeting: 'Hello! I can help with your orders: tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?',
  thanks: 'You are welcome! Is there anything else I can help with?',
  goodbye: 'Thank you for contacting us. Have a good day!',
  check_refund_policy:
    'Delivered items can be returned or exchanged once per order; the refund goes back to the original payment method or to a gift card. Pending orders can be cancelled, and the payment is refunded in full.',
  check_cancellation_fee: 'Cancelling a pending order costs nothing: the full payment is refunded to the way you paid.',
  check_payment_methods: 'We accept credit cards, PayPal and our gift cards.',
  delivery_options: 'Orders ship by standard delivery; once an order ships you get a tracking number for it.',
  delivery_period: 'I can tell you where a specific order is: tell me which order and I will look it up once I know who you are.',
  contact_customer_service: 'You are talking to customer service now. If you would rather speak to a person, say so and I will bring in a colleague.',
  create_account:
    'To open an account, go to the sign-up page of the shop, enter your name, your e-mail address and a password of at least 10 characters, and confirm the e-mail we send you. If your address is already registered, you already have an account: I can send you a password reset link instead.',
  switch_account:
    'To switch to another account, sign out from the menu at the top right of the shop and sign in with the e-mail address and password of the other account. Orders stay with the account they were placed from.',
  oos: 'I am sorry, that is not something I can help with here. I can help with orders, returns, exchanges, refunds and payments.',
  // The requests below have flows that start before these words are needed; they say what the flow offers.
  check_invoice: 'I can tell you what the invoice of any order you have paid for says, and send it to you as a PDF.',
  get_invoice: 'I can send you the invoice of any order you have paid for as a PDF, by e-mail or as a download link.',
  newsletter_subscription: 'I can subscribe you to our newsletter or unsubscribe you, with the e-mail address on your account.',
  review: 'I would be glad to take a rating and a few words about an item you have received.',
  set_up_shipping_address: 'I can set the default shipping address on your account: new orders go there unless you choose otherwise.',
};

/** `speak` renders each template said; only the reply chosen is rendered. */
export function firstReplyFor(intent: string | undefined, unsureStreak: number, speak: Speak = inEnglish): FirstReply {
  if (intent === 'contact_human_agent') {
    return { text: speak('Of course. I will pass your conversation to a colleague, with everything you have told me so far.'), handoff: { reason: 'the customer asked for a person' } };
  }
  if (intent === 'complaint') {
    return {
      text: speak('I am sorry about this. I will pass your conversation to a colleague who can look into it, with everything you have told me so far.'),
      handoff: { reason: 'complaint' },
    };
  }
  if (intent === 'payment_issue') {
    return {
      text: speak('I am sorry about the trouble with your payment. A colleague who can check the payment records will look into it.'),
      handoff: { reason: 'a payment problem needs the payment records checked' },
    };
  }
  const menu = intent === undefined ? undefined : MENUS[intent];
  if (menu) return { text: speak(menu.text), menu: menu.menu.map((o) => ({ id: o.id, label: speak(o.label) })) };
  // The how-to is a help-centre passage with its citation, not a template.
  if (intent === 'place_order') return { text: answerWithCitation({ ...PLACE_ORDER_ARTICLE, passage: PLACE_ORDER_ANSWER }) };
  const text = intent === undefined ? undefined : TEXTS[intent];
  if (text) return { text: speak(text) };
  const definition = intent === undefined ? undefined : intentDefinition(intent);
  if (definition && (definition.kind === 'action' || definition.kind === 'information')) {
    return { text: speak('I can help with that. First, so I can find your account: what is the e-mail address you used to order?'), awaiting: 'email' };
  }
  if (unsureStreak >= UNSURE_TURNS_BEFORE_HANDOFF) {
    return {
      text: speak('I am sorry, I still could not understand your request. I will pass your conversation to a colleague.'),
      handoff: { reason: `the intent was unclear ${unsureStreak} times in a row` },
    };
  }
  return {
    text: speak('Sorry, I did not quite get that. Is it about tracking an order, cancelling or changing an order, a return or exchange, or a refund?'),
  };
}
