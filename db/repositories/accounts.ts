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
