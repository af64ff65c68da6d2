import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, ReviewFlow } from '../../../domain/conversation';
import { REVIEW_RATINGS, reviewTextTrouble } from '../../../domain/commerce/review';
import { pickOne } from './steps/choosing';
import { ORDER_STATUS } from '../../../domain/policy';
import type { Reading } from '../../../domain/understanding/reading';
import { reviewableItems, saveItemReview } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';
import { say } from '../speaking';

const ratingOptions = (state: CarriedState) =>
  REVIEW_RATINGS.map((n) => ({ id: String(n), label: n === 1 ? say(state, '1 star') : say(state, '{count} stars', { count: n }) }));

function askRating(state: CarriedState, flow: ReviewFlow, preface: string): FlowReply {
  flow.step = 'rating';
  const question = flow.itemLabel
    ? say(state, 'How would you rate the {item}, from 1 (poor) to 5 (excellent)?', { item: flow.itemLabel })
    : say(state, 'How would you rate the item, from 1 (poor) to 5 (excellent)?');
  return ask(flow, `${preface}${question}`, 'rating', ratingOptions(state));
}

function askText(state: CarriedState, flow: ReviewFlow, preface = ''): FlowReply {
  flow.step = 'review_text';
  return ask(flow, `${preface}${say(state, 'What would you like to say about it? Your words go with the rating.')}`, 'review_text');
}

async function askItem(state: CarriedState, flow: ReviewFlow, preface: string): Promise<FlowReply> {
  const items = await reviewableItems({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  if (items.length === 0) {
    const none = say(state, 'I can only take reviews of items from delivered orders, and order {orderId} has none.', { orderId: flow.orderId ?? '' });
    return finish(state, { replies: [{ text: `${preface}${none}` }], intent: flow.kind });
  }
  if (items.length === 1 && items[0]) return itemChosen(state, flow, items[0], preface);
  flow.step = 'items';
  return ask(flow, `${preface}${say(state, 'Which item would you like to review?')}`, 'items', items);
}

function itemChosen(state: CarriedState, flow: ReviewFlow, item: { id: string; label: string }, preface = ''): FlowReply {
  flow.itemId = item.id;
  flow.itemLabel = item.label;
  return askRating(state, flow, preface);
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
  if (!result.saved) return finish(state, { replies: [{ text: say(state, 'I could not save that review: the item is no longer one of your delivered items.') }], intent: flow.kind });
  const report = { name: 'review', status: 'executed' as const, detail: `${rating} of 5 for ${result.productName ?? flow.itemLabel ?? 'the item'}` };
  (state.actions ??= []).push(report);
  return finish(state, {
    replies: [{ text: say(state, 'Thank you! Your {rating}-star review of the {item} is saved, and our team reads every review.', { rating, item: result.productName ?? flow.itemLabel ?? 'item' }) }],
    intent: flow.kind,
    actions: [report],
  });
}

async function continueReview(state: CarriedState, flow: ReviewFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'items') {
    const item = pickOne(flow, reading, flow.options ?? [], { awaiting: 'items', again: say(state, 'Please choose one of the items from that order:'), what: 'items' });
    return item.reply ?? itemChosen(state, flow, item.picked);
  }
  if (flow.step === 'rating') {
    const { rating, text } = reading.review;
    if (rating === undefined) return ask(flow, say(state, 'Please give a rating from 1 to 5.'), 'rating', ratingOptions(state));
    flow.rating = rating;
    // "4 stars, comfortable but runs small": the rating and the words in one message.
    if (text && !reviewTextTrouble(text)) return save(state, flow, text);
    return askText(state, flow, `${say(state, '{rating} of 5, thank you.', { rating })} `);
  }
  const problem = reviewTextTrouble(reading.text);
  if (problem) return askText(state, flow, `${say(state, problem.message, problem.params)} `);
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
