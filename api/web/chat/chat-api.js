// @ts-check
// The calls the chat page makes, one function each, typed by what the API answers.
import { callApi } from '../shared/api-client.js';

/** @typedef {import('../shared/api-types.js').CreatedConversation} CreatedConversation */
/** @typedef {import('../shared/api-types.js').AcceptedMessage} AcceptedMessage */
/** @typedef {import('../../../domain/conversation').ConversationView} ConversationView */
/** @typedef {import('../../../domain/conversation').MessageResult} MessageResult */
/** @typedef {import('./saved-conversation.js').SavedConversation} SavedConversation */

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string} token
 * @param {unknown} [body]
 */
const call = (method, path, token, body) => callApi(method, path, token, body, 'we could not reach support; check your connection');

/** @param {string} widgetKey */
export const startConversation = async (widgetKey) =>
  /** @type {CreatedConversation} */ (await call('POST', '/v1/conversations', widgetKey, { channel: 'chat' }));

/** @param {SavedConversation} conversation */
export const readConversation = async (conversation) =>
  /** @type {ConversationView} */ (await call('GET', `/v1/conversations/${encodeURIComponent(conversation.id)}`, conversation.token));

/**
 * @param {SavedConversation} conversation
 * @param {string} text
 */
export const sendMessage = async (conversation, text) =>
  /** @type {MessageResult | AcceptedMessage} */ (await call('POST', `/v1/conversations/${encodeURIComponent(conversation.id)}/messages`, conversation.token, { text }));
