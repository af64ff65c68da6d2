/**
 * Requests arrive from workflow state and activity inputs that were JSON once, and their values may have
 * been written by a model: check the shape at run time before any rule trusts it.
 */
import { deny } from '../decision';
import { isWholeCents } from '../money';
import { ACTION_KINDS, type ActionRequest, type Deny } from '../types';
import { whyAddressIsInvalid } from './address';

const MAX_ID_CHARS = 100;
const MAX_ITEMS = 100;
const MAX_TEXT_CHARS = 1000;
const MAX_SUMMARY_CHARS = 4000;
const CONTROL = /[\u0000-\u001f\u007f]/;

function whyIdIsInvalid(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return `${field} must be a non-empty string`;
  if (value.length > MAX_ID_CHARS || CONTROL.test(value)) return `${field} is not a valid id`;
  return undefined;
}

function whyIdListIsInvalid(field: string, value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return `${field} must list at least one item id`;
  if (value.length > MAX_ITEMS) return `${field} lists more than ${MAX_ITEMS} items`;
  for (const [index, id] of value.entries()) {
    const problem = whyIdIsInvalid(`${field}[${index}]`, id);
    if (problem) return problem;
  }
  return undefined;
}

function whyTextIsInvalid(field: string, value: unknown, maxChars: number): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return `${field} must be a non-empty string`;
  if (value.length > maxChars) return `${field} must be at most ${maxChars} characters`;
  return undefined;
}

function firstProblem(...problems: (string | undefined)[]): string | undefined {
  return problems.find((problem) => problem !== undefined);
}

function whyRequestIsInvalid(request: ActionRequest): string | undefined {
  switch (request.kind) {
    case 'cancel_pending_order':
      return firstProblem(whyIdIsInvalid('orderId', request.orderId), typeof request.reason === 'string' ? undefined : 'reason must be a string');
    case 'modify_pending_order_address':
      return whyIdIsInvalid('orderId', request.orderId);
    case 'modify_user_address':
      return whyIdIsInvalid('userId', request.userId);
    case 'erase_user_account':
      return whyIdIsInvalid('userId', request.userId);
    case 'modify_user_account':
      return firstProblem(
        whyIdIsInvalid('userId', request.userId),
        request.name === undefined && request.email === undefined ? 'it must change the name, the e-mail address or both' : undefined,
        request.email === undefined || typeof request.email === 'string' ? undefined : 'email must be a string',
      );
    case 'modify_pending_order_payment':
      return firstProblem(whyIdIsInvalid('orderId', request.orderId), whyIdIsInvalid('paymentMethodId', request.paymentMethodId));
    case 'return_delivered_order_items':
      return firstProblem(
        whyIdIsInvalid('orderId', request.orderId),
        whyIdListIsInvalid('itemIds', request.itemIds),
        whyIdIsInvalid('paymentMethodId', request.paymentMethodId),
      );
    case 'modify_pending_order_items':
    case 'exchange_delivered_order_items':
      return firstProblem(
        whyIdIsInvalid('orderId', request.orderId),
        whyIdListIsInvalid('itemIds', request.itemIds),
        whyIdListIsInvalid('newItemIds', request.newItemIds),
        whyIdIsInvalid('paymentMethodId', request.paymentMethodId),
      );
    case 'goodwill_credit':
      return firstProblem(
        whyIdIsInvalid('orderId', request.orderId),
        isWholeCents(request.amountCents) ? undefined : 'amountCents must be a whole number of cents',
        whyIdIsInvalid('paymentMethodId', request.paymentMethodId),
        whyTextIsInvalid('reason', request.reason, MAX_TEXT_CHARS),
      );
    case 'transfer_to_human':
      return whyTextIsInvalid('summary', request.summary, MAX_SUMMARY_CHARS);
  }
}

export function checkRequestShape(request: ActionRequest): Deny | undefined {
  if (typeof request !== 'object' || request === null || !(ACTION_KINDS as readonly unknown[]).includes(request.kind)) {
    return deny('request-shape', `Unknown action: ${JSON.stringify((request as { kind?: unknown } | null)?.kind ?? null)}.`);
  }
  const problem = whyRequestIsInvalid(request);
  if (problem) return deny('request-shape', `The ${request.kind} request is malformed: ${problem}.`);
  if (request.kind === 'modify_pending_order_address' || request.kind === 'modify_user_address') {
    const addressProblem = whyAddressIsInvalid(request.address);
    if (addressProblem) return deny('address', `The new address is not usable: ${addressProblem}.`);
  }
  return undefined;
}
