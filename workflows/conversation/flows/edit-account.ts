import type { CarriedState, EditAccountFlow } from '../../../domain/conversation';
import type { Reading } from '../../../domain/understanding/reading';
import { customerFlow } from './dialogue-flow';
import { ask, type FlowReply } from './replies';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { say } from '../speaking';

const accountSpec = (state: CarriedState, flow: EditAccountFlow): ActionSpec => ({
  request: {
    kind: 'modify_user_account',
    userId: state.identity?.customerId ?? '',
    ...(flow.newName ? { name: flow.newName } : {}),
    ...(flow.newEmail ? { email: flow.newEmail } : {}),
  },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, change it') },
    { id: 'no', label: say(state, 'No, keep it') },
  ],
  cannot: 'I cannot change your account: {reason}',
});

function askDetails(state: CarriedState, flow: EditAccountFlow, preface: string): FlowReply {
  flow.step = 'account_details';
  const question = say(state, 'What should the new name or e-mail address on your account be? Please write it out, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.');
  return ask(flow, `${preface}${question}`, 'account_details');
}

/**
 * The name or e-mail on the verified customer's own account: the new details → the proposal naming
 * old and new → yes/no → changed through the action door, which also records the change and sends
 * a notice to the old address.
 */
export const editAccount = customerFlow<EditAccountFlow>({
  kind: 'edit_account',
  opening: 'I can change the name or the e-mail address on your account.',
  askNext: (state, flow, preface) => askDetails(state, flow, preface),
  async continue(state: CarriedState, flow: EditAccountFlow, reading: Reading): Promise<FlowReply> {
    if (flow.step === 'account_details') {
      const email = reading.entities.emails[0];
      const name = reading.entities.name;
      if (name && !name.last) return ask(flow, say(state, 'Please give me the full new name, first and last, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.'), 'account_details');
      if (!email && !name) return ask(flow, say(state, 'I could not read a new name or e-mail address in that. Please write it out, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.'), 'account_details');
      flow.newEmail = email;
      flow.newName = name?.last ? { firstName: name.first, lastName: name.last } : undefined;
      return proposeAction(state, flow, accountSpec(state, flow));
    }
    const spec = accountSpec(state, flow);
    const declined = say(state, 'All right, your account stays as it is. Anything else I can do?');
    return answerProposal(state, flow, reading, { ...spec, declined }, async (result) => {
      const account = result.proposal.account;
      const to = account ? `${account.to.firstName} ${account.to.lastName}, ${account.to.email}` : '';
      const notice = account && account.from.email !== account.to.email ? ` ${say(state, 'I have sent a notice of the change to {email}.', { email: account.from.email })}` : '';
      return doneReply(state, flow, spec.request.kind, `account is now ${to}`, `${say(state, 'Done: your account now reads {account}.', { account: to })}${notice}`);
    });
  },
});
