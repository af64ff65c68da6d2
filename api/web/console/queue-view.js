// @ts-check
// The handoff queue: who waits, how urgent, for how long.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { minutes, sla } from './format.js';
import { languageLabel } from './languages.js';

/** @typedef {import('../shared/api-types.js').QueueItem} QueueItem */

/** What the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/**
 * @param {QueueItem[]} queue
 * @param {string | null} selected the conversation open in the desk
 * @param {(conversationId: string) => void} onOpen
 */
export function renderQueue(queue, selected, onOpen) {
  setText('queue-updated', `Updated ${new Date().toLocaleTimeString()}`);
  // SLA texts move every half minute, so the key does too.
  const key = JSON.stringify([queue, selected, Math.floor(Date.now() / 30000)]);
  if (key === shownKey) return;
  shownKey = key;
  setText('queue-count', queue.length ? `(${queue.length})` : '');
  show('queue-empty', queue.length === 0);
  byTestId('queue').replaceChildren(...queue.map((item) => queueItem(item, item.conversationId === selected, onOpen)));
}

/**
 * @param {QueueItem} item
 * @param {boolean} selected
 * @param {(conversationId: string) => void} onOpen
 */
function queueItem(item, selected, onOpen) {
  const due = sla(item.slaDueAt);
  const who = item.status === 'with_agent' ? `with ${item.claimedBy || 'an agent'}` : 'waiting';
  return el(
    'li',
    {
      className: `queue-item${selected ? ' selected' : ''}`,
      testid: 'queue-item',
      dataset: { conversationId: item.conversationId, status: item.status, priority: item.priority, language: item.language },
    },
    el(
      'button',
      { attrs: { type: 'button' }, onClick: () => onOpen(item.conversationId) },
      el('span', { className: 'line' },
        el('span', { className: `badge priority-${item.priority}`, testid: 'queue-priority', text: item.priority }),
        el('strong', { className: 'name', text: item.customerName || 'Unverified customer' }),
        el('span', { className: 'badge language', testid: 'queue-language', attrs: { title: `writes in ${item.languageName}` }, text: languageLabel(item.language) }),
        el('span', { className: `badge status-${item.status}`, testid: 'queue-status', text: who })),
      el('span', { className: 'reasons', testid: 'queue-reasons', text: item.reasons }),
      el('span', { className: 'summary', testid: 'queue-summary', text: item.summary }),
      el('span', { className: 'line small' },
        el('span', { text: `asked ${minutes(Date.now() - new Date(item.requestedAt).getTime())} ago` }),
        item.status === 'awaiting_agent' && due.text ? el('span', { className: due.overdue ? 'overdue' : '', testid: 'queue-sla', text: due.text }) : null),
    ),
  );
}

/**
 * Marks the open conversation at once, before the next poll rebuilds the list.
 * @param {string | null} conversationId
 */
export function markSelected(conversationId) {
  shownKey = '';
  for (const li of byTestId('queue').children) {
    if (li instanceof HTMLElement) li.classList.toggle('selected', li.dataset.conversationId === conversationId);
  }
}

export function clearQueue() {
  shownKey = '';
  byTestId('queue').replaceChildren();
}
