import { ApplicationFailure, log } from '@temporalio/activity';
import type { Knex } from 'knex';
import { queueNotice } from '../db/repositories/customer-notifications';
import {
  committedRefundCents,
  countProviderAttempt,
  findLedgerEntry,
  insertLedgerEntry,
  setRestockSnapshot,
  transitionLedgerEntry,
  type LedgerEntry,
  type RefundPurpose,
} from '../db/repositories/refund-ledger';
import { formatCents } from '../domain/policy';
import { DEFAULT_REFUND_RETRY_MS } from '../domain/refunds';
import { ProviderRejectedError, type PaymentProvider } from '../payments/payment-provider';
import { paymentMethodLabel } from './customer-lookup';

/** Delivers a queued outbox notice to the customer's channel (channels/ builds it; the worker passes it in). */
import { deliverQueuedNotice, type DeliverNotice } from './deliver-queued-notice';

export type { DeliverNotice };

export interface RefundStepDeps {
  db: Knex;
  payments: PaymentProvider;
  /** Without it notices stay queued in the outbox, for a worker that delivers them. */
  deliverNotice?: DeliverNotice;
  /** How long a saga waits out a provider that is down before the refund is owed. */
  refundRetryMs?: number;
}

export interface ReserveRefundInput {
  sagaId: string;
  orderId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  purpose: RefundPurpose;
  /** The conversation the refund belongs to. */
  conversationWorkflowId?: string;
  /**
   * The store action already wrote this refund on the order (a cancellation, a cheaper item, a
   * payment change): the saga takes that row as its own, so an unpaid refund can be taken off again.
   */
  claimsOrderRefund?: boolean;
}

/** What the saga learns from its reservation: how long this deployment waits out the provider. */
export interface Reservation {
  retryBudgetMs: number;
}

/** Owed unless the provider did pay after all (its answer was lost), which settling finds in the ledger. */
export type Settlement = { status: 'owed'; attempts: number } | { status: 'paid'; providerRefundId: string };

interface VariantSnapshot {
  variantId: string;
  available: boolean;
  stock: number | null;
}

const keyFor = (sagaId: string, step: string) => `${sagaId}:${step}`;

/** Fewer than the saga's attempts for a step, so a notice that cannot go out never fails the refund. */
const NOTICE_DELIVERY_ATTEMPTS = 4;

const businessFailure = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** The refund row a store action wrote for this method and amount that no other saga has taken yet. */
async function unclaimedRefundRow(trx: Knex, input: ReserveRefundInput): Promise<number | undefined> {
  const taken = trx('refund_ledger').where({ order_id: input.orderId }).whereNotNull('recorded_position').select('recorded_position');
  const row = await trx('payment_transactions')
    .where({ order_id: input.orderId, transaction_type: 'refund', payment_method_id: input.paymentMethodId, amount_cents: input.amountCents })
    .whereNotIn('position', taken)
    .orderBy('position', 'desc')
    .first('position');
  return row ? Number(row.position) : undefined;
}

/**
 * The refund saga's steps and their compensations. Each is idempotent: it keys its effect on the
 * saga id and moves the ledger entry with a conditional update, so a retry, a restarted worker or a
 * replayed saga finds the work done and does not do it twice.
 */
export function createRefundSteps({ db, payments, deliverNotice, refundRetryMs }: RefundStepDeps) {
  async function entryOf(sagaId: string, conn: Knex = db): Promise<LedgerEntry> {
    const entry = await findLedgerEntry(conn, sagaId);
    if (!entry) throw businessFailure('LedgerEntryMissing', `no refund ledger entry for saga ${sagaId}`);
    return entry;
  }

  return {
    async reserveRefund(input: ReserveRefundInput): Promise<Reservation> {
      const reservation = { retryBudgetMs: refundRetryMs ?? DEFAULT_REFUND_RETRY_MS };
      if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
        throw businessFailure('InvalidAmount', `a refund must be a positive whole number of cents, not ${input.amountCents}`);
      }
      await db.transaction(async (trx) => {
        const existing = await findLedgerEntry(trx, input.sagaId);
        if (existing) {
          if (existing.amountCents !== input.amountCents || existing.paymentMethodId !== input.paymentMethodId) {
            throw businessFailure('LedgerConflict', `saga ${input.sagaId} already reserved a different refund`);
          }
          return;
        }
        const claimed = input.claimsOrderRefund ? await unclaimedRefundRow(trx, input) : undefined;
        const order = await trx('orders').where({ id: input.orderId }).first('customer_id');
        if (!order) throw businessFailure('OrderNotFound', `order ${input.orderId} does not exist`);
        if (order.customer_id !== input.customerId) throw businessFailure('NotOwner', `order ${input.orderId} belongs to another customer`);
        const method = await trx('payment_methods').where({ id: input.paymentMethodId, customer_id: input.customerId }).first('id');
        if (!method) throw businessFailure('PaymentMethodNotFound', `payment method ${input.paymentMethodId} is not the customer's`);
        if (input.purpose !== 'goodwill') {
          const paid = await trx('payment_transactions')
            .where({ order_id: input.orderId, transaction_type: 'payment' })
            .sum({ total: 'amount_cents' })
            .first();
          const already = await committedRefundCents(trx, input.orderId);
          if (already + input.amountCents > Number(paid?.total ?? 0)) {
            throw businessFailure(
              'OverRefund',
              `refunding ${input.amountCents} cents would exceed what was paid for ${input.orderId} (${Number(paid?.total ?? 0)} paid, ${already} already refunded or reserved)`,
            );
          }
        }
        await insertLedgerEntry(trx, {
          ...input,
          idempotencyKey: keyFor(input.sagaId, 'reserve'),
          ...(claimed !== undefined ? { recordedPosition: claimed } : {}),
        });
      });
      return reservation;
    },

    async releaseRefund(sagaId: string): Promise<void> {
      const entry = await findLedgerEntry(db, sagaId);
      // A refund that never reached a provider (a gift card's) is released like a bare reservation.
      const releasable = entry && (entry.status === 'reserved' || (entry.status === 'refunded' && !entry.providerRefundId));
      if (!entry || !releasable) {
        log.info('refund reservation already released or moved on', { sagaId });
        return;
      }
      await db.transaction(async (trx) => {
        // A reserved entry with a row on the order took that row from the store action; unpaid, it comes off.
        if (entry.status === 'reserved' && entry.recordedPosition !== null) {
          await trx('payment_transactions')
            .where({ order_id: entry.orderId, position: entry.recordedPosition, transaction_type: 'refund', payment_method_id: entry.paymentMethodId })
            .delete();
        }
        if (!(await transitionLedgerEntry(trx, sagaId, entry.status, 'released', { recorded_position: null }))) {
          log.info('refund reservation already released or moved on', { sagaId });
        }
      });
    },

    async refundThroughProvider(sagaId: string): Promise<string> {
      const entry = await entryOf(sagaId);
      if (entry.providerRefundId) return entry.providerRefundId;
      if (entry.status !== 'reserved') throw businessFailure('LedgerState', `saga ${sagaId} cannot refund from status ${entry.status}`);
      await countProviderAttempt(db, sagaId);
      try {
        const receipt = await payments.refund({
          idempotencyKey: keyFor(sagaId, 'provider-refund'),
          paymentMethodId: entry.paymentMethodId,
          amountCents: entry.amountCents,
          reference: entry.orderId,
        });
        await transitionLedgerEntry(db, sagaId, 'reserved', 'refunded', { provider_refund_id: receipt.refundId });
        return receipt.refundId;
      } catch (err) {
        if (err instanceof ProviderRejectedError) throw businessFailure('ProviderRejected', `${err.code}: ${err.message}`);
        throw err;
      }
    },

    /**
     * The provider did not take the refund in time, or refused it: the money is owed, not paid. A
     * refund row the store action wrote on the order comes off again, so nothing shows as refunded
     * that was not; the reservation stays, so the amount cannot be refunded twice.
     */
    async settleRefundAsOwed(input: { sagaId: string; reason: string }): Promise<Settlement> {
      return db.transaction(async (trx) => {
        const entry = await entryOf(input.sagaId, trx);
        if (entry.providerRefundId) return { status: 'paid', providerRefundId: entry.providerRefundId };
        if (entry.status === 'owed') return { status: 'owed', attempts: entry.providerAttempts };
        if (entry.status !== 'reserved') throw businessFailure('LedgerState', `saga ${input.sagaId} cannot be owed from status ${entry.status}`);
        if (entry.recordedPosition !== null) {
          await trx('payment_transactions')
            .where({ order_id: entry.orderId, position: entry.recordedPosition, transaction_type: 'refund', payment_method_id: entry.paymentMethodId })
            .delete();
        }
        const moved = await transitionLedgerEntry(trx, input.sagaId, 'reserved', 'owed', {
          failure_reason: input.reason,
          settled_at: new Date().toISOString(),
          recorded_position: null,
        });
        if (!moved) throw new Error(`saga ${input.sagaId} moved on while it was being settled; retrying`);
        return { status: 'owed', attempts: entry.providerAttempts };
      });
    },

    /** Gift-card refunds need no provider: the reservation moves on, and recording credits the card. */
    async markRefundedInStore(sagaId: string): Promise<void> {
      const entry = await entryOf(sagaId);
      if (entry.status === 'reserved') await transitionLedgerEntry(db, sagaId, 'reserved', 'refunded');
    },

    async reverseProviderRefund(sagaId: string): Promise<void> {
      const entry = await entryOf(sagaId);
      if (entry.status === 'reversed') return;
      if (!entry.providerRefundId) {
        log.info('no provider refund to reverse', { sagaId });
        return;
      }
      const reversal = await payments.reverseRefund({ idempotencyKey: keyFor(sagaId, 'provider-reversal'), refundId: entry.providerRefundId });
      await transitionLedgerEntry(db, sagaId, 'refunded', 'reversed', { provider_reversal_id: reversal.reversalId });
    },

    /** Appends the refund to the order's payment history, credits a gift card, sets the status after. */
    async recordRefundOnOrder(input: { sagaId: string; orderStatusAfter?: string }): Promise<void> {
      await db.transaction(async (trx) => {
        const entry = await entryOf(input.sagaId, trx);
        if (entry.status === 'recorded') return;
        if (entry.status !== 'refunded') throw businessFailure('LedgerState', `saga ${input.sagaId} cannot record from status ${entry.status}`);
        const order = await trx('orders').where({ id: entry.orderId }).first('status');
        if (!order) throw businessFailure('OrderNotFound', `order ${entry.orderId} no longer exists`);
        const last = await trx('payment_transactions').where({ order_id: entry.orderId }).max({ position: 'position' }).first();
        const position = Number(last?.position ?? -1) + 1;
        await trx('payment_transactions').insert({
          order_id: entry.orderId,
          position,
          transaction_type: 'refund',
          amount_cents: entry.amountCents,
          amount_json: null,
          payment_method_id: entry.paymentMethodId,
        });
        await trx('payment_methods')
          .where({ id: entry.paymentMethodId, source: 'gift_card' })
          .increment('balance_cents', entry.amountCents);
        if (input.orderStatusAfter) await trx('orders').where({ id: entry.orderId }).update({ status: input.orderStatusAfter });
        const moved = await transitionLedgerEntry(trx, input.sagaId, 'refunded', 'recorded', {
          recorded_position: position,
          previous_order_status: order.status,
        });
        if (!moved) throw new Error(`saga ${input.sagaId} was recorded concurrently; retrying`);
      });
    },

    async revertRefundOnOrder(sagaId: string): Promise<void> {
      await db.transaction(async (trx) => {
        const entry = await entryOf(sagaId, trx);
        if (entry.status !== 'recorded') return;
        if (entry.recordedPosition !== null) {
          await trx('payment_transactions').where({ order_id: entry.orderId, position: entry.recordedPosition }).delete();
        }
        await trx('payment_methods')
          .where({ id: entry.paymentMethodId, source: 'gift_card' })
          .decrement('balance_cents', entry.amountCents);
        if (entry.previousOrderStatus) await trx('orders').where({ id: entry.orderId }).update({ status: entry.previousOrderStatus });
        await transitionLedgerEntry(trx, sagaId, 'recorded', 'refunded', { recorded_position: null, previous_order_status: null });
      });
    },

    async restockItems(input: { sagaId: string; itemIds: string[] }): Promise<void> {
      await db.transaction(async (trx) => {
        const entry = await entryOf(input.sagaId, trx);
        if (entry.restockSnapshot !== null) return;
        const rows = (await trx('variants').whereIn('id', input.itemIds).select('id', 'available', 'stock')) as {
          id: string;
          available: boolean | number;
          stock: number | null;
        }[];
        const missing = input.itemIds.filter((id) => !rows.some((r) => r.id === id));
        if (missing.length > 0) throw businessFailure('ItemNotFound', `cannot restock unknown items ${missing.join(', ')}`);
        const snapshot: VariantSnapshot[] = rows.map((r) => ({ variantId: r.id, available: Boolean(r.available), stock: r.stock }));
        for (const itemId of input.itemIds) {
          await trx('variants').where({ id: itemId }).whereNotNull('stock').increment('stock', 1);
          await trx('variants').where({ id: itemId }).update({ available: true });
        }
        await setRestockSnapshot(trx, input.sagaId, JSON.stringify(snapshot));
      });
    },

    async unrestockItems(sagaId: string): Promise<void> {
      await db.transaction(async (trx) => {
        const entry = await entryOf(sagaId, trx);
        if (entry.restockSnapshot === null) return;
        for (const v of JSON.parse(entry.restockSnapshot) as VariantSnapshot[]) {
          await trx('variants').where({ id: v.variantId }).update({ available: v.available, stock: v.stock });
        }
        await setRestockSnapshot(trx, sagaId, null);
      });
    },

    /**
     * Queues the customer's notice in the outbox once (with the receipt: how much, to which method,
     * the provider's reference) and delivers it through the conversation's channel. A notice that
     * cannot be delivered stays in the outbox as failed with its reason; it never undoes the refund.
     */
    async notifyCustomer(input: { sagaId: string; text: string; conversationWorkflowId?: string }): Promise<void> {
      const entry = await entryOf(input.sagaId);
      const idempotencyKey = keyFor(input.sagaId, 'notify');
      const method = await db('payment_methods').where({ id: entry.paymentMethodId }).first('id', 'source', 'brand', 'last_four');
      const to = method ? ` to your ${paymentMethodLabel(method)}` : '';
      const reference = entry.providerRefundId ? `, reference ${entry.providerRefundId}` : '';
      await queueNotice(db, {
        idempotencyKey,
        customerId: entry.customerId,
        orderId: entry.orderId,
        body: `${input.text} Receipt: ${formatCents(entry.amountCents)}${to}${reference}.`,
        kind: 'refund',
        ...(input.conversationWorkflowId ? { conversationWorkflowId: input.conversationWorkflowId } : {}),
      });
      // Retried a few times; after that the saga completes and the outbox keeps the failure for a later delivery.
      await deliverQueuedNotice(deliverNotice, idempotencyKey, NOTICE_DELIVERY_ATTEMPTS);
    },
  };
}
