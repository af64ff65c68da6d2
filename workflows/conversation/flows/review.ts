import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, ReviewFlow } from '../../../domain/conversation';
import { REVIEW_RATING_OPTIONS, reviewTextProblem } from '../../../domain/commerce/review';
import { pickOne } from './steps/choosing';
import { ORDER_STATUS } from '../../../domain/policy';
import type { Reading } from '../../../domain/understanding/reading';
import { reviewableItems, saveItemReview } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';

function askRating(flow: ReviewFlow, preface: string): FlowReply {
  flow.step = 'rating';
  return ask(flow, `${preface}How would you rate the ${flow.itemLabel ?? 'item'}, from 1 (poor) to 5 (excellent)?`, 'rating', REVIEW_RATING_OPTIONS);
}

function askText(flow: ReviewFlow, preface = ''): FlowReply {
  flow.step = 'review_text';
  return ask(flow, `${preface}What would you like to say about it? Your words go with the rating.`, 'review_text');
}

async function askItem(state: CarriedState, flow: ReviewFlow, preface: string): Promise<FlowReply> {
  const items = await reviewableItems({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  if (items.length === 0) return finish(state, { replies: [{ text: `${preface}I can only take reviews of items from delivered orders, and order ${flow.orderId ?? ''} has none.` }], intent: flow.kind });
  if (items.length === 1 && items[0]) return itemChosen(flow, items[0], preface);
  flow.step = 'items';
  return ask(flow, `${preface}Which item would you like to review?`, 'items', items);
}

function itemChosen(flow: ReviewFlow, item: { id: string; label: string }, preface = ''): FlowReply {
  flow.itemId = item.id;
  flow.itemLabel = item.label;
  return askRating(flow, preface);
}

async function save(state: CarriedState, flow: ReviewFlow, text: string): Promise<FlowReply> {
  const rating = flow.rating ?? 0;
  const result = await saveItemReview({
    customerId: state.identity?.customerId ?? '',
    orderId: flow.orderId ?? '',
    itemId: flow.itemId ?? '',
    rating,
    text,
    conversationWorkflowId: workflowInfo().workflowId,
  });
  if (!result.saved) return finish(state, { replies: [{ text: 'I could not save that review: the item is no longer one of your delivered items.' }], intent: flow.kind });
  const report = { name: 'review', status: 'executed' as const, detail: `${rating} of 5 for ${result.productName ?? flow.itemLabel ?? 'the item'}` };
  (state.actions ??= []).push(report);
  return finish(state, {
    replies: [{ text: `Thank you! Your ${rating}-star review of the ${result.productName ?? flow.itemLabel ?? 'item'} is saved, and our team reads every review.` }],
    intent: flow.kind,
    actions: [report],
  });
}

async function continueReview(state: CarriedState, flow: ReviewFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'items') {
    const item = pickOne(flow, reading, flow.options ?? [], { awaiting: 'items', again: 'Please choose one of the items from that order:', what: 'items' });
    return item.reply ?? itemChosen(flow, item.picked);
  }
  if (flow.step === 'rating') {
    const { rating, text } = reading.review;
    if (rating === undefined) return ask(flow, 'Please give a rating from 1 to 5.', 'rating', REVIEW_RATING_OPTIONS);
    flow.rating = rating;
    // "4 stars, comfortable but runs small": the rating and the words in one message.
    if (text && !reviewTextProblem(text)) return save(state, flow, text);
    return askText(flow, `${rating} of 5, thank you. `);
  }
  const problem = reviewTextProblem(reading.text);
  if (problem) return askText(flow, `${problem} `);
  return save(state, flow, reading.text);
}

/** A rating and a few words about an item the customer received, stored where agents can read them. */
export const review = customerFlow<ReviewFlow>({
  kind: 'review',
  opening: 'I would be glad to take your review.',
  orders: {
    statuses: [ORDER_STATUS.delivered],
    which: 'Which order is the item from?',
    noneLeft: 'I can only take reviews of items you have received, and none of your orders has been delivered yet.',
    takeTheOnlyOne: true,
  },
  askNext: (state, flow, preface) => askItem(state, flow, preface),
  continue: continueReview,
});
