import type { Catalogue } from './catalogue';
import { CANCEL_ORDER_MESSAGES } from './catalogues/cancel-order';
import { FLOW_MESSAGES } from './catalogues/flows';
import { CONVERSATION_MESSAGES } from './catalogues/conversation';
import { FIRST_REPLY_MESSAGES } from './catalogues/first-replies';
import { DIALOGUE_MESSAGES } from './catalogues/dialogue';
import { RETURN_ITEMS_MESSAGES } from './catalogues/return-items';
import { ITEM_CHANGE_MESSAGES } from './catalogues/item-changes';
import { REFUND_MESSAGES } from './catalogues/refunds';
import { TRACKING_MESSAGES } from './catalogues/tracking';
import { CHOOSING_MESSAGES } from './catalogues/choosing';
import { KNOWLEDGE_MESSAGES } from './catalogues/knowledge';
import { POLICY_MESSAGES } from './catalogues/policy';
import { PROPOSAL_MESSAGES } from './catalogues/proposal';
import { LANGUAGE_MESSAGES } from './catalogues/language';
import { IDENTITY_MESSAGES } from './catalogues/identity';
import { ADDRESS_MESSAGES } from './catalogues/addresses';
import { ACCOUNT_MESSAGES } from './catalogues/account';
import { COMMERCE_MESSAGES } from './catalogues/commerce';
import { STORE_LABEL_MESSAGES } from './catalogues/store-labels';
import { CHANNEL_MESSAGES } from './catalogues/channels';

/**
 * Every customer-facing template of the conversation, one catalogue per part. A template used in code
 * must be here (its key type says so), and each has all four translations (test/unit/message-catalogue).
 */
export const CATALOGUES = {
  flows: FLOW_MESSAGES,
  cancelOrder: CANCEL_ORDER_MESSAGES,
  conversation: CONVERSATION_MESSAGES,
  firstReplies: FIRST_REPLY_MESSAGES,
  dialogue: DIALOGUE_MESSAGES,
  returnItems: RETURN_ITEMS_MESSAGES,
  itemChanges: ITEM_CHANGE_MESSAGES,
  refunds: REFUND_MESSAGES,
  tracking: TRACKING_MESSAGES,
  choosing: CHOOSING_MESSAGES,
  knowledge: KNOWLEDGE_MESSAGES,
  policy: POLICY_MESSAGES,
  proposal: PROPOSAL_MESSAGES,
  language: LANGUAGE_MESSAGES,
  identity: IDENTITY_MESSAGES,
  addresses: ADDRESS_MESSAGES,
  account: ACCOUNT_MESSAGES,
  commerce: COMMERCE_MESSAGES,
  storeLabels: STORE_LABEL_MESSAGES,
  channels: CHANNEL_MESSAGES,
} as const satisfies Record<string, Catalogue>;

type KeysOf<T> = T extends unknown ? keyof T : never;
/** A template's English text; only the catalogues' keys type-check. */
export type MessageKey = KeysOf<(typeof CATALOGUES)[keyof typeof CATALOGUES]> & string;

export const MESSAGES: Catalogue = Object.assign({}, ...Object.values(CATALOGUES));
