// @ts-check
// What the page says about itself: who the customer is talking to, and the message bar.
import { byTestId } from '../shared/dom.js';

/** @typedef {import('../../../domain/conversation').ConversationStatus} ConversationStatus */

/** @type {Record<ConversationStatus, string>} */
const STATUS = {
  open: 'Chatting with our assistant',
  awaiting_agent: 'Waiting for a colleague',
  with_agent: 'Chatting with a support agent',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** @param {ConversationStatus | null} status none before a conversation starts */
export function setStatus(status) {
  const line = byTestId('chat-status');
  line.textContent = status ? STATUS[status] : '';
  line.dataset.status = status ?? '';
}

/** @param {string} text none hides the bar */
export function showMessage(text) {
  const box = byTestId('chat-message');
  box.textContent = text;
  box.hidden = !text;
}
