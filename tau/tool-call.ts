/**
 * Tool calls in the tau-bench retail form (`{name, kwargs}`, as `tau replay` and a model write them) to
 * action requests. Only known arguments are carried over; their types are checked by `evaluate`, which
 * refuses a malformed request. Read tools are not actions: they give undefined.
 */
import type { ActionRequest, Address } from '../domain/policy/types';

export const ACTION_TOOL_NAMES = [
  'cancel_pending_order',
  'modify_pending_order_address',
  'modify_pending_order_items',
  'modify_pending_order_payment',
  'modify_user_address',
  'return_delivered_order_items',
  'exchange_delivered_order_items',
  'goodwill_credit',
  'transfer_to_human_agents',
] as const;

type Kwargs = Readonly<Record<string, unknown>>;

// Unchecked here on purpose: evaluate() checks every field's type before any rule reads it.
const text = (kwargs: Kwargs, key: string) => kwargs[key] as string;
const ids = (kwargs: Kwargs, key: string) => kwargs[key] as readonly string[];

function address(kwargs: Kwargs): Address {
  return {
    address1: text(kwargs, 'address1'),
    address2: text(kwargs, 'address2'),
    city: text(kwargs, 'city'),
    country: text(kwargs, 'country'),
    state: text(kwargs, 'state'),
    zip: text(kwargs, 'zip'),
  };
}

export function requestFromToolCall(name: string, kwargs: Kwargs): ActionRequest | undefined {
  switch (name) {
    case 'cancel_pending_order':
      return { kind: name, orderId: text(kwargs, 'order_id'), reason: text(kwargs, 'reason') };
    case 'modify_pending_order_address':
      return { kind: name, orderId: text(kwargs, 'order_id'), address: address(kwargs) };
    case 'modify_user_address':
      return { kind: name, userId: text(kwargs, 'user_id'), address: address(kwargs) };
    case 'modify_pending_order_payment':
      return { kind: name, orderId: text(kwargs, 'order_id'), paymentMethodId: text(kwargs, 'payment_method_id') };
    case 'modify_pending_order_items':
    case 'exchange_delivered_order_items':
      return {
        kind: name,
        orderId: text(kwargs, 'order_id'),
        itemIds: ids(kwargs, 'item_ids'),
        newItemIds: ids(kwargs, 'new_item_ids'),
        paymentMethodId: text(kwargs, 'payment_method_id'),
      };
    case 'return_delivered_order_items':
      return {
        kind: name,
        orderId: text(kwargs, 'order_id'),
        itemIds: ids(kwargs, 'item_ids'),
        paymentMethodId: text(kwargs, 'payment_method_id'),
      };
    case 'goodwill_credit':
      return {
        kind: name,
        orderId: text(kwargs, 'order_id'),
        amountCents: kwargs['amount_cents'] as number,
        paymentMethodId: text(kwargs, 'payment_method_id'),
        reason: text(kwargs, 'reason'),
      };
    case 'transfer_to_human_agents':
      return { kind: 'transfer_to_human', summary: text(kwargs, 'summary') };
    default:
      return undefined;
  }
}
