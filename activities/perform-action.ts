import type { Knex } from 'knex';
import { readProducts } from '../db/store/read-store';
import { getOrder, getUser } from '../db/repositories/store-queries';
import { ledgerEntriesForOrder } from '../db/repositories/refund-ledger';
import { evaluate, requestFromToolCall } from '../domain/policy';
import type { ActionRequest, ConversationFacts, PolicySettings, Proposal } from '../domain/policy';
import { runTool } from '../commerce/run-tool';
import { getRetailTool } from '../commerce/tool-registry';

export interface PerformActionInput {
  /** The retail tool, as named in the reference (`cancel_pending_order`, ...). */
  toolName: string;
  kwargs: Record<string, unknown>;
  /** What the conversation knows: who is authenticated, what they confirmed, what a human approved. */
  facts: ConversationFacts;
}

/** Money the action gives back, with where it goes: gift cards are credited by the store itself. */
export interface RefundToMove {
  paymentMethodId: string;
  amountCents: number;
  source: 'credit_card' | 'paypal' | 'gift_card';
}

export type PerformActionResult =
  | { status: 'executed'; output: string; proposal: Proposal; refunds: RefundToMove[] }
  | { status: 'refused'; outcome: 'deny' | 'needs_confirmation' | 'needs_approval'; reason: string; rule?: string; proposal?: Proposal }
  | { status: 'failed'; output: string };

/**
 * The one door to the system of record. Whatever a workflow, a customer or an LLM put into the
 * request, the policy is evaluated again here on records read just now, and the store is written
 * only on `allow`; a refusal changes nothing.
 */
export function createActionActivities(deps: { db: Knex; policy: PolicySettings }) {
  return {
    async performAction(input: PerformActionInput): Promise<PerformActionResult> {
      const request = requestFromToolCall(input.toolName, input.kwargs);
      // Goodwill has no retail tool: the door authorizes it, and the refund saga writes it.
      const authorizeOnly = request?.kind === 'goodwill_credit';
      if (!request || (!authorizeOnly && !getRetailTool(input.toolName))) {
        return { status: 'refused', outcome: 'deny', reason: `${input.toolName} is not an action this layer performs` };
      }
      const records = await recordsFor(deps.db, request, input.facts.customerId);
      const decision = evaluate(request, {
        facts: input.facts,
        records,
        history: await historyOf(deps.db, request),
        settings: deps.policy,
      });
      if (decision.outcome !== 'allow') {
        return {
          status: 'refused',
          outcome: decision.outcome,
          reason: decision.reason,
          ...(decision.outcome === 'deny' ? { rule: decision.rule } : {}),
          ...('proposal' in decision ? { proposal: decision.proposal } : {}),
        };
      }
      const result = authorizeOnly ? { output: 'authorized', error: false } : await runTool(deps.db, input.toolName, input.kwargs);
      if (result.error) return { status: 'failed', output: result.output };
      const methods = records.customer?.payment_methods;
      const refunds = decision.proposal.refunds.map((r) => ({
        ...r,
        source: (methods?.get(r.paymentMethodId)?.source ?? 'credit_card') as RefundToMove['source'],
      }));
      return { status: 'executed', output: result.output, proposal: decision.proposal, refunds };
    },
  };
}

async function recordsFor(db: Knex, request: ActionRequest, customerId: string | null) {
  const orderId = 'orderId' in request ? request.orderId : undefined;
  const order = typeof orderId === 'string' ? ((await getOrder(db, orderId)) ?? null) : null;
  const itemIds = new Set<string>();
  for (const key of ['itemIds', 'newItemIds'] as const) {
    const ids = (request as Partial<Record<typeof key, readonly string[]>>)[key];
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') itemIds.add(id);
  }
  const productIds = new Set(order?.items.filter((item) => itemIds.has(item.item_id)).map((item) => item.product_id) ?? []);
  return {
    customer: customerId ? ((await getUser(db, customerId)) ?? null) : null,
    order,
    products: productIds.size > 0 ? [...(await readProducts(db, [...productIds])).values()] : [],
  };
}

/** Goodwill already paid on the order, from the refund ledger: the policy caps it across conversations. */
async function historyOf(db: Knex, request: ActionRequest) {
  if (!('orderId' in request) || typeof request.orderId !== 'string') return {};
  const entries = await ledgerEntriesForOrder(db, request.orderId);
  const goodwill = entries.filter((e) => e.purpose === 'goodwill' && e.status === 'recorded');
  return { goodwillCreditedCents: goodwill.reduce((sum, e) => sum + e.amountCents, 0) };
}
