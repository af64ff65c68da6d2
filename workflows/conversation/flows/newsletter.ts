import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, NewsletterFlow, ReplyOption } from '../../../domain/conversation';
import { NEWSLETTER_CONSENT_WORDING, NEWSLETTER_WITHDRAWAL_WORDING, SUBSCRIPTION_OPTIONS } from '../../../domain/commerce/newsletter';
import { chosenAmong } from './steps/choosing';
import type { Reading } from '../../../domain/understanding/reading';
import { setNewsletterSubscription } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';

const AGREE: ReplyOption[] = [
  { id: 'yes', label: 'Yes, subscribe me' },
  { id: 'no', label: 'No, thanks' },
];

function askChoice(flow: NewsletterFlow, preface: string): FlowReply {
  flow.step = 'subscription';
  return ask(flow, `${preface}Would you like to subscribe to our newsletter, or unsubscribe from it?`, 'subscription', SUBSCRIPTION_OPTIONS);
}

/** Leaving needs no yes (withdrawing consent is never harder than giving it); joining asks for a yes to the exact wording. */
async function carryOut(state: CarriedState, flow: NewsletterFlow, preface: string): Promise<FlowReply> {
  if (flow.choice === 'subscribe') {
    flow.step = 'confirmation';
    return ask(flow, `${preface}To subscribe you, I need your agreement to this: "${NEWSLETTER_CONSENT_WORDING}" Do you agree?`, 'confirmation', AGREE);
  }
  return record(state, flow, false, preface);
}

async function record(state: CarriedState, flow: NewsletterFlow, subscribe: boolean, preface = ''): Promise<FlowReply> {
  const result = await setNewsletterSubscription({
    customerId: state.identity?.customerId ?? '',
    subscribe,
    wording: subscribe ? NEWSLETTER_CONSENT_WORDING : NEWSLETTER_WITHDRAWAL_WORDING,
    conversationWorkflowId: workflowInfo().workflowId,
  });
  if (!result) return finish(state, { replies: [{ text: `${preface}I could not find your account to change that. Please try again later.` }], intent: flow.kind });
  const text = subscribe
    ? result.changed ? `Done: ${result.email} is subscribed to our newsletter. You can unsubscribe at any time, here or from any newsletter.` : `${result.email} is already subscribed to our newsletter, so nothing changed.`
    : result.changed ? `Done: ${result.email} is unsubscribed, and you will get no more newsletters from us.` : `${result.email} is not subscribed to our newsletter, so there is nothing to stop.`;
  const report = { name: subscribe ? 'newsletter_subscribe' : 'newsletter_unsubscribe', status: 'executed' as const, detail: result.changed ? 'recorded' : 'unchanged' };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: `${preface}${text}` }], intent: flow.kind, actions: [report] });
}

async function continueNewsletter(state: CarriedState, flow: NewsletterFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'subscription') {
    const picked = chosenAmong(reading, SUBSCRIPTION_OPTIONS);
    const choice = (picked as NewsletterFlow['choice']) ?? reading.subscription;
    if (!choice) return ask(flow, 'Please tell me which: subscribe, or unsubscribe?', 'subscription', SUBSCRIPTION_OPTIONS);
    flow.choice = choice;
    return carryOut(state, flow, '');
  }
  const answer = chosenAmong(reading, AGREE) ?? reading.entities.yesNo;
  if (answer === 'no') return finish(state, { replies: [{ text: 'All right, I have not subscribed you. Anything else I can do?' }], intent: flow.kind });
  if (answer !== 'yes') return ask(flow, 'Do you agree to receive the newsletter? Please answer yes or no.', 'confirmation', AGREE);
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
  askNext: (state, flow, preface) => (flow.choice ? carryOut(state, flow, preface) : askChoice(flow, preface)),
  continue: continueNewsletter,
});
