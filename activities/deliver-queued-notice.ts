import { Context, log } from '@temporalio/activity';

/** How a queued outbox notice is delivered (`deliverNoticesFromActivities` in channels/). */
export type DeliverNotice = (idempotencyKey: string) => Promise<unknown>;

/**
 * Tries before a notice is left in the outbox: fewer than any store-writing activity has, so a relay
 * that stays down leaves the mail queued rather than failing what the customer asked for.
 */
export const NOTICE_ATTEMPTS_BEFORE_GIVING_UP = 3;

/**
 * Delivers a notice the activity has just queued. Trouble that may pass (a relay down) is retried with
 * the activity for the first `attempts` tries; after that the activity's own work stands and the
 * outbox keeps the notice, failed with its reason, rather than failing what the customer asked for.
 */
export async function deliverQueuedNotice(deliver: DeliverNotice | undefined, idempotencyKey: string, attempts = NOTICE_ATTEMPTS_BEFORE_GIVING_UP): Promise<void> {
  if (!deliver) return;
  try {
    await deliver(idempotencyKey);
  } catch (err) {
    if (Context.current().info.attempt < attempts) throw err;
    log.warn('customer notice left undelivered', { idempotencyKey, error: String(err) });
  }
}
