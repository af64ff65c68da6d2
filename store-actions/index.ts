/**
 * The system-of-record actions: cancel, change items, address or payment, request a return or an
 * exchange, change a customer's address. Each runs in one transaction, checks what the store holds
 * right now, writes with conditional updates and exact cents, and returns the changed entity; a
 * refusal is an ActionRefused and writes nothing. They do not check who asks or whether the customer
 * confirmed: the policy engine (domain/policy) decides that before anything here is called.
 */
import type { Knex } from 'knex';
import type { ActionRequest } from '../domain/policy/types';
import type { Customer, Order } from '../domain/store/entities';
import { cancelOrder } from './cancel-order';
import { changeCustomerAddress } from './change-customer-address';
import { changeOrderAddress } from './change-order-address';
import { changeOrderItems } from './change-order-items';
import { changeOrderPayment } from './change-order-payment';
import { requestExchange } from './request-exchange';
import { requestReturn } from './request-return';

export { ActionRefused } from './refusal';
export { cancelOrder, changeCustomerAddress, changeOrderAddress, changeOrderItems, changeOrderPayment, requestExchange, requestReturn };

/** The requests that write the store; goodwill is paid by the refund saga and a transfer writes nothing here. */
export type StoreActionRequest = Exclude<ActionRequest, { kind: 'goodwill_credit' | 'transfer_to_human' }>;

export type StoreActionResult = { changed: 'order'; order: Order } | { changed: 'customer'; customer: Customer };

export function isStoreAction(request: ActionRequest): request is StoreActionRequest {
  return request.kind !== 'goodwill_credit' && request.kind !== 'transfer_to_human';
}

/** Carries out an action request the policy has allowed. */
export async function carryOut(db: Knex, request: StoreActionRequest): Promise<StoreActionResult> {
  const order = (written: Order): StoreActionResult => ({ changed: 'order', order: written });
  switch (request.kind) {
    case 'cancel_pending_order':
      return order(await cancelOrder(db, { orderId: request.orderId, reason: request.reason }));
    case 'modify_pending_order_address':
      return order(await changeOrderAddress(db, { orderId: request.orderId, address: request.address }));
    case 'modify_pending_order_items':
      return order(await changeOrderItems(db, request));
    case 'modify_pending_order_payment':
      return order(await changeOrderPayment(db, { orderId: request.orderId, paymentMethodId: request.paymentMethodId }));
    case 'return_delivered_order_items':
      return order(await requestReturn(db, request));
    case 'exchange_delivered_order_items':
      return order(await requestExchange(db, request));
    case 'modify_user_address':
      return { changed: 'customer', customer: await changeCustomerAddress(db, { customerId: request.userId, address: request.address }) };
  }
}
