// @ts-check
// Supervisors' view of money: the refund ledger by status (pending, owed, failed, paid), newest first.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock, money } from './format.js';

/** @typedef {import('../shared/api-types.js').RefundRow} RefundRow */

/** What the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/** The status the filter asks for; '' is every refund. */
export function chosenRefundStatus() {
  return byTestId('refunds-status', HTMLSelectElement).value;
}

/**
 * @param {RefundRow[]} refunds
 * @param {(conversationId: string) => void} onOpen
 */
export function renderRefunds(refunds, onOpen) {
  const key = JSON.stringify([chosenRefundStatus(), refunds]);
  if (key === shownKey) return;
  shownKey = key;
  setText('refunds-count', refunds.length ? `(${refunds.length})` : '');
  show('refunds-empty', refunds.length === 0);
  byTestId('refunds').replaceChildren(
    ...refunds.map((r) => {
      const conversationId = r.conversationId;
      return el(
        'li',
        { className: `card refund refund-${r.status}`, testid: 'refund', dataset: { status: r.status, sagaId: r.sagaId, conversationId: conversationId ?? '' } },
        el('p', {}, el('strong', { testid: 'refund-amount', text: money(r.amountCents) }), ' ', el('span', { className: 'badge', testid: 'refund-status', text: r.status }), ` ${r.purpose.replace('_', ' ')} · order ${r.orderId}`),
        el('p', { className: 'small' }, `to ${r.paymentMethodId} · customer ${r.customerId} · asked the provider ${r.attempts}×`),
        r.providerRefundId ? el('p', { className: 'small' }, 'provider reference ', el('code', { text: r.providerRefundId })) : null,
        r.failureReason ? el('p', { testid: 'refund-failure', text: r.failureReason }) : null,
        el('p', { className: 'small' }, el('code', { text: r.sagaId }), ` · ${r.ledgerStatus} · updated ${clock(r.updatedAt)}`),
        conversationId ? el('button', { className: 'link', attrs: { type: 'button' }, onClick: () => onOpen(conversationId) }, 'Open conversation') : null,
      );
    }),
  );
}

export function clearRefunds() {
  shownKey = '';
  byTestId('refunds').replaceChildren();
}
