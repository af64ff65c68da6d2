import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, DeleteAccountFlow, ReplyOption } from '../../../domain/conversation';
import { erasureDay } from '../../../domain/accounts/erasure';
import { chosenAmong } from './steps/choosing';
import type { Reading } from '../../../domain/understanding/reading';
import { accountErasureStatus, cancelAccountErasure, scheduleAccountErasure } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { date, type MessageParam } from '../../../domain/messages';
import { languageOf, say } from '../speaking';

const keepOptions = (state: CarriedState): ReplyOption[] => [
  { id: 'yes', label: say(state, 'Yes, keep my account') },
  { id: 'no', label: say(state, 'No, erase it') },
];

/** The day the erasure falls due: in English as it has always been written ("15 December 2026"), else for the locale. */
const erasureDate = (state: CarriedState, iso: string): MessageParam => (languageOf(state) === 'en' ? erasureDay(iso) : date(iso));

const eraseSpec = (state: CarriedState): ActionSpec => ({
  request: { kind: 'erase_user_account', userId: state.identity?.customerId ?? '' },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, close my account') },
    { id: 'no', label: say(state, 'No, keep it') },
  ],
  cannot: 'I cannot close your account yet: {reason}',
});

const conversationWorkflowId = () => workflowInfo().workflowId;

/**
 * Closing the verified customer's own account. The policy refuses while an order is open (and says
 * which); otherwise, on a yes, the erasure is scheduled in its own workflow, which waits out the grace
 * period. Asked again while one is scheduled (here or in a later conversation), the flow offers to
 * cancel it instead.
 */
export const deleteAccount = customerFlow<DeleteAccountFlow>({
  kind: 'delete_account',
  opening: 'I can close your account and erase your personal data.',
  async askNext(state, flow, preface) {
    const erasure = await accountErasureStatus({ customerId: state.identity?.customerId ?? '' });
    if (erasure.status === 'scheduled') {
      flow.step = 'confirmation';
      flow.cancelOffered = { eraseAfter: erasure.eraseAfter };
      const due = say(state, 'Your account is due to be erased on {day}. Shall I cancel the deletion, so your account stays?', { day: erasureDate(state, erasure.eraseAfter) });
      return ask(flow, `${preface}${due}`, 'confirmation', keepOptions(state));
    }
    const reply = await proposeAction(state, flow, eraseSpec(state));
    return preface ? { ...reply, replies: reply.replies.map((r, i) => (i === 0 ? { text: `${preface}${r.text}` } : r)) } : reply;
  },
  async continue(state: CarriedState, flow: DeleteAccountFlow, reading: Reading): Promise<FlowReply> {
    if (flow.cancelOffered) {
      const answer = chosenAmong(reading, keepOptions(state)) ?? reading.entities.yesNo;
      const day = erasureDate(state, flow.cancelOffered.eraseAfter);
      if (answer === 'no') return finish(state, { replies: [{ text: say(state, 'All right, your account will be erased on {day}.', { day }) }], intent: flow.kind });
      if (answer !== 'yes') return ask(flow, say(state, 'Shall I cancel the deletion? Please answer yes or no.'), 'confirmation', keepOptions(state));
      const { cancelled } = await cancelAccountErasure({ customerId: state.identity?.customerId ?? '', conversationWorkflowId: conversationWorkflowId() });
      if (!cancelled) return finish(state, { replies: [{ text: say(state, 'There is no deletion of your account waiting any more, so there is nothing to cancel.') }], intent: flow.kind });
      const report = { name: 'cancel_account_erasure', status: 'executed' as const, detail: 'the scheduled erasure is cancelled' };
      (state.actions ??= []).push(report);
      return finish(state, { replies: [{ text: say(state, 'Done: the deletion is cancelled, and your account stays as it is.') }], intent: flow.kind, actions: [report] });
    }
    const spec = eraseSpec(state);
    const declined = say(state, 'All right, your account stays open. Anything else I can do?');
    return answerProposal(state, flow, reading, { ...spec, declined }, async () => {
      const { eraseAfter } = await scheduleAccountErasure({ customerId: state.identity?.customerId ?? '', conversationWorkflowId: conversationWorkflowId() });
      const text = say(state, 'Done: your account will be closed and your personal data erased on {day}. Until then you can cancel it: just tell us "cancel the deletion", here or in a new conversation.', { day: erasureDate(state, eraseAfter) });
      return doneReply(state, flow, spec.request.kind, `erasure scheduled for ${eraseAfter}`, text);
    });
  },
});
