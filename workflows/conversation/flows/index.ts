/** The dialogue flows as the conversation sees them: start one, take the customer's next answer. */
import type { CarriedState, OrderFlow } from '../../../domain/conversation';
import type { CustomerFlow } from './dialogue-flow';
import type { Expecting, Reading } from '../../../domain/understanding/reading';
import { customerFlowFor, flowFor, type CustomerFlowKind } from './registry';
import { ask, withPreface, type FlowReply } from './replies';
import { answerWhichOrder, askForOrder, orderCorrection } from './steps/choose-order';
import { identifiesSomeone, identifyCustomer } from './steps/identify-customer';
import { knownEnoughFor, verificationFor } from '../../../domain/identity-assurance';
import { say } from '../speaking';

export { customerFlowKindForIntent, isCustomerFlowKind, type CustomerFlowKind } from './registry';
export type { FlowReply } from './replies';

/** Starts a request; the first message may already name its order. */
export async function startFlow(kind: CustomerFlowKind, state: CarriedState, reading: Reading): Promise<FlowReply> {
  const def = customerFlowFor(kind);
  const flow = { kind, step: 'email', orderId: reading.entities.orderIds[0] } as OrderFlow;
  state.flow = flow;
  if (def.start) return def.start(state, flow, reading);
  if (reading.plainWords) {
    def.prefill?.(flow, reading);
    flow.openingWords = reading.text;
    // "I'm Noah Brown, 80279 — please cancel …": who the customer is, said up front, is not asked again.
    if (!knownEnoughFor(state.identity, kind) && identifiesSomeone(reading, state.identity)) {
      const notFound = await identifyCustomer(state, flow, reading);
      if (notFound) return withPreface(notFound, `${say(state, def.opening)} `);
    }
  }
  if (!knownEnoughFor(state.identity, kind)) {
    // A customer the channel vouched for is known, but changes still need them verified here.
    const verification = verificationFor(state.identity);
    return ask(flow, `${say(state, def.opening)} ${say(state, verification.question)}`, verification.accepts === 'name_zip' ? 'name_zip' : 'email');
  }
  return askForOrder(state, flow, def, elsewhereOf(def));
}

/**
 * What the open flow is waiting for, so the message can be read against it once: the options its last
 * question offered (orders newest first; a new variant like the item it replaces) and what else the
 * customer may name instead.
 */
export function expectingOf(flow: OrderFlow | undefined, state: CarriedState): Expecting | undefined {
  if (!flow?.options) return undefined;
  const def = flowFor(flow.kind);
  const replacing = flow.step === 'new_items' && 'replacing' in flow ? flow.replacing : undefined;
  const hints = flow.step === 'order_id' ? { newestFirst: true } : replacing ? { like: replacing } : {};
  const alternatives = def.alternatives?.(flow, state);
  return { options: flow.options, hints, ...(alternatives ? { alternatives } : {}) };
}

function elsewhereOf(def: CustomerFlow): CustomerFlow | undefined {
  return def.orders?.elsewhere ? customerFlowFor(def.orders.elsewhere) : undefined;
}

/** One customer answer inside the open flow: the shared steps first (who, which order), then the flow's own. */
export async function continueFlow(state: CarriedState, reading: Reading): Promise<FlowReply> {
  const flow = state.flow;
  if (!flow) throw new Error('no flow is open');
  const def = flowFor(flow.kind);
  if (def.startedBy === 'person') return def.continue(state, flow, reading);
  // A flow that takes its first message itself takes every answer itself: nobody is identified here.
  if (def.start && def.continue) return def.continue(state, flow, reading);
  if (flow.step === 'email') return (await identifyCustomer(state, flow, reading)) ?? askForOrder(state, flow, def, elsewhereOf(def));
  const correction = await orderCorrection(state, flow, def, reading);
  if (correction) return correction;
  if (flow.step === 'order_id') return answerWhichOrder(state, flow, def, reading);
  return def.continue ? def.continue(state, flow, reading) : def.askNext(state, flow, '');
}
