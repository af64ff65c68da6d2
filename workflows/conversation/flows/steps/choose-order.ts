import type { CarriedState, OrderFlow } from '../../../../domain/conversation';
import { resolveChoice } from '../../../../domain/understanding/descriptions';
import { pickOne } from './choosing';
import type { Reading } from '../../../../domain/understanding/reading';
import { orderOptions } from '../../../activity-proxies';
import type { CustomerFlow } from '../dialogue-flow';
import { ask, finish, type FlowReply } from '../replies';
import { say, labelLanguage } from '../../speaking';
import type { MessageKey } from '../../../../domain/messages';

/**
 * The customer is known: a request about an order offers the orders it can be about (taking the one
 * the customer already named); a request about no order goes straight to its own first question.
 */
export async function askForOrder(state: CarriedState, flow: OrderFlow, def: CustomerFlow, elsewhere?: CustomerFlow): Promise<FlowReply> {
  const identity = state.identity;
  if (!identity) return ask(flow, say(state, 'What is the e-mail address on your account?'), 'email');
  const thanks = `${say(state, 'Thanks, {firstName}.', { firstName: identity.firstName })} `;
  if (!def.orders) return def.askNext(state, flow, thanks);
  const options = await orderOptions({ customerId: identity.customerId, statuses: [...def.orders.statuses], ...labelLanguage(state) });
  const named = options.find((o) => o.id === flow.orderId);
  const described = named || flow.openingWords === undefined ? undefined : resolveChoice(flow.openingWords, options, { newestFirst: true });
  // "Change the boots in my order with the tent" about an order that was delivered: the same wish is an exchange.
  const fitsNone = options.length === 0 || (flow.orderId !== undefined && !named) || described?.kind === 'none';
  // Only conversations read in plain words keep their opening (older ones replay without this step).
  const moved = fitsNone && elsewhere && flow.openingWords !== undefined ? await takenElsewhere(state, flow, elsewhere, thanks) : undefined;
  if (moved) return moved;
  if (options.length === 0) return finish(state, { replies: [{ text: `${thanks}${say(state, def.orders.noneLeft)}` }], intent: flow.kind });
  flow.step = 'order_id';
  if (named) return orderChosen(state, flow, def, named.id, thanks);
  if (described?.kind === 'one') return orderChosen(state, flow, def, described.option.id, thanks);
  if (described?.kind === 'several') return ask(flow, `${thanks}${say(state, 'More than one of your orders fits that.')} ${say(state, def.orders.which)}`, 'order_id', described.options);
  if (options.length === 1 && def.orders.takeTheOnlyOne) return orderChosen(state, flow, def, options[0]?.id ?? '', thanks);
  return ask(flow, `${thanks}${say(state, def.orders.which)}`, 'order_id', options);
}

/** The order the opening named, if it is one the neighbouring request can be about: that request starts for it. */
async function takenElsewhere(state: CarriedState, flow: OrderFlow, elsewhere: CustomerFlow, thanks: string): Promise<FlowReply | undefined> {
  const identity = state.identity;
  if (!identity || !elsewhere.orders) return undefined;
  const options = await orderOptions({ customerId: identity.customerId, statuses: [...elsewhere.orders.statuses], ...labelLanguage(state) });
  const byId = options.find((o) => o.id === flow.orderId);
  // By content only: "my last order" that fits none of this request's orders is not taken as another request's.
  const described = byId ? undefined : flow.openingWords === undefined ? undefined : resolveChoice(flow.openingWords, options);
  const order = byId ?? (described?.kind === 'one' ? described.option : undefined);
  if (!order) return undefined;
  const restarted = { kind: elsewhere.kind, step: 'order_id', orderId: order.id, openingWords: flow.openingWords } as OrderFlow;
  state.flow = restarted;
  const status = /\(([a-z ]+)\)/.exec(order.label)?.[1];
  const because = status ? `${statusSoFar(state, order.id, status)} ` : '';
  return orderChosen(state, restarted, elsewhere, order.id, `${thanks}${because}${say(state, elsewhere.opening)} `);
}

/** The answer to "which order?": one of the orders offered, by its label, position or id. */
export async function answerWhichOrder(state: CarriedState, flow: OrderFlow, def: CustomerFlow, reading: Reading): Promise<FlowReply> {
  const byId = flow.options?.find((o) => o.id === reading.entities.orderIds[0]);
  if (byId) return orderChosen(state, flow, def, byId.id);
  const notOne = say(state, 'That is not one of the orders I can help with here.');
  const again = def.orders ? `${notOne} ${say(state, def.orders.which)}` : `${notOne} `;
  const chosen = pickOne(flow, reading, flow.options ?? [], { awaiting: 'order_id', again, what: 'orders', state });
  return chosen.reply ?? orderChosen(state, flow, def, chosen.picked.id);
}

/**
 * The customer corrects which order they meant ("sorry, I meant #W…") after it was chosen: the
 * request starts over for that order, if it is one of theirs that the request can be about.
 */
export async function orderCorrection(state: CarriedState, flow: OrderFlow, def: CustomerFlow, reading: Reading): Promise<FlowReply | undefined> {
  const named = reading.entities.orderIds[0];
  const identity = state.identity;
  if (!def.orders || !named || !identity || flow.step === 'order_id' || !flow.orderId || named === flow.orderId) return undefined;
  const options = await orderOptions({ customerId: identity.customerId, statuses: [...def.orders.statuses], ...labelLanguage(state) });
  if (!options.some((o) => o.id === named)) {
    const still = say(state, 'Order {named} is not one I can help with for this request, so we are still on order {orderId}.', { named, orderId: flow.orderId });
    return ask(flow, flow.options ? `${still} ${say(state, 'Please choose one of the options.')}` : still, flow.step, flow.options);
  }
  const restarted = { kind: flow.kind, step: 'order_id', orderId: named } as OrderFlow;
  state.flow = restarted;
  return orderChosen(state, restarted, def, named, `${say(state, 'All right, order {orderId} instead.', { orderId: named })} `);
}

function orderChosen(state: CarriedState, flow: OrderFlow, def: CustomerFlow, orderId: string, preface = ''): FlowReply | Promise<FlowReply> {
  flow.orderId = orderId;
  return def.askNext(state, flow, preface);
}

/** "Order #W1 is delivered, so:", one sentence per status the store puts in an order's label. */
function statusSoFar(state: CarriedState, orderId: string, status: string): string {
  const key = STATUS_SO_FAR[status];
  return key ? say(state, key, { orderId }) : say(state, 'Order {orderId} is {status}, so:', { orderId, status });
}

const STATUS_SO_FAR: Record<string, MessageKey> = {
  pending: 'Order {orderId} is pending, so:',
  processed: 'Order {orderId} is processed, so:',
  delivered: 'Order {orderId} is delivered, so:',
  cancelled: 'Order {orderId} is cancelled, so:',
};
