import type { Knex } from 'knex';
import { recordAccountChange, writeAccountDetails } from '../db/repositories/accounts';
import { queueNotice } from '../db/repositories/customer-notifications';
import { findCustomerIdByEmail } from '../db/repositories/store-queries';
import { render } from '../domain/messages';
import { sameEmail } from '../domain/policy/rules/account';
import type { AccountDetails } from '../domain/policy/types';
import type { Customer } from '../domain/store/entities';
import { customerAfter } from './checks';
import { ActionRefused } from './refusal';
import { writeTransaction } from './transaction';

export interface ChangeCustomerAccountInput {
  customerId: string;
  /** The confirmed proposal: it keys the record and the notice, so a retry writes neither twice. */
  proposalId: string;
  from: AccountDetails;
  to: AccountDetails;
  at: string;
  /** The conversation's language: the warning to the old address is written in it. Absent: English. */
  language?: string;
}

/**
 * Changes the name and e-mail on an account, records the change, and queues a notice to the old
 * address when the e-mail changes (so the owner hears of it if it was not them): all or nothing.
 */
/** The outbox key of the warning a changed address sends to the old one. */
export const accountChangeNoticeKey = (proposalId: string): string => `account-change:${proposalId}`;

export function changeCustomerAccount(db: Knex, input: ChangeCustomerAccountInput): Promise<Customer> {
  return writeTransaction(db, async (trx) => {
    const emailChanges = !sameEmail(input.from.email, input.to.email);
    if (emailChanges) {
      const holder = await findCustomerIdByEmail(trx, input.to.email);
      if (holder !== undefined && holder !== input.customerId) throw new ActionRefused('Email already in use');
    }
    if (!(await writeAccountDetails(trx, input.customerId, input.to))) throw new ActionRefused('User not found');
    await recordAccountChange(trx, input);
    if (emailChanges) {
      await queueNotice(trx, {
        idempotencyKey: accountChangeNoticeKey(input.proposalId),
        kind: 'account_change',
        customerId: input.customerId,
        recipient: input.from.email,
        body: render(input.language, 'The e-mail address on your account was changed from {from} to {to}. If you did not ask for this, reply to this message and we will look into it at once.', {
          from: input.from.email,
          to: input.to.email,
        }),
        ...(input.language ? { language: input.language } : {}),
      });
    }
    return customerAfter(trx, input.customerId);
  });
}
