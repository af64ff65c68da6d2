/**
 * `eval capture <conversationId>`: a recorded conversation becomes a scenario. The customer's lines
 * come from its transcript, the expected outcome, actions and handoff from its view, and the fixture
 * is the customer's and their orders' records as the conversation first saw them.
 *
 * The store holds the records as they are now, after the conversation's changes. The lookups a
 * conversation makes return only labels and ids, not whole records, so the "before" cannot be read
 * from them; instead each action the conversation carried out is undone on today's records, newest
 * first. The workflow's own history (not the `action_executions` table, which keeps only a one-line
 * output) holds each `performAction` request and the proposal it carried out, with the order status
 * and payment-history length it was made against and the old address, items and account details:
 * enough to undo every store action exactly. Changes made to these records by anything else since
 * the conversation are taken as part of the "before".
 */
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import type { Knex } from 'knex';
import { readConversationOutcome } from '../db/repositories/conversation-outcomes';
import { workflowIdFor, type ConversationView } from '../domain/conversation';
import { OUTCOMES, type Outcome } from '../domain/outcomes/types';
import type { ActionRequest, Proposal } from '../domain/policy';
import { readOrders, readProducts, readUsers } from '../tau/store/read-tau-records';
import { stateQuery } from '../workflows/conversation/definitions';
import { changedFields, plainOrder, plainUser, toPlain, type Json, type PlainRecord, type PlainRecords } from './records';
import type { ExpectedAction, Scenario, StoreExpectation } from './scenario';

export class CaptureError extends Error {
  override name = 'CaptureError';
}

/** One `performAction` the conversation ran that changed something: the request and the proposal carried out. */
export interface CarriedOut {
  request: ActionRequest;
  proposal: Proposal;
}

interface HistoryFacts {
  customerId?: string;
  carriedOut: CarriedOut[];
}

type HistoryEvent = {
  eventId?: unknown;
  workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string | null } | null;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null; input?: { payloads?: unknown[] | null } | null } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: unknown; result?: { payloads?: unknown[] | null } | null } | null;
};

const decode = (payloads: unknown[] | null | undefined): unknown =>
  payloads && payloads.length > 0 ? defaultPayloadConverter.fromPayload(payloads[0] as Parameters<typeof defaultPayloadConverter.fromPayload>[0]) : undefined;

/** The activities' inputs and results as they were before the payload codec encrypted them. */
async function decodeActivityPayloads(events: HistoryEvent[], codec: PayloadCodec): Promise<void> {
  for (const event of events) {
    const input = event.activityTaskScheduledEventAttributes?.input;
    if (input?.payloads) input.payloads = await codec.decode(input.payloads as Payload[]);
    const result = event.activityTaskCompletedEventAttributes?.result;
    if (result?.payloads) result.payloads = await codec.decode(result.payloads as Payload[]);
  }
}

/** Every event of the conversation's workflow, its runs (continue-as-new) oldest first. */
async function historyOf(client: Client, workflowId: string, codec: PayloadCodec): Promise<HistoryEvent[]> {
  const runs: HistoryEvent[][] = [];
  let runId: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = (history.events ?? []) as HistoryEvent[];
    await decodeActivityPayloads(events, codec);
    runs.unshift(events);
    const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) break;
    runId = previous;
  }
  return runs.flat();
}

/** Who the conversation verified, and what it carried out, from the activities' inputs and results. */
export function factsFromHistory(events: readonly HistoryEvent[]): HistoryFacts {
  const scheduled = new Map<string, { name: string; input: unknown }>();
  const facts: HistoryFacts = { carriedOut: [] };
  for (const event of events) {
    const started = event.activityTaskScheduledEventAttributes;
    if (started) scheduled.set(String(event.eventId), { name: started.activityType?.name ?? '', input: decode(started.input?.payloads) });
    const done = event.activityTaskCompletedEventAttributes;
    if (!done) continue;
    const activity = scheduled.get(String(done.scheduledEventId));
    if (!activity) continue;
    const result = decode(done.result?.payloads) as Record<string, unknown> | null | undefined;
    if ((activity.name === 'identifyCustomerByEmail' || activity.name === 'identifyCustomerByNameZip') && result && typeof result.customerId === 'string') {
      facts.customerId ??= result.customerId;
    }
    if (activity.name === 'performAction' && result?.status === 'executed') {
      const input = activity.input as { request?: ActionRequest; facts?: { customerId?: string | null } };
      if (!input.request) throw new CaptureError('the conversation ran an action in the old tool-call form; it cannot be captured');
      facts.customerId ??= input.facts?.customerId ?? undefined;
      facts.carriedOut.push({ request: input.request, proposal: result.proposal as Proposal });
    }
  }
  return facts;
}

const cents = (dollars: Json | undefined) => Math.round(Number(dollars ?? 0) * 100);

/**
 * The records before `carriedOut`, from the records after it: each action undone, newest first.
 * `variantOptions` gives an item's options by item id (the catalogue's, for items changed back).
 */
export function undoActions(after: PlainRecords, carriedOut: readonly CarriedOut[], variantOptions: ReadonlyMap<string, Json>): PlainRecords {
  const records = JSON.parse(JSON.stringify(after)) as PlainRecords;
  const { user } = records;
  const methods = user.payment_methods as Record<string, PlainRecord>;
  for (const { request, proposal } of [...carriedOut].reverse()) {
    const order = proposal.orderId ? records.orders[proposal.orderId] : undefined;
    if (proposal.orderId && !order) throw new CaptureError(`the conversation changed order ${proposal.orderId}, which is not one of customer ${String(user.user_id)}'s orders now`);
    if (order && proposal.basis) {
      order.status = proposal.basis.orderStatus;
      // What the action appended to the payment history goes; what it did to a gift card's balance is given back.
      const appended = (order.payment_history as PlainRecord[]).splice(proposal.basis.paymentEntries);
      for (const entry of appended) {
        const method = methods[entry.payment_method_id as string];
        if (method?.source !== 'gift_card') continue;
        const sign = entry.transaction_type === 'refund' ? -1 : 1;
        method.balance = (cents(method.balance) + sign * cents(entry.amount)) / 100;
      }
    }
    switch (request.kind) {
      case 'cancel_pending_order':
        if (order) delete order.cancel_reason;
        break;
      case 'return_delivered_order_items':
        if (order) for (const field of ['return_items', 'return_payment_method_id']) delete order[field];
        break;
      case 'exchange_delivered_order_items':
        if (order) for (const field of ['exchange_items', 'exchange_new_items', 'exchange_payment_method_id', 'exchange_price_difference']) delete order[field];
        break;
      case 'modify_pending_order_items': {
        if (!order) break;
        const items = order.items as PlainRecord[];
        const restored = new Set<number>();
        for (const item of [...proposal.items].reverse()) {
          if (item.newItemId === null) continue;
          const index = items.findIndex((candidate, i) => !restored.has(i) && candidate.item_id === item.newItemId);
          const target = items[index];
          if (!target) throw new CaptureError(`order ${proposal.orderId} no longer holds item ${item.newItemId} that the conversation put in`);
          restored.add(index);
          target.item_id = item.itemId;
          target.price = item.priceCents / 100;
          target.options = variantOptions.get(item.itemId) ?? {};
        }
        break;
      }
      case 'modify_pending_order_address':
        if (order && proposal.address) order.address = toPlain(proposal.address.from);
        break;
      case 'modify_user_address':
        if (proposal.address) user.address = toPlain(proposal.address.from);
        break;
      case 'modify_user_account':
        if (proposal.account) {
          user.name = { first_name: proposal.account.from.firstName, last_name: proposal.account.from.lastName };
          user.email = proposal.account.from.email;
        }
        break;
      case 'erase_user_account':
        throw new CaptureError('the conversation erased an account: the records before it cannot be rebuilt');
      default:
        // A payment change is undone by its payment history above; transfers and goodwill write no customer or order record.
        break;
    }
  }
  return records;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A customer's line with the fixture's e-mail, order ids, payment method ids and zip turned into placeholders. */
export function templateOf(line: string, fixture: PlainRecords | null): string {
  if (!fixture) return line;
  let text = line.replace(/[{}]/g, '');
  text = text.replace(new RegExp(escapeRegExp(fixture.user.email as string), 'gi'), '{email}');
  for (const id of Object.keys(fixture.orders)) {
    const digits = id.replace(/^#W/, '');
    text = text.replace(new RegExp(`(?<![\\w#])#?\\s?[Ww]${digits}(?!\\d)`, 'g'), `{order:${id}}`);
  }
  for (const id of Object.keys(fixture.user.payment_methods as object)) text = text.replace(new RegExp(`\\b${escapeRegExp(id)}\\b`, 'g'), `{payment:${id}}`);
  const zip = (fixture.user.address as PlainRecord).zip as string;
  return text.replace(new RegExp(`(?<!\\d)${zip}(?!\\d)`, 'g'), '{zip}');
}

export interface CaptureDeps {
  db: Knex;
  client: Client;
  /** The product's payload codec: the history holds its ciphertext. */
  codec: PayloadCodec;
}

/** The scenario a recorded conversation makes (not yet written anywhere). */
export async function captureConversation(deps: CaptureDeps, conversationId: string): Promise<Omit<Scenario, 'file'>> {
  const workflowId = workflowIdFor(conversationId);
  let events: HistoryEvent[];
  try {
    events = await historyOf(deps.client, workflowId, deps.codec);
  } catch (error) {
    throw new CaptureError(`no recorded conversation ${conversationId} (${(error as Error).message})`);
  }
  const view = (await deps.client.workflow.getHandle(workflowId).query(stateQuery)) as ConversationView & { outcome?: unknown };
  if (view.earlierSummary) throw new CaptureError(`conversation ${conversationId} has compacted its early transcript: its first lines are no longer recorded word for word`);
  const facts = factsFromHistory(events);

  let fixture: PlainRecords | null = null;
  let store: StoreExpectation = {};
  if (facts.customerId) {
    const user = (await readUsers(deps.db, [facts.customerId])).get(facts.customerId);
    if (!user) throw new CaptureError(`customer ${facts.customerId}, whom the conversation verified, is no longer in the store`);
    const orders = await readOrders(deps.db, user.orders);
    const after: PlainRecords = { user: plainUser(user), orders: Object.fromEntries([...orders].map(([id, order]) => [id, plainOrder(order)])) };
    const changedItems = facts.carriedOut.flatMap((c) => c.proposal.items.map((item) => item.productId));
    const products = await readProducts(deps.db, [...new Set(changedItems)]);
    const variantOptions = new Map([...products.values()].flatMap((product) => [...product.variants.values()].map((v): [string, Json] => [v.item_id, toPlain(v.options)])));
    fixture = undoActions(after, facts.carriedOut, variantOptions);
    store = expectationFrom(fixture, after);
  }

  const stored = await readConversationOutcome(deps.db, conversationId, new Date());
  const viewOutcome = typeof view.outcome === 'object' && view.outcome !== null ? (view.outcome as { outcome?: unknown }).outcome : view.outcome;
  // A resolution still inside its window is expected to become verified: that is what a replay should reach.
  const outcome = (OUTCOMES as readonly unknown[]).includes(viewOutcome) ? (viewOutcome as Outcome) : (stored?.outcome ?? (stored?.candidate === 'verified' ? 'verified' : undefined));
  const lines = view.transcript.filter((turn) => turn.from === 'customer').map((turn) => [templateOf(turn.text, fixture)]);
  if (lines.length === 0) throw new CaptureError(`conversation ${conversationId} has no customer lines to replay`);
  const actions: ExpectedAction[] = view.actions.map((a) => ({ name: a.name, status: a.status }));
  return {
    name: `captured ${conversationId}`,
    description: `captured from conversation ${conversationId} (${view.channel}, started ${view.startedAt})`,
    fixture,
    lines,
    expected: {
      ...(outcome ? { outcome } : {}),
      actions,
      handoff: view.status === 'awaiting_agent' || view.status === 'with_agent' || view.handoff !== null,
      store,
    },
  };
}

/** The fields the conversation changed, record by record. */
function expectationFrom(before: PlainRecords, after: PlainRecords): StoreExpectation {
  const user = changedFields(before.user, after.user);
  const orders = Object.fromEntries(
    Object.keys(before.orders)
      .map((id): [string, PlainRecord] => [id, changedFields(before.orders[id] as PlainRecord, after.orders[id] as PlainRecord)])
      .filter(([, changes]) => Object.keys(changes).length > 0),
  );
  return {
    ...(Object.keys(user).length > 0 ? { user } : {}),
    ...(Object.keys(orders).length > 0 ? { orders } : {}),
  };
}
