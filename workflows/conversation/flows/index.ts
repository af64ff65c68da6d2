import type { CarriedState, OrderFlow, OrderFlowKind } from '../../../domain/conversation';
import { chooseOption } from '../../../domain/dialogue/choose-option';
import { extractEmails, extractName, extractOrderIds, extractZipCodes } from '../../../domain/entities';
import { askReason, continueCancel } from './cancel-order';
import { ask, finish, type FlowReply } from './replies';
import { askAddress, continueAddress } from './steps/address';
import { continueGoodwill } from './goodwill-credit';
import { askItemToModify, continueModify } from './steps/item-change';
import { askPaymentMethod, continuePaymentChange } from './payment-change';
import { askItemsToReturn, continueReturn } from './return-items';
import { reportOrder, reportRefunds } from './track-order';
import { identifyCustomerByEmail, identifyCustomerByNameZip, orderOptions } from '../../activity-proxies';


/** The requests a customer starts; a goodwill credit is offered by a person instead. */
type CustomerFlowKind = Exclude<OrderFlowKind, 'goodwill_credit'>;

/** Which orders each request can be about. */
const ELIGIBLE_STATUSES: Record<CustomerFlowKind, { statuses: string[]; noneLeft: string; which: string }> = {
  cancel_order: {
    statuses: ['pending'],
    noneLeft: 'You have no orders that can still be cancelled: only orders that have not been processed yet can be.',
    which: 'Which order would you like to cancel?',
  },
  return_items: {
    statuses: ['delivered'],
    noneLeft: 'You have no delivered orders that can still be returned.',
    which: 'Which order would you like to return items from?',
  },
  change_shipping_address: {
    statuses: ['pending', 'pending (item modified)'],
    noneLeft: 'You have no orders whose delivery address can still be changed: only orders that have not been processed yet can be.',
    which: 'Which order should go to a new address?',
  },
  update_default_address: { statuses: [], noneLeft: '', which: '' },
  track_refund: { statuses: [], noneLeft: '', which: '' },
  exchange_items: {
    statuses: ['delivered'],
    noneLeft: 'You have no delivered orders whose items can still be exchanged.',
    which: 'Which order would you like to exchange items from?',
  },
  modify_items: {
    statuses: ['pending'],
    noneLeft: 'You have no orders whose items can still be changed: only orders that have not been processed yet can be.',
    which: 'Which order would you like to change?',
  },
  // Not `pending (item modified)`: the policy allows no payment change once items were modified.
  modify_payment_method: {
    statuses: ['pending'],
    noneLeft: 'You have no orders whose payment method can still be changed: only orders that have not been processed yet can be.',
    which: 'Which order would you like to pay differently?',
  },
  track_order: {
    statuses: ['pending', 'pending (item modified)', 'processed', 'delivered', 'cancelled', 'return requested', 'exchange requested'],
    noneLeft: 'I cannot find any orders on your account.',
    which: 'Which order would you like to know about?',
  },
};

const OPENINGS: Record<CustomerFlowKind, string> = {
  cancel_order: 'I can help you cancel an order.',
  return_items: 'I can help you return items.',
  modify_items: 'I can help you change an item of an order.',
  modify_payment_method: 'I can change how an order is paid.',
  exchange_items: 'I can help you exchange an item.',
  change_shipping_address: 'I can change where an order is delivered.',
  update_default_address: 'I can change the default address on your account.',
  track_refund: 'I can check on your refunds.',
  track_order: 'I can look that order up for you.',
};

/** Starts a request about an order; the first message may already name it. */
export async function startOrderFlow(kind: CustomerFlowKind, state: CarriedState, text: string): Promise<FlowReply> {
  const flow: OrderFlow = { kind, step: 'email', orderId: extractOrderIds(text)[0] };
  state.flow = flow;
  if (!state.identity) {
    const opening = OPENINGS[kind];
    return ask(flow, `${opening} First, what is the e-mail address on your account?`, 'email');
  }
  return askForOrder(state, flow);
}

/** One customer answer inside the open flow. */
export async function continueOrderFlow(state: CarriedState, text: string): Promise<FlowReply> {
  const flow = state.flow;
  if (!flow) throw new Error('no order flow is open');
  if (flow.kind === 'goodwill_credit') return continueGoodwill(state, flow, text);
  if (flow.step === 'email') {
    const customer = await identify(text);
    if (customer === 'unreadable') {
      return ask(flow, 'Please give me the e-mail address you used to order, or your name and zip code (for example: my name is Ana Lopez, zip 94110).', 'email');
    }
    if (!customer) {
      return ask(flow, 'I could not find an account with those details. Could you check them, or give me your full name and zip code instead (for example: my name is Ana Lopez, zip 94110)?', 'name_zip');
    }
    state.identity = customer;
    return askForOrder(state, flow);
  }
  const correction = await orderCorrection(state, flow, text);
  if (correction) return correction;
  if (flow.step === 'order_id') {
    const chosen = chooseOption(text, flow.options ?? []) ?? flow.options?.find((o) => o.id === extractOrderIds(text)[0]);
    if (!chosen) return ask(flow, `That is not one of the orders I can help with here. ${ELIGIBLE_STATUSES[flow.kind as CustomerFlowKind].which}`, 'order_id', flow.options);
    return orderChosen(state, flow, chosen.id);
  }
  if (flow.kind === 'return_items') return continueReturn(state, flow, text);
  if (flow.kind === 'change_shipping_address' || flow.kind === 'update_default_address') return continueAddress(state, flow, text);
  if (flow.kind === 'modify_items' || flow.kind === 'exchange_items') return continueModify(state, flow, text);
  if (flow.kind === 'modify_payment_method') return continuePaymentChange(state, flow, text);
  return continueCancel(state, flow, text);
}

/**
 * The customer corrects which order they meant ("sorry, I meant #W…") after it was chosen: the
 * request starts over for that order, if it is one of theirs that the request can be about.
 */
async function orderCorrection(state: CarriedState, flow: OrderFlow, text: string): Promise<FlowReply | undefined> {
  const named = extractOrderIds(text)[0];
  const identity = state.identity;
  if (!named || !identity || flow.step === 'order_id' || !flow.orderId || named === flow.orderId) return undefined;
  const eligible = ELIGIBLE_STATUSES[flow.kind as CustomerFlowKind];
  if (!eligible) return undefined;
  const options = await orderOptions({ customerId: identity.customerId, statuses: eligible.statuses });
  if (!options.some((o) => o.id === named)) {
    return ask(flow, `Order ${named} is not one I can help with for this request, so we are still on order ${flow.orderId}. ${flow.options ? 'Please choose one of the options.' : ''}`.trim(), stepAwaiting(flow), flow.options);
  }
  state.flow = { kind: flow.kind, step: 'order_id', orderId: named };
  return orderChosen(state, state.flow, named, `All right, order ${named} instead. `);
}

const stepAwaiting = (flow: OrderFlow): FlowReply['awaiting'] => (flow.step === 'email' ? 'email' : flow.step);

async function askForOrder(state: CarriedState, flow: OrderFlow): Promise<FlowReply> {
  const identity = state.identity;
  if (!identity) return ask(flow, 'What is the e-mail address on your account?', 'email');
  // The account's own address is not about any order.
  if (flow.kind === 'update_default_address') return askAddress(flow, `Thanks, ${identity.firstName}. `);
  if (flow.kind === 'track_refund') return finish(state, await reportRefunds(state, `Thanks, ${identity.firstName}. `));
  const eligible = ELIGIBLE_STATUSES[flow.kind as CustomerFlowKind];
  const options = await orderOptions({ customerId: identity.customerId, statuses: eligible.statuses });
  if (options.length === 0) return finish(state, { replies: [{ text: `Thanks, ${identity.firstName}. ${eligible.noneLeft}` }], intent: flow.kind });
  flow.step = 'order_id';
  const named = options.find((o) => o.id === flow.orderId);
  if (named) return orderChosen(state, flow, named.id, `Thanks, ${identity.firstName}. `);
  if (options.length === 1 && flow.kind === 'track_order') return orderChosen(state, flow, options[0]?.id ?? '', `Thanks, ${identity.firstName}. `);
  return ask(flow, `Thanks, ${identity.firstName}. ${eligible.which}`, 'order_id', options);
}

async function orderChosen(state: CarriedState, flow: OrderFlow, orderId: string, preface = ''): Promise<FlowReply> {
  flow.orderId = orderId;
  if (flow.kind === 'track_order') return finish(state, await reportOrder(state, orderId, preface));
  if (flow.kind === 'return_items') return askItemsToReturn(state, flow, preface);
  if (flow.kind === 'change_shipping_address') return askAddress(flow, preface);
  if (flow.kind === 'modify_items' || flow.kind === 'exchange_items') return askItemToModify(state, flow, preface);
  if (flow.kind === 'modify_payment_method') return askPaymentMethod(state, flow, preface);
  return askReason(flow, preface);
}

export function isOrderFlowKind(intent: string): intent is CustomerFlowKind {
  return Object.hasOwn(OPENINGS, intent);
}

/** Who the customer is, from an e-mail address or a full name with a zip code; nothing else counts. */
async function identify(text: string) {
  const email = extractEmails(text)[0];
  if (email) return identifyCustomerByEmail({ email });
  const name = extractName(text);
  const zip = extractZipCodes(text)[0];
  if (name?.last && zip) return identifyCustomerByNameZip({ firstName: name.first, lastName: name.last, zip });
  return 'unreadable' as const;
}
