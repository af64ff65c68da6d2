import { condition, setHandler } from '@temporalio/workflow';
import { eraseAccount } from '../activity-proxies';
import { cancelErasureSignal, type AccountErasureInput, type AccountErasureOutcome } from './definitions';

/**
 * One customer's request to erase their account: a durable grace period they can cancel, then the
 * erasure. It outlives the conversation that started it. Orders opened meanwhile postpone the erasure
 * by another grace period, still cancellable. The store's record decides a race between the timer and
 * a cancellation: the erasure activity erases only a request still scheduled.
 */
export async function AccountErasureWorkflow(input: AccountErasureInput): Promise<AccountErasureOutcome> {
  let cancelled = false;
  setHandler(cancelErasureSignal, () => {
    cancelled = true;
  });
  for (;;) {
    if (await condition(() => cancelled, input.graceMs)) return 'cancelled';
    const result = await eraseAccount({ customerId: input.customerId, graceMs: input.graceMs });
    if (result !== 'postponed') return result;
  }
}
