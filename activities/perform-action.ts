import { Context } from '@temporalio/activity';
import type { Knex } from 'knex';
import { findActionExecution, recordActionExecution } from '../db/repositories/action-executions';
import { ledgerEntriesForOrder } from '../db/repositories/refund-ledger';
import { findCustomer, findCustomerIdByEmail, findOrder, findProducts } from '../db/repositories/store-queries';
import { evaluate } from '../domain/policy';
import { ACTION_KINDS, type ActionRequest, type ConversationFacts, type OrderHistoryFacts, type PolicySettings, type Proposal, type StoreRecords, type Wording } from '../domain/policy';
import { accountChangeNoticeKey, ActionRefused, carryOut, isStoreAction } from '../store-actions';
import { findNotice } from '../db/repositories/customer-notifications';
import { deliverQueuedNotice, type DeliverNotice } from './deliver-queued-notice';
import { requestFromToolCall } from '../tau/tool-call';

export interface PerformActionInput {
  /** The action, in the policy's own terms. */
  request: ActionRequest;
  /** What the conversation knows: who is authenticated, what they confirmed, what a human approved. */
  facts: ConversationFacts;
  /** The conversation's language, for what the action mails the customer (the warning to an old address); absent in English. */
  language?: string;
}

/**
 * What workflow code before the switch to ActionRequest scheduled: a tau tool call. A task queued by
 * such a run (a deploy mid-turn, a retry) is read through the tau adapter and checked by the policy
 * like any request. Remove once no conversation can still be running that code.
 */
interface ToolCallInput {
  toolName: string;
  kwargs: Record<string, unknown>;
  facts: ConversationFacts;
}

/** Money the action gives back, with where it goes: gift cards are credited by the store itself. */
export interface RefundToMove {
  paymentMethodId: string;
  amountCents: number;
  source: 'credit_card' | 'paypal' | 'gift_card';
}

/**
 * What the policy was evaluated on, kept in the result (so in the history): `audit policy-diff` runs
 * recorded requests through other policy code or settings on exactly these inputs.
 */
export interface EvaluatedOn {
  records: StoreRecords;
  history: OrderHistoryFacts;
  settings: PolicySettings;
}

export type PerformActionResult =
  | { status: 'executed'; output: string; proposal: Proposal; refunds: RefundToMove[]; evaluatedOn?: EvaluatedOn }
  | {
      status: 'refused';
      outcome: 'deny' | 'needs_confirmation' | 'needs_approval';
      /** In English, as audits and agents read it. */
      reason: string;
      /** A denial's reason as catalogue templates, for the customer's language; absent in results recorded before it existed. */
      wording?: Wording;
      rule?: string;
      proposal?: Proposal;
      evaluatedOn?: EvaluatedOn;
    }
  | { status: 'failed'; output: string; evaluatedOn?: EvaluatedOn };

/**
 * The one door to the system of record. Whatever a workflow, a customer or an LLM put into the
 * request, the policy is evaluated again here on entities read just now, and the store is written
 * (through store-actions/) only on `allow`; a refusal changes nothing.
 */
export function createActionActivities(deps: { db: Knex; policy: PolicySettings; deliverNotice?: DeliverNotice }) {
  return {
    async performAction(input: PerformActionInput | ToolCallInput): Promise<PerformActionResult> {
      const request = 'request' in input ? input.request : requestFromToolCall(String(input.toolName), input.kwargs ?? {});
      // Inputs were JSON: an unknown kind (or tool) is refused before anything is read.
      if (!isActionRequest(request)) {
        const name = JSON.stringify((request as { kind?: unknown } | undefined)?.kind ?? (input as { toolName?: unknown }).toolName ?? null);
        return { status: 'refused', outcome: 'deny', rule: 'request-shape', reason: `${name} is not an action this layer performs` };
      }
      const executionKey = thisActivityExecution();
      if (executionKey && isStoreAction(request)) {
        // An earlier attempt committed and the worker died before saying so: its result stands.
        const done = await findActionExecution<PerformActionResult>(deps.db, executionKey);
        if (done) {
          if (done.status === 'executed' && request.kind === 'modify_user_account') await deliverQueuedNoticeIfAny(deps, accountChangeNoticeKey(done.proposal.proposalId));
          return done;
        }
      }
      const records = await recordsFor(deps.db, request, input.facts.customerId);
      const evaluatedOn: EvaluatedOn = { records, history: await historyOf(deps.db, request), settings: deps.policy };
      const decision = evaluate(request, { facts: input.facts, ...evaluatedOn });
      if (decision.outcome !== 'allow') {
        return {
          status: 'refused',
          outcome: decision.outcome,
          reason: decision.reason,
          ...(decision.outcome === 'deny' ? { rule: decision.rule, wording: decision.wording } : {}),
          ...('proposal' in decision ? { proposal: decision.proposal } : {}),
          evaluatedOn,
        };
      }
      const methods = records.customer?.paymentMethods ?? [];
      const refunds = decision.proposal.refunds.map((refund) => ({
        ...refund,
        source: methods.find((method) => method.id === refund.paymentMethodId)?.source ?? 'credit_card',
      }));
      const executed = (output: string): PerformActionResult => ({ status: 'executed', output, proposal: decision.proposal, refunds, evaluatedOn });
      // Goodwill is authorized here and paid by the refund saga, an erasure by its own workflow; a transfer writes nothing to the store.
      if (!isStoreAction(request)) return executed(request.kind === 'transfer_to_human' ? 'Transfer successful' : 'authorized');
      try {
        // The store change and the record of it commit together, or neither does.
        const done = await deps.db.transaction(async (trx) => {
          const language = 'request' in input ? input.language : undefined;
          const result = await carryOut(trx, request, { proposal: decision.proposal, at: new Date().toISOString(), ...(language ? { language } : {}) });
          const done = executed(result.changed === 'order' ? `order ${result.order.id} is ${result.order.status}` : `customer ${result.customer.id} updated`);
          if (executionKey) await recordActionExecution(trx, executionKey, request.kind, done);
          return done;
        });
        // A changed e-mail address warns the old one (queued with the change): it goes out now.
        if (request.kind === 'modify_user_account') await deliverQueuedNoticeIfAny(deps, accountChangeNoticeKey(decision.proposal.proposalId));
        return done;
      } catch (error) {
        // The store changed between the policy's read and the write, and refused: nothing was written.
        if (error instanceof ActionRefused) return { status: 'failed', output: `Error: ${error.message}`, evaluatedOn };
        throw error;
      }
    },
  };
}

/** The warning a changed address queues may not exist (the address stayed): delivered only when it does. */
async function deliverQueuedNoticeIfAny(deps: { db: Knex; deliverNotice?: DeliverNotice }, idempotencyKey: string): Promise<void> {
  if (await findNotice(deps.db, idempotencyKey)) await deliverQueuedNotice(deps.deliverNotice, idempotencyKey);
}

/** This activity's identity, the same for every retry of it; none when called outside an activity (tests, tau). */
function thisActivityExecution(): string | undefined {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return undefined;
  }
  const run = info.workflowExecution;
  return run ? `${run.workflowId}:${run.runId}:${info.activityId}` : undefined;
}

function isActionRequest(request: unknown): request is ActionRequest {
  return typeof request === 'object' && request !== null && (ACTION_KINDS as readonly unknown[]).includes((request as { kind?: unknown }).kind);
}

/** The customer, the named order and the products of the items being changed, read just now. */
async function recordsFor(db: Knex, request: ActionRequest, customerId: string | null): Promise<StoreRecords> {
  const orderId = 'orderId' in request ? request.orderId : undefined;
  const order = typeof orderId === 'string' ? ((await findOrder(db, orderId)) ?? null) : null;
  const itemIds = new Set<string>();
  for (const key of ['itemIds', 'newItemIds'] as const) {
    const ids = (request as Partial<Record<typeof key, readonly string[]>>)[key];
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') itemIds.add(id);
  }
  const productIds = new Set(order?.items.filter((item) => itemIds.has(item.itemId)).map((item) => item.productId) ?? []);
  return {
    customer: customerId ? ((await findCustomer(db, customerId)) ?? null) : null,
    order,
    products: await findProducts(db, [...productIds]),
    ...(request.kind === 'modify_user_account' && typeof request.email === 'string'
      ? { emailHolderId: (await findCustomerIdByEmail(db, request.email)) ?? null }
      : {}),
    ...(request.kind === 'erase_user_account' && customerId ? { customerOrders: await ordersOf(db, customerId) } : {}),
  };
}

async function ordersOf(db: Knex, customerId: string): Promise<{ id: string; status: string }[]> {
  return (await db('orders').where({ customer_id: customerId }).orderBy('position').select('id', 'status')) as { id: string; status: string }[];
}

/** Goodwill already paid on the order, from the refund ledger: the policy caps it across conversations. */
async function historyOf(db: Knex, request: ActionRequest): Promise<OrderHistoryFacts> {
  if (!('orderId' in request) || typeof request.orderId !== 'string') return {};
  const entries = await ledgerEntriesForOrder(db, request.orderId);
  const goodwill = entries.filter((e) => e.purpose === 'goodwill' && e.status === 'recorded');
  return { goodwillCreditedCents: goodwill.reduce((sum, e) => sum + e.amountCents, 0) };
}
