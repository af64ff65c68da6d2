import type { Catalogue } from './catalogue';
import { CANCEL_ORDER_MESSAGES } from './catalogues/cancel-order';
import { FLOW_MESSAGES } from './catalogues/flows';
import { IDENTITY_MESSAGES } from './catalogues/identity';
import { ADDRESS_MESSAGES } from './catalogues/addresses';
import { ACCOUNT_MESSAGES } from './catalogues/account';
import { COMMERCE_MESSAGES } from './catalogues/commerce';

/**
 * Every customer-facing template of the conversation, one catalogue per part. A template used in code
 * must be here (its key type says so), and each has all four translations (test/unit/message-catalogue).
 */
export const CATALOGUES = {
  flows: FLOW_MESSAGES,
  cancelOrder: CANCEL_ORDER_MESSAGES,
  identity: IDENTITY_MESSAGES,
  addresses: ADDRESS_MESSAGES,
  account: ACCOUNT_MESSAGES,
  commerce: COMMERCE_MESSAGES,
} as const satisfies Record<string, Catalogue>;

type KeysOf<T> = T extends unknown ? keyof T : never;
/** A template's English text; only the catalogues' keys type-check. */
export type MessageKey = KeysOf<(typeof CATALOGUES)[keyof typeof CATALOGUES]> & string;

export const MESSAGES: Catalogue = Object.assign({}, ...Object.values(CATALOGUES));
