import type { Knex } from 'knex';
import type { AccountDetails } from '../../domain/policy/types';

/** The store's record of one account change, written with the change itself. */
export async function recordAccountChange(
  trx: Knex,
  change: { proposalId: string; customerId: string; from: AccountDetails; to: AccountDetails; at: string },
): Promise<void> {
  await trx('account_changes').insert({
    proposal_id: change.proposalId,
    customer_id: change.customerId,
    old_first_name: change.from.firstName,
    old_last_name: change.from.lastName,
    old_email: change.from.email,
    new_first_name: change.to.firstName,
    new_last_name: change.to.lastName,
    new_email: change.to.email,
    changed_at: change.at,
  });
}

export async function accountChangesOf(db: Knex, customerId: string): Promise<{ proposalId: string; from: AccountDetails; to: AccountDetails; at: string }[]> {
  const rows = (await db('account_changes').where({ customer_id: customerId }).orderBy('id')) as Record<string, string>[];
  return rows.map((row) => ({
    proposalId: String(row.proposal_id),
    from: { firstName: String(row.old_first_name), lastName: String(row.old_last_name), email: String(row.old_email) },
    to: { firstName: String(row.new_first_name), lastName: String(row.new_last_name), email: String(row.new_email) },
    at: String(row.changed_at),
  }));
}

/** Writes the name and e-mail of one customer; false when there is no such customer. */
export async function writeAccountDetails(trx: Knex, customerId: string, details: AccountDetails): Promise<boolean> {
  const count = await trx('customers').where({ id: customerId }).update({ first_name: details.firstName, last_name: details.lastName, email: details.email });
  return count === 1;
}

export async function storeResetToken(db: Knex, token: { tokenHash: string; customerId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db('password_reset_tokens').insert({ token_hash: token.tokenHash, customer_id: token.customerId, created_at: token.createdAt, expires_at: token.expiresAt });
}

export async function findResetToken(db: Knex, tokenHash: string): Promise<{ customerId: string; expiresAt: string; usedAt: string | null } | undefined> {
  const row = (await db('password_reset_tokens').where({ token_hash: tokenHash }).first()) as Record<string, string | null> | undefined;
  return row ? { customerId: String(row.customer_id), expiresAt: String(row.expires_at), usedAt: row.used_at ?? null } : undefined;
}

/** Spends the token if it is still unused and unexpired at `at`; false when another request spent it first. */
export async function spendResetToken(trx: Knex, tokenHash: string, at: string): Promise<boolean> {
  const count = await trx('password_reset_tokens').where({ token_hash: tokenHash }).whereNull('used_at').where('expires_at', '>', at).update({ used_at: at });
  return count === 1;
}

/** Spends every other link of the customer still open: once the password is new, older links must not change it again. */
export async function spendOtherResetTokens(trx: Knex, customerId: string, at: string): Promise<void> {
  await trx('password_reset_tokens').where({ customer_id: customerId }).whereNull('used_at').update({ used_at: at });
}

export async function setPasswordHash(trx: Knex, customerId: string, passwordHash: string, at: string): Promise<void> {
  await trx('account_passwords').insert({ customer_id: customerId, password_hash: passwordHash, updated_at: at }).onConflict('customer_id').merge(['password_hash', 'updated_at']);
}

export async function passwordHashOf(db: Knex, customerId: string): Promise<string | undefined> {
  const row = (await db('account_passwords').where({ customer_id: customerId }).first('password_hash')) as { password_hash: string } | undefined;
  return row?.password_hash;
}
