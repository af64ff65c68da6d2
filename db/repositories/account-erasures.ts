import type { Knex } from 'knex';

export type ErasureStatus = 'scheduled' | 'cancelled' | 'erased';

export interface ErasureRecord {
  customerId: string;
  workflowId: string;
  status: ErasureStatus;
  requestedAt: string;
  eraseAfter: string;
  cancelledAt: string | null;
  erasedAt: string | null;
  requestedIn: string | null;
  cancelledIn: string | null;
}

export async function findErasure(db: Knex, customerId: string): Promise<ErasureRecord | undefined> {
  const row = (await db('account_erasures').where({ customer_id: customerId }).first()) as Record<string, string | null> | undefined;
  if (!row) return undefined;
  return {
    customerId: String(row.customer_id),
    workflowId: String(row.workflow_id),
    status: row.status as ErasureStatus,
    requestedAt: String(row.requested_at),
    eraseAfter: String(row.erase_after),
    cancelledAt: row.cancelled_at ?? null,
    erasedAt: row.erased_at ?? null,
    requestedIn: row.requested_in ?? null,
    cancelledIn: row.cancelled_in ?? null,
  };
}

/** A new request, or a new one after a cancelled request; one already scheduled or done stays as it is. */
export async function scheduleErasure(
  db: Knex,
  request: { customerId: string; workflowId: string; requestedAt: string; eraseAfter: string; requestedIn?: string },
): Promise<void> {
  const row = {
    customer_id: request.customerId,
    workflow_id: request.workflowId,
    status: 'scheduled',
    requested_at: request.requestedAt,
    erase_after: request.eraseAfter,
    cancelled_at: null,
    erased_at: null,
    requested_in: request.requestedIn ?? null,
    cancelled_in: null,
  };
  await db.transaction(async (trx) => {
    const existing = await findErasure(trx, request.customerId);
    if (!existing) await trx('account_erasures').insert(row);
    else if (existing.status === 'cancelled') await trx('account_erasures').where({ customer_id: request.customerId, status: 'cancelled' }).update(row);
  });
}

/** True when a scheduled erasure is now cancelled; false when there was none (or it is already done). */
export async function cancelErasure(db: Knex, customerId: string, at: string, cancelledIn?: string): Promise<boolean> {
  const count = await db('account_erasures').where({ customer_id: customerId, status: 'scheduled' }).update({ status: 'cancelled', cancelled_at: at, cancelled_in: cancelledIn ?? null });
  return count === 1;
}

/** Marks a scheduled erasure done; false when it was cancelled (or done) meanwhile. */
export async function markErased(trx: Knex, customerId: string, at: string): Promise<boolean> {
  const count = await trx('account_erasures').where({ customer_id: customerId, status: 'scheduled' }).update({ status: 'erased', erased_at: at });
  return count === 1;
}

export async function postponeErasure(db: Knex, customerId: string, eraseAfter: string): Promise<void> {
  await db('account_erasures').where({ customer_id: customerId, status: 'scheduled' }).update({ erase_after: eraseAfter });
}

/**
 * The customer's personal data, erased or anonymised in one transaction: name and e-mail, the default
 * address and the orders' delivery addresses (country and state stay, for tax), card numbers' last
 * digits, their password and reset links, the e-mail addresses in their account changes and
 * notices, and their phone numbers with the calls and texts from them. The orders, their items and payments stay, for the accounts.
 */
export async function erasePersonalData(trx: Knex, customerId: string, anonymous: { firstName: string; lastName: string; email: string }): Promise<void> {
  const own = (await trx('customers').where({ id: customerId }).select('address_id')) as { address_id: string }[];
  const shipped = (await trx('orders').where({ customer_id: customerId }).select('shipping_address_id')) as { shipping_address_id: string }[];
  const addressIds = [...own.map((r) => r.address_id), ...shipped.map((r) => r.shipping_address_id)];
  if (addressIds.length > 0) await trx('addresses').whereIn('id', addressIds).update({ address1: '', address2: '', city: '', zip: '' });
  await trx('customers').where({ id: customerId }).update({ first_name: anonymous.firstName, last_name: anonymous.lastName, email: anonymous.email });
  await trx('payment_methods').where({ customer_id: customerId }).update({ last_four: null });
  await trx('account_passwords').where({ customer_id: customerId }).delete();
  await trx('password_reset_tokens').where({ customer_id: customerId }).delete();
  await trx('account_changes')
    .where({ customer_id: customerId })
    .update({ old_first_name: anonymous.firstName, old_last_name: anonymous.lastName, old_email: anonymous.email, new_first_name: anonymous.firstName, new_last_name: anonymous.lastName, new_email: anonymous.email });
  await trx('customer_notifications').where({ customer_id: customerId }).whereNotNull('recipient').update({ recipient: null, body: '[erased with the account]' });
  // Their numbers on file, and the calls and SMS threads from those numbers (the number is their key).
  const phones = ((await trx('customer_phones').where({ customer_id: customerId }).select('phone')) as { phone: string }[]).map((row) => row.phone);
  if (phones.length > 0) await trx('phone_conversations').whereIn('caller', phones).delete();
  await trx('customer_phones').where({ customer_id: customerId }).delete();
}
