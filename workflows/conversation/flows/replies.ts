import type { CarriedState, MessageResult, OrderFlow, ReplyOption } from '../../../domain/conversation';

/** A flow's answer to one turn; the conversation adds the status. */
export type FlowReply = Omit<MessageResult, 'status'>;

/** Asks for the next thing the flow needs, remembering the options offered so an answer can pick one. */
export function ask(flow: OrderFlow, text: string, awaiting: FlowReply['awaiting'], options?: ReplyOption[]): FlowReply {
  flow.options = options;
  return { replies: [{ text }], intent: flow.kind, awaiting, ...(options ? { options } : {}) };
}

/** The reply with a few words before it ("Thanks, Ana. "). */
export function withPreface(reply: FlowReply, preface: string): FlowReply {
  const [first, ...rest] = reply.replies;
  if (!preface || !first) return reply;
  return { ...reply, replies: [{ ...first, text: `${preface}${first.text}` }, ...rest] };
}

/** Closes the flow with its last reply. */
export function finish(state: CarriedState, reply: FlowReply): FlowReply {
  state.flow = undefined;
  return reply;
}
