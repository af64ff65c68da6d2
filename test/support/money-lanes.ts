import type { Knex } from 'knex';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { APPROVAL_LIMIT_CENTS, type FlowTokens } from '../../dev/money-flows';
import type { MoneyProduct } from '../../dev/money-product';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { moneyProductOf, startStack, type TestStack } from './stack';

/** One product the money flows are walked on, with the people's tokens and the orders already used. */
export interface Lane {
  stack: TestStack;
  product: MoneyProduct;
  tokens: FlowTokens;
  taken: Set<string>;
}

/**
 * A stack on the demo store for the money flows: with `approval`, its refund limit makes every
 * cancellation need a supervisor; `refundRetryMs` shortens how long sagas wait out a provider that is down.
 */
export async function openLane(approval: boolean, options: { refundRetryMs?: number } = {}): Promise<Lane> {
  const stack = await startStack({
    ...options,
    ...(approval ? { policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: APPROVAL_LIMIT_CENTS } } : {}),
    timings: { approvalTimeoutMs: 60 * 60_000, handoffSlaMs: 60 * 60_000 },
  });
  await replaceStore(stack.database.db, buildDemoStore());
  const tokens = { channel: await stack.token('channel'), agent: await stack.token('agent'), supervisor: await stack.token('supervisor') };
  return { stack, product: moneyProductOf(stack), tokens, taken: new Set() };
}

/** A real write failure in the (SQLite) ledger, only for a provider's refund id: the provider pays, our books never hear of it. */
export async function failLedgerWritesOfProviderRefunds(db: Knex): Promise<void> {
  await db.raw(`CREATE TRIGGER ledger_write_fails BEFORE UPDATE OF provider_refund_id ON refund_ledger
    WHEN NEW.provider_refund_id IS NOT NULL BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END`);
}

export async function restoreLedgerWrites(db: Knex): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS ledger_write_fails');
}
