// @ts-check
// The chat log: the conversation's turns as bubbles, the customer's own on the right.
import { byTestId, el } from '../shared/dom.js';

/** @typedef {import('../../../domain/conversation').Speaker} Speaker */
/** @typedef {import('../../../domain/conversation').Turn} Turn */

/** @type {Record<Speaker, string>} */
const SPEAKERS = { customer: 'You', bot: 'Assistant', agent: 'Support agent', system: 'Note' };

/** Which turns the log shows now: it is rebuilt only when that changes. */
let shownKey = '';

/**
 * @param {Speaker} from
 * @param {string} text
 * @param {string} [extraClass]
 */
function bubble(from, text, extraClass) {
  return el(
    'li',
    { className: `turn from-${from}${extraClass ? ` ${extraClass}` : ''}`, testid: 'chat-turn', dataset: { from } },
    el('span', { className: 'who', text: SPEAKERS[from] }),
    el('span', { className: 'text', text }),
  );
}

function scrollDown() {
  const log = byTestId('chat-log');
  log.scrollTop = log.scrollHeight;
}

/**
 * Shows the transcript; true if the log changed.
 * @param {Turn[]} turns
 * @param {string | undefined} earlierSummary what was said before the first turn kept
 */
export function renderTurns(turns, earlierSummary) {
  const earlier = byTestId('chat-earlier');
  earlier.textContent = earlierSummary ? `Earlier: ${earlierSummary}` : '';
  earlier.hidden = !earlierSummary;
  const key = `${turns.length}:${turns.at(0)?.seq ?? 0}:${turns.at(-1)?.seq ?? 0}`;
  if (key === shownKey) return false;
  shownKey = key;
  byTestId('chat-log').replaceChildren(...turns.map((t) => bubble(t.from, t.text)));
  scrollDown();
  return true;
}

/**
 * The customer's message at once, marked pending until the API has it.
 * @param {string} text
 */
export function appendPending(text) {
  byTestId('chat-log').append(bubble('customer', text, 'pending'));
  scrollDown();
}

export function dropPending() {
  byTestId('chat-log').lastElementChild?.remove();
}

/**
 * When the transcript cannot be read right now: the message counts as sent, the replies in hand follow it.
 * @param {{ text: string }[]} replies
 */
export function confirmPending(replies) {
  const log = byTestId('chat-log');
  log.lastElementChild?.classList.remove('pending');
  for (const reply of replies) log.append(bubble('bot', reply.text));
  scrollDown();
}

export function clearTurns() {
  shownKey = '';
  byTestId('chat-log').replaceChildren();
}

/**
 * Names the conversation the log is of, for whoever looks at the page (the browser test does).
 * @param {string} conversationId
 */
export function labelLog(conversationId) {
  byTestId('chat-log').dataset.conversationId = conversationId;
}
