import { defineSignal } from '@temporalio/workflow';
import { CANCEL_ERASURE_SIGNAL } from '../../domain/accounts/erasure';

export type { AccountErasureInput } from '../../domain/accounts/erasure';

export type AccountErasureOutcome = 'erased' | 'cancelled';

/** The customer cancelled (the cancellation is already on record): stop waiting and erase nothing. */
export const cancelErasureSignal = defineSignal<[{ by: string }]>(CANCEL_ERASURE_SIGNAL);
