import type { ActionRequest } from '../policy';
import type { Address, Customer, Order } from '../store/entities';

/** What the store holds now about the records an executed action changed. */
export interface StoreFacts {
  order?: Order;
  customer?: Customer;
  /** The customer's account erasure, when one is on record (`scheduled`, `erased`, `cancelled`). */
  erasureStatus?: string;
  /** How the refund of a goodwill credit went, as the refund ledger has it (`refunded`, `recorded`, `owed`, ...). */
  refundStatuses?: string[];
}

/** Whether the store shows the change an executed action asked for, and what it saw. */
export interface StoreCheck {
  action: ActionRequest['kind'];
  held: boolean;
  detail: string;
}

const sameAddress = (a: Address, b: Address) =>
  a.address1 === b.address1 && a.address2 === b.address2 && a.city === b.city && a.state === b.state && a.zip === b.zip && a.country === b.country;

/**
 * Reads the change back from the store: an action that reported success counts as done only when the
 * records show it (the order is cancelled, the address is the new one, the return is requested...).
 */
export function checkChangeHeld(request: ActionRequest, facts: StoreFacts): StoreCheck {
  const { order, customer } = facts;
  const check = (held: boolean, detail: string): StoreCheck => ({ action: request.kind, held, detail });
  switch (request.kind) {
    case 'cancel_pending_order':
      if (!order) return check(false, `order ${request.orderId} is not in the store`);
      return check(order.status === 'cancelled', `order ${order.id} is ${order.status}`);
    case 'modify_pending_order_address':
      if (!order) return check(false, `order ${request.orderId} is not in the store`);
      return check(sameAddress(order.address, request.address), sameAddress(order.address, request.address) ? `order ${order.id} ships to the new address` : `order ${order.id} still ships elsewhere`);
    case 'modify_pending_order_items': {
      if (!order) return check(false, `order ${request.orderId} is not in the store`);
      const ids = new Set(order.items.map((i) => i.itemId));
      const held = request.newItemIds.every((id) => ids.has(id));
      return check(held, held ? `order ${order.id} has the new items` : `order ${order.id} lacks ${request.newItemIds.filter((id) => !ids.has(id)).join(', ')}`);
    }
    case 'modify_pending_order_payment': {
      if (!order) return check(false, `order ${request.orderId} is not in the store`);
      const paid = [...order.payments].reverse().find((p) => p.kind === 'payment');
      const held = paid?.paymentMethodId === request.paymentMethodId;
      return check(held, held ? `order ${order.id} is paid with ${request.paymentMethodId}` : `order ${order.id} is paid with ${paid?.paymentMethodId ?? 'nothing'}`);
    }
    case 'return_delivered_order_items':
    case 'exchange_delivered_order_items': {
      if (!order) return check(false, `order ${request.orderId} is not in the store`);
      const wanted = request.kind === 'return_delivered_order_items' ? 'return requested' : 'exchange requested';
      const recorded = request.kind === 'return_delivered_order_items' ? order.return?.itemIds : order.exchange?.itemIds;
      const held = order.status === wanted && request.itemIds.every((id) => recorded?.includes(id));
      return check(held, `order ${order.id} is ${order.status}`);
    }
    case 'modify_user_address':
      if (!customer) return check(false, `customer ${request.userId} is not in the store`);
      return check(sameAddress(customer.address, request.address), sameAddress(customer.address, request.address) ? 'the default address is the new one' : 'the default address is another one');
    case 'modify_user_account': {
      if (!customer) return check(false, `customer ${request.userId} is not in the store`);
      const nameHeld = !request.name || (customer.firstName === request.name.firstName && customer.lastName === request.name.lastName);
      const emailHeld = !request.email || customer.email.toLowerCase() === request.email.toLowerCase();
      return check(nameHeld && emailHeld, nameHeld && emailHeld ? 'the account shows the new details' : 'the account still shows the old details');
    }
    case 'erase_user_account': {
      const held = facts.erasureStatus === 'scheduled' || facts.erasureStatus === 'erased';
      return check(held, `account erasure ${facts.erasureStatus ?? 'not on record'}`);
    }
    case 'goodwill_credit': {
      const held = (facts.refundStatuses ?? []).some((s) => s === 'refunded' || s === 'recorded');
      return check(held, held ? 'the credit is paid' : `the credit is ${facts.refundStatuses?.join(', ') || 'not on record'}`);
    }
    case 'transfer_to_human':
      return check(true, 'a person was asked for');
  }
}
