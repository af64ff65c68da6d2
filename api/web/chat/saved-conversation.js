// @ts-check
// The conversation this tab talks to, kept across reloads. Only the conversation's own token is
// kept: it reaches this one conversation and nothing else.

const SAVED_KEY = 'open-support.chat';

/**
 * @typedef {object} SavedConversation
 * @property {string} id
 * @property {string} token
 */

/** @returns {SavedConversation | null} */
export function loadConversation() {
  let saved;
  try {
    saved = /** @type {unknown} */ (JSON.parse(sessionStorage.getItem(SAVED_KEY) || 'null'));
  } catch {
    return null;
  }
  if (typeof saved !== 'object' || saved === null || !('id' in saved) || !('token' in saved)) return null;
  const { id, token } = saved;
  return typeof id === 'string' && typeof token === 'string' && id && token ? { id, token } : null;
}

/** @param {SavedConversation} conversation */
export function saveConversation(conversation) {
  sessionStorage.setItem(SAVED_KEY, JSON.stringify(conversation));
}

export function forgetConversation() {
  sessionStorage.removeItem(SAVED_KEY);
}
