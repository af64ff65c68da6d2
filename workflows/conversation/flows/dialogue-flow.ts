import type { CarriedState, OrderFlow } from '../../../domain/conversation';
import { DEFAULT_POLICY_SETTINGS, statusesOpenTo, type OrderStatusAction } from '../../../domain/policy';
import type { FlowReply } from './replies';
import type { MessageKey } from '../../../domain/messages';
import type { Expecting, Reading } from '../../../domain/understanding/reading';

/** Which of the customer's orders a flow can be about, and how the bot asks for one. */
export interface OrderChoice {
  /** From the policy's status rules: the orders offered are the ones the action could be done to. */
  statuses: readonly string[];
  /** The question that offers them. */
  which: MessageKey;
  /** The flow's last word when the customer has none. */
  noneLeft: MessageKey;
  /** Take the only order there is instead of asking about it (a lookup, not a change). */
  takeTheOnlyOne?: boolean;
  /** The request the same words make for an order in other statuses (changing an item that was delivered is an exchange). */
  elsewhere?: 'modify_items' | 'exchange_items';
}

/**
 * A request the customer starts. The shared steps identify the customer and choose the order (when
 * `orders` is set); then `askNext` asks the flow's own first question, and `continue` takes each answer.
 */
export interface CustomerFlow<F extends OrderFlow = OrderFlow> {
  kind: F['kind'];
  startedBy: 'customer';
  /** What the bot says first, before it asks who the customer is. */
  opening: MessageKey;
  /** Absent for a request about no order (the account's address, the customer's refunds). */
  orders?: OrderChoice;
  /** Takes what the opening message already says about the flow's own questions (a reason, an address). */
  prefill?(flow: F, reading: Reading): void;
  /** What else the customer may name at the current step instead of answering it (a reason, a variant). */
  alternatives?(flow: F, state: CarriedState): Expecting['alternatives'];
  /** Once the customer is known and the order chosen; `preface` is what the bot says before it ("Thanks, Ana."). */
  askNext(state: CarriedState, flow: F, preface: string): FlowReply | Promise<FlowReply>;
  /** An answer at one of the flow's own steps; absent when `askNext` always ends the flow. */
  continue?(state: CarriedState, flow: F, reading: Reading): Promise<FlowReply>;
  /** Takes the first message itself instead of the shared steps: a request that needs nobody verified (a reset link). */
  start?(state: CarriedState, flow: F, reading: Reading): Promise<FlowReply>;
}

/** A request a person starts for the customer (a goodwill offer): it opens at its proposal. */
export interface OfferedFlow<F extends OrderFlow = OrderFlow> {
  kind: F['kind'];
  startedBy: 'person';
  alternatives?(flow: F, state: CarriedState): Expecting['alternatives'];
  continue(state: CarriedState, flow: F, reading: Reading): Promise<FlowReply>;
}

export type DialogueFlow<F extends OrderFlow = OrderFlow> = CustomerFlow<F> | OfferedFlow<F>;

export const customerFlow = <F extends OrderFlow>(flow: Omit<CustomerFlow<F>, 'startedBy'>): CustomerFlow<F> => ({ ...flow, startedBy: 'customer' });
export const offeredFlow = <F extends OrderFlow>(flow: Omit<OfferedFlow<F>, 'startedBy'>): OfferedFlow<F> => ({ ...flow, startedBy: 'person' });

/**
 * The statuses an action is open to, by the policy. The worker configures only the refund limit, so
 * the policy's defaults are the rules its actions run under.
 */
export const statusesFor = (action: OrderStatusAction): string[] => statusesOpenTo(action, DEFAULT_POLICY_SETTINGS);
