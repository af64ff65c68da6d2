// @ts-check
// Supervisors' notifications: SLA breaches, approval requests, each with a way into its conversation.
import { byTestId, el, show } from '../shared/dom.js';
import { clock } from './format.js';

/** @typedef {import('../shared/api-types.js').StaffNotification} StaffNotification */

/** What the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/**
 * @param {StaffNotification[]} notifications
 * @param {(conversationId: string) => void} onOpen
 */
export function renderNotifications(notifications, onOpen) {
  const key = JSON.stringify(notifications);
  if (key === shownKey) return;
  shownKey = key;
  show('notifications-empty', notifications.length === 0);
  byTestId('notifications').replaceChildren(
    ...notifications.map((n) => {
      const conversationId = n.conversationId;
      return el(
        'li',
        { className: 'card', testid: 'notification', dataset: { kind: n.kind, conversationId: conversationId ?? '' } },
        el('p', { className: 'small' }, el('code', { text: n.kind }), ` · ${clock(n.at)}`),
        el('p', { testid: 'notification-text', text: n.text }),
        conversationId ? el('button', { className: 'link', attrs: { type: 'button' }, onClick: () => onOpen(conversationId) }, 'Open conversation') : null,
      );
    }),
  );
}

export function clearNotifications() {
  shownKey = '';
  byTestId('notifications').replaceChildren();
}
