/**
 * The system-of-record actions: cancel, change items, address or payment, request a return or an
 * exchange, change a customer's address, name or e-mail. Each runs in one transaction, checks what the store holds
 * right now, writes with conditional updates and exact cents, and returns the changed entity; a
 * refusal is an ActionRefused and writes nothing. They do not check who asks or whether the customer
 * confirmed: the policy engine (domain/policy) decides that before anything here is called.
 */
import type { Knex } from 'knex';
import type { ActionRequest, Proposal } from '../domain/policy/types';
import type { Customer, Order } from '../domain/store/entities';
import { cancelOrder } from './cancel-order';
import { changeCustomerAccount } from './change-customer-account';
import { changeCustomerAddress } from './change-customer-address';
import { changeOrderAddress } from './change-order-address';
import { changeOrderItems } from './change-order-items';
import { changeOrderPayment } from './change-order-payment';
import { requestExchange } from './request-exchange';
import { requestReturn } from './request-return';

import { ActionRefused } from './refusal';
export { ActionRefused };
export { accountChangeNoticeKey } from './change-customer-account';
export { cancelOrder, changeCustomerAccount, changeCustomerAddress, changeOrderAddress, changeOrderItems, changeOrderPayment, requestExchange, requestReturn };

/**
 * The requests that write the store; goodwill is paid by the refund saga, an erasure is carried out by
 * its own workflow after the grace period, and a transfer writes nothing here.
 */
export type StoreActionRequest = Exclude<ActionRequest, { kind: 'goodwill_credit' | 'transfer_to_human' | 'erase_user_account' }>;

export type StoreActionResult = { changed: 'order'; order: Order } | { changed: 'customer'; customer: Customer };

export function isStoreAction(request: ActionRequest): request is StoreActionRequest {
  return request.kind !== 'goodwill_credit' && request.kind !== 'transfer_to_human' && request.kind !== 'erase_user_account';
}

/** Carries out an action request the policy has allowed, as its proposal describes it. */
export async function carryOut(db: Knex, request: StoreActionRequest, allowed?: { proposal: Proposal; at: string; language?: string }): Promise<StoreActionResult> {
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
    case 'modify_user_account': {
      // The old details are the ones the customer confirmed changing from, read by the policy just now.
      const account = allowed?.proposal.account;
      if (!allowed || !account) throw new ActionRefused('The account change has no confirmed proposal');
      const input = { customerId: request.userId, proposalId: allowed.proposal.proposalId, from: account.from, to: account.to, at: allowed.at, ...(allowed.language ? { language: allowed.language } : {}) };
      return { changed: 'customer', customer: await changeCustomerAccount(db, input) };
    }
  }
}
