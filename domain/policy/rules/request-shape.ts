/**
 * Requests arrive from workflow state and activity inputs that were JSON once, and their values may have
 * been written by a model: check the shape at run time before any rule trusts it.
 */
import { deny } from '../decision';
import { isWholeCents } from '../money';
import { ACTION_KINDS, type ActionRequest, type Deny } from '../types';
import { whyAddressIsInvalid } from './address';
import { words, type Wording } from '../wording';

const MAX_ID_CHARS = 100;
const MAX_ITEMS = 100;
const MAX_TEXT_CHARS = 1000;
const MAX_SUMMARY_CHARS = 4000;
const CONTROL = /[\u0000-\u001f\u007f]/;

function whyIdIsInvalid(field: string, value: unknown): Wording | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return words('{field} must be a non-empty string', { field });
  if (value.length > MAX_ID_CHARS || CONTROL.test(value)) return words('{field} is not a valid id', { field });
  return undefined;
}

function whyIdListIsInvalid(field: string, value: unknown): Wording | undefined {
  if (!Array.isArray(value) || value.length === 0) return words('{field} must list at least one item id', { field });
  if (value.length > MAX_ITEMS) return words('{field} lists more than {max} items', { field, max: String(MAX_ITEMS) });
  for (const [index, id] of value.entries()) {
    const problem = whyIdIsInvalid(`${field}[${index}]`, id);
    if (problem) return problem;
  }
  return undefined;
}

function whyTextIsInvalid(field: string, value: unknown, maxChars: number): Wording | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return words('{field} must be a non-empty string', { field });
  if (value.length > maxChars) return words('{field} must be at most {max} characters', { field, max: String(maxChars) });
  return undefined;
}

function firstProblem(...problems: (Wording | undefined)[]): Wording | undefined {
  return problems.find((problem) => problem !== undefined);
}

function whyRequestIsInvalid(request: ActionRequest): Wording | undefined {
  switch (request.kind) {
    case 'cancel_pending_order':
      return firstProblem(whyIdIsInvalid('orderId', request.orderId), typeof request.reason === 'string' ? undefined : words('reason must be a string'));
    case 'modify_pending_order_address':
      return whyIdIsInvalid('orderId', request.orderId);
    case 'modify_user_address':
      return whyIdIsInvalid('userId', request.userId);
    case 'erase_user_account':
      return whyIdIsInvalid('userId', request.userId);
    case 'modify_user_account':
      return firstProblem(
        whyIdIsInvalid('userId', request.userId),
        request.name === undefined && request.email === undefined ? words('it must change the name, the e-mail address or both') : undefined,
        request.email === undefined || typeof request.email === 'string' ? undefined : words('email must be a string'),
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
        isWholeCents(request.amountCents) ? undefined : words('amountCents must be a whole number of cents'),
        whyIdIsInvalid('paymentMethodId', request.paymentMethodId),
        whyTextIsInvalid('reason', request.reason, MAX_TEXT_CHARS),
      );
    case 'transfer_to_human':
      return whyTextIsInvalid('summary', request.summary, MAX_SUMMARY_CHARS);
  }
}

export function checkRequestShape(request: ActionRequest): Deny | undefined {
  if (typeof request !== 'object' || request === null || !(ACTION_KINDS as readonly unknown[]).includes(request.kind)) {
    return deny('request-shape', words('Unknown action: {kind}.', { kind: JSON.stringify((request as { kind?: unknown } | null)?.kind ?? null) }));
  }
  const problem = whyRequestIsInvalid(request);
  if (problem) return deny('request-shape', words('The {kind} request is malformed: {problem}.', { kind: request.kind, problem }));
  if (request.kind === 'modify_pending_order_address' || request.kind === 'modify_user_address') {
    const addressProblem = whyAddressIsInvalid(request.address);
    if (addressProblem) return deny('address', words('The new address is not usable: {problem}.', { problem: addressProblem }));
  }
  return undefined;
}
