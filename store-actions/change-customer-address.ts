import type { Knex } from 'knex';
import { customerExists } from '../db/repositories/commerce-reads';
import { replaceCustomerAddress } from '../db/repositories/commerce-writes';
import type { Address, Customer } from '../domain/store/entities';
import { customerAfter } from './checks';
import { ActionRefused } from './refusal';
import { writeTransaction } from './transaction';

export interface ChangeCustomerAddressInput {
  customerId: string;
  address: Address;
}

/** Changes a customer's default address; their orders keep their own shipping addresses. */
export function changeCustomerAddress(db: Knex, { customerId, address }: ChangeCustomerAddressInput): Promise<Customer> {
  return writeTransaction(db, async (trx) => {
    if (!(await customerExists(trx, customerId))) throw new ActionRefused('User not found');
    if (!(await replaceCustomerAddress(trx, customerId, address))) throw new ActionRefused('User not found');
    return customerAfter(trx, customerId);
  });
}
