import type { Knex } from 'knex';
import { lockOrder, replaceOrderAddress, updateOrderIfStatus } from '../db/repositories/commerce-writes';
import type { Address, Order } from '../domain/store/entities';
import { orderAfter, requireOrder } from './checks';
import { ActionRefused } from './refusal';
import { WriteConflict, writeTransaction } from './transaction';

export interface ChangeOrderAddressInput {
  orderId: string;
  address: Address;
}

/** Changes where a pending order ships (also one whose items were modified). */
export function changeOrderAddress(db: Knex, { orderId, address }: ChangeOrderAddressInput): Promise<Order> {
  return writeTransaction(db, async (trx) => {
    await lockOrder(trx, orderId);
    const order = await requireOrder(trx, orderId);
    if (!order.status.includes('pending')) throw new ActionRefused('Non-pending order cannot be modified');
    if (!(await updateOrderIfStatus(trx, orderId, order.status, {}))) throw new WriteConflict();
    await replaceOrderAddress(trx, orderId, address);
    return orderAfter(trx, orderId);
  });
}
