import type { Knex } from 'knex';
import { findCustomer, findOrder } from '../db/repositories/store-queries';
import { recordConversationOutcome, recordScorecard, type OutcomeReport } from '../db/repositories/conversation-outcomes';
import type { ActionRequest } from '../domain/policy';
import { checkChangeHeld, type StoreCheck, type StoreFacts } from '../domain/outcomes/store-confirmation';
import type { ScorecardCheck } from '../domain/outcomes/types';

/** The ledger entries of a credit that is paid or on its way; released or reversed ones gave nothing. */
const CREDIT_STATUSES = ['reserved', 'refunded', 'recorded'];

/**
 * How operators learn what each conversation achieved: the store read back after an action (did the
 * change really happen?), and the outcome, figures and scorecard written into their projection.
 */
export function createOutcomeActivities(deps: { db: Knex }) {
  const { db } = deps;

  async function factsFor(request: ActionRequest): Promise<StoreFacts> {
    const orderId = 'orderId' in request ? request.orderId : undefined;
    const customerId = 'userId' in request ? request.userId : undefined;
    const order = orderId ? await findOrder(db, orderId) : undefined;
    const customer = customerId ? await findCustomer(db, customerId) : undefined;
    if (request.kind === 'erase_user_account') {
      const erasure = (await db('account_erasures').where({ customer_id: request.userId }).first('status')) as { status: string } | undefined;
      return { customer, erasureStatus: erasure?.status };
    }
    if (request.kind === 'goodwill_credit') {
      const rows = (await db('refund_ledger').where({ order_id: request.orderId, purpose: 'goodwill' }).select('status')) as { status: string }[];
      return { order, refundStatuses: rows.map((r) => (CREDIT_STATUSES.includes(r.status) ? 'refunded' : r.status)) };
    }
    return { order, customer };
  }

  return {
    /** Reads each executed request's records back and says whether its change holds. */
    async confirmChangesHeld(input: { requests: ActionRequest[] }): Promise<StoreCheck[]> {
      const checks: StoreCheck[] = [];
      for (const request of input.requests) checks.push(checkChangeHeld(request, await factsFor(request)));
      return checks;
    },

    async reportConversationOutcome(report: OutcomeReport): Promise<void> {
      await recordConversationOutcome(db, report);
    },

    async recordConversationScorecard(card: { conversationId: string; workflowId: string; closedAt: string; checks: ScorecardCheck[] }): Promise<void> {
      await recordScorecard(db, card);
    },
  };
}
