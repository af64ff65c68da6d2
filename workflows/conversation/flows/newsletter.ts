import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, NewsletterFlow, ReplyOption } from '../../../domain/conversation';
import { NEWSLETTER_CONSENT_WORDING, NEWSLETTER_WITHDRAWAL_WORDING, SUBSCRIPTION_OPTIONS } from '../../../domain/commerce/newsletter';
import { chosenAmong } from './steps/choosing';
import type { Reading } from '../../../domain/understanding/reading';
import { setNewsletterSubscription } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';
import { say } from '../speaking';

const agree = (state: CarriedState): ReplyOption[] => [
  { id: 'yes', label: say(state, 'Yes, subscribe me') },
  { id: 'no', label: say(state, 'No, thanks') },
];

const subscriptionOptions = (state: CarriedState): ReplyOption[] => SUBSCRIPTION_OPTIONS.map(({ id, label }) => ({ id, label: say(state, label) }));

function askChoice(state: CarriedState, flow: NewsletterFlow, preface: string): FlowReply {
  flow.step = 'subscription';
  return ask(flow, `${preface}${say(state, 'Would you like to subscribe to our newsletter, or unsubscribe from it?')}`, 'subscription', subscriptionOptions(state));
}

/** Leaving needs no yes (withdrawing consent is never harder than giving it); joining asks for a yes to the exact wording. */
async function carryOut(state: CarriedState, flow: NewsletterFlow, preface: string): Promise<FlowReply> {
  if (flow.choice === 'subscribe') {
    flow.step = 'confirmation';
    const consent = say(state, 'To subscribe you, I need your agreement to this: "{wording}" Do you agree?', { wording: say(state, NEWSLETTER_CONSENT_WORDING) });
    return ask(flow, `${preface}${consent}`, 'confirmation', agree(state));
  }
  return record(state, flow, false, preface);
}

async function record(state: CarriedState, flow: NewsletterFlow, subscribe: boolean, preface = ''): Promise<FlowReply> {
  const result = await setNewsletterSubscription({
    customerId: state.identity?.customerId ?? '',
    subscribe,
    // The wording in the language the customer read it in: that is what they agreed to.
    wording: say(state, subscribe ? NEWSLETTER_CONSENT_WORDING : NEWSLETTER_WITHDRAWAL_WORDING),
    conversationWorkflowId: workflowInfo().workflowId,
  });
  if (!result) return finish(state, { replies: [{ text: `${preface}${say(state, 'I could not find your account to change that. Please try again later.')}` }], intent: flow.kind });
  const email = result.email;
  const text = subscribe
    ? result.changed ? say(state, 'Done: {email} is subscribed to our newsletter. You can unsubscribe at any time, here or from any newsletter.', { email }) : say(state, '{email} is already subscribed to our newsletter, so nothing changed.', { email })
    : result.changed ? say(state, 'Done: {email} is unsubscribed, and you will get no more newsletters from us.', { email }) : say(state, '{email} is not subscribed to our newsletter, so there is nothing to stop.', { email });
  const report = { name: subscribe ? 'newsletter_subscribe' : 'newsletter_unsubscribe', status: 'executed' as const, detail: result.changed ? 'recorded' : 'unchanged' };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: `${preface}${text}` }], intent: flow.kind, actions: [report] });
}

async function continueNewsletter(state: CarriedState, flow: NewsletterFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'subscription') {
    const picked = chosenAmong(reading, subscriptionOptions(state));
    const choice = (picked as NewsletterFlow['choice']) ?? reading.subscription;
    if (!choice) return ask(flow, say(state, 'Please tell me which: subscribe, or unsubscribe?'), 'subscription', subscriptionOptions(state));
    flow.choice = choice;
    return carryOut(state, flow, '');
  }
  const answer = chosenAmong(reading, agree(state)) ?? reading.entities.yesNo;
  if (answer === 'no') return finish(state, { replies: [{ text: say(state, 'All right, I have not subscribed you. Anything else I can do?') }], intent: flow.kind });
  if (answer !== 'yes') return ask(flow, say(state, 'Do you agree to receive the newsletter? Please answer yes or no.'), 'confirmation', agree(state));
  return record(state, flow, true);
}

/** Joining or leaving the newsletter with the e-mail on file, the consent and its wording recorded. */
export const newsletter = customerFlow<NewsletterFlow>({
  kind: 'newsletter_subscription',
  opening: 'I can subscribe you to our newsletter, or unsubscribe you.',
  prefill: (flow, reading) => {
    const choice = reading.subscription;
    if (choice) flow.choice = choice;
  },
  askNext: (state, flow, preface) => (flow.choice ? carryOut(state, flow, preface) : askChoice(state, flow, preface)),
  continue: continueNewsletter,
});
