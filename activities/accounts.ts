import { Context, getClient } from '@temporalio/activity';
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { deliverQueuedNotice, type DeliverNotice } from './deliver-queued-notice';
import { newResetToken } from '../auth/passwords';
import { storeResetToken } from '../db/repositories/accounts';
import { findNotice, queueNotice } from '../db/repositories/customer-notifications';
import { findCustomerIdByEmail } from '../db/repositories/store-queries';
import { destroyPayloadDataKeys } from '../db/repositories/payload-data-keys';
import { cancelErasure, erasePersonalData, findErasure, markErased, postponeErasure, scheduleErasure } from '../db/repositories/account-erasures';
import { anonymisedCustomer, CANCEL_ERASURE_SIGNAL, DEFAULT_ERASURE_GRACE_MS, erasureDueAt, erasureWorkflowIdFor, openOrders, type AccountErasureInput } from '../domain/accounts/erasure';
import { RESET_LINK_TTL_MS, resetNoticeBody } from '../domain/accounts/password-reset';

export interface AccountActivityDeps {
  db: Knex;
  /** Where the API is reached from outside: reset links point there. */
  publicBaseUrl: string;
  /** ACCOUNT_ERASURE_GRACE_DAYS, in ms; 14 days when absent. */
  erasureGraceMs?: number;
  /** How the reset link's mail leaves through the outbox; without it the link stays queued there. */
  deliverNotice?: DeliverNotice;
}

export type ErasureStatusView = { status: 'none' } | { status: 'scheduled'; eraseAfter: string } | { status: 'erased' };

/**
 * Account chores the conversation asks for: a password reset link sent to the address on file, and
 * erasure requests (scheduled, cancelled, carried out by the AccountErasureWorkflow).
 */
export function createAccountActivities(deps: AccountActivityDeps) {
  return {
    /**
     * Sends a reset link to the e-mail address on file of the customer with this address (or of the
     * verified customer), through the outbox. Returns nothing, so not even the conversation's history
     * tells whether the address has an account.
     */
    async sendPasswordReset(request: { email?: string; customerId?: string; conversationWorkflowId?: string; language?: string }): Promise<void> {
      const customerId = request.customerId ?? (request.email ? await findCustomerIdByEmail(deps.db, request.email.trim()) : undefined);
      if (!customerId) return;
      const key = `password-reset:${thisActivityExecution()}`;
      // A retry of a send that committed leaves the first link standing (and delivers it if it has not gone yet).
      if (await findNotice(deps.db, key)) return deliverQueuedNotice(deps.deliverNotice, key);
      await deps.db.transaction(async (trx) => {
        const customer = (await trx('customers').where({ id: customerId }).first('email')) as { email: string } | undefined;
        if (!customer) return;
        const now = new Date();
        const { token, tokenHash } = newResetToken();
        await storeResetToken(trx, { tokenHash, customerId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS).toISOString() });
        const link = `${deps.publicBaseUrl.replace(/\/+$/, '')}/account/reset/${token}`;
        await queueNotice(trx, { idempotencyKey: key, customerId, recipient: customer.email, kind: 'password_reset', body: resetNoticeBody(link, request.language), ...(request.language ? { language: request.language } : {}) });
      });
      await deliverQueuedNotice(deps.deliverNotice, key);
    },

    async accountErasureStatus(request: { customerId: string }): Promise<ErasureStatusView> {
      const erasure = await findErasure(deps.db, request.customerId);
      if (erasure?.status === 'scheduled') return { status: 'scheduled', eraseAfter: erasure.eraseAfter };
      return erasure?.status === 'erased' ? { status: 'erased' } : { status: 'none' };
    },

    /**
     * Records the request (after the policy allowed it) and starts the erasure's own workflow on this
     * worker's task queue, with the grace period configured now. A retry finds both in place.
     */
    async scheduleAccountErasure(request: { customerId: string; conversationWorkflowId?: string }): Promise<{ eraseAfter: string }> {
      const graceMs = deps.erasureGraceMs ?? DEFAULT_ERASURE_GRACE_MS;
      const workflowId = erasureWorkflowIdFor(request.customerId);
      const requestedAt = new Date().toISOString();
      await scheduleErasure(deps.db, { customerId: request.customerId, workflowId, requestedAt, eraseAfter: erasureDueAt(requestedAt, graceMs), requestedIn: request.conversationWorkflowId });
      const scheduled = await findErasure(deps.db, request.customerId);
      if (scheduled?.status !== 'scheduled') throw new Error(`the erasure of ${request.customerId} is ${scheduled?.status ?? 'missing'}, not scheduled`);
      const input: AccountErasureInput = { customerId: request.customerId, graceMs: Date.parse(scheduled.eraseAfter) - Date.parse(scheduled.requestedAt) };
      await getClient().workflow.start('AccountErasureWorkflow', {
        workflowId,
        taskQueue: Context.current().info.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return { eraseAfter: scheduled.eraseAfter };
    },

    /** Cancels a scheduled erasure on record, then wakes its workflow; false when none was scheduled. */
    async cancelAccountErasure(request: { customerId: string; conversationWorkflowId?: string }): Promise<{ cancelled: boolean }> {
      const cancelled = await cancelErasure(deps.db, request.customerId, new Date().toISOString(), request.conversationWorkflowId);
      const erasure = await findErasure(deps.db, request.customerId);
      if (erasure?.status !== 'cancelled') return { cancelled: false };
      try {
        await getClient().workflow.getHandle(erasure.workflowId).signal(CANCEL_ERASURE_SIGNAL, { by: request.conversationWorkflowId ?? 'unknown' });
      } catch (err) {
        // Already ended: the record says cancelled, so its erasure activity erases nothing.
        if (!(err instanceof Error && err.name === 'WorkflowNotFoundError')) throw err;
      }
      return { cancelled: cancelled || erasure.status === 'cancelled' };
    },

    /**
     * The erasure itself, once the grace period is over: idempotent, and only for a request still
     * scheduled. Orders opened meanwhile postpone it by another grace period.
     */
    async eraseAccount(request: { customerId: string; graceMs: number }): Promise<'erased' | 'cancelled' | 'postponed'> {
      return deps.db.transaction(async (trx) => {
        const erasure = await findErasure(trx, request.customerId);
        if (!erasure || erasure.status === 'cancelled') return 'cancelled';
        if (erasure.status === 'erased') return 'erased';
        const orders = (await trx('orders').where({ customer_id: request.customerId }).select('id', 'status')) as { id: string; status: string }[];
        if (openOrders(orders).length > 0) {
          await postponeErasure(trx, request.customerId, erasureDueAt(new Date().toISOString(), request.graceMs));
          return 'postponed';
        }
        const at = new Date().toISOString();
        if (!(await markErased(trx, request.customerId, at))) return 'cancelled';
        await erasePersonalData(trx, request.customerId, anonymisedCustomer(request.customerId));
        // Their conversations' histories keep only ciphertext: destroying the conversations' payload keys erases it.
        const conversations = (await trx('conversation_outcomes').where({ customer_key: request.customerId }).select('workflow_id')) as { workflow_id: string }[];
        const workflowIds = new Set([...conversations.map((c) => c.workflow_id), ...(erasure.requestedIn ? [erasure.requestedIn] : [])]);
        await destroyPayloadDataKeys(trx, [...workflowIds], { destroyedBy: 'account-erasure', reason: `account ${request.customerId} erased`, at });
        return 'erased';
      });
    },
  };
}

/** The same for every retry of one activity; a fresh id outside an activity (a direct call). */
function thisActivityExecution(): string {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return crypto.randomUUID();
  }
  const run = info.workflowExecution;
  return run ? `${run.workflowId}:${run.runId}:${info.activityId}` : crypto.randomUUID();
}
