import { Context } from '@temporalio/activity';
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { newResetToken } from '../auth/passwords';
import { storeResetToken } from '../db/repositories/accounts';
import { findNotice, queueNotice } from '../db/repositories/customer-notifications';
import { findCustomerIdByEmail } from '../db/repositories/store-queries';
import { RESET_LINK_TTL_MS, resetNoticeBody } from '../domain/accounts/password-reset';

export interface AccountActivityDeps {
  db: Knex;
  /** Where the API is reached from outside: reset links point there. */
  publicBaseUrl: string;
}

/** Account chores the conversation asks for: a password reset link sent to the address on file. */
export function createAccountActivities(deps: AccountActivityDeps) {
  return {
    /**
     * Sends a reset link to the e-mail address on file of the customer with this address (or of the
     * verified customer), through the outbox. Returns nothing, so not even the conversation's history
     * tells whether the address has an account.
     */
    async sendPasswordReset(request: { email?: string; customerId?: string; conversationWorkflowId?: string }): Promise<void> {
      const customerId = request.customerId ?? (request.email ? await findCustomerIdByEmail(deps.db, request.email.trim()) : undefined);
      if (!customerId) return;
      const key = `password-reset:${thisActivityExecution()}`;
      // A retry of a send that committed leaves the first link standing.
      if (await findNotice(deps.db, key)) return;
      await deps.db.transaction(async (trx) => {
        const customer = (await trx('customers').where({ id: customerId }).first('email')) as { email: string } | undefined;
        if (!customer) return;
        const now = new Date();
        const { token, tokenHash } = newResetToken();
        await storeResetToken(trx, { tokenHash, customerId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS).toISOString() });
        const link = `${deps.publicBaseUrl.replace(/\/+$/, '')}/account/reset/${token}`;
        await queueNotice(trx, { idempotencyKey: key, customerId, recipient: customer.email, body: resetNoticeBody(link) });
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
