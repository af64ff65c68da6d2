// @ts-check
// Supervisors' approvals: each proposal over the automatic limit, to approve or deny with a reason.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock } from './format.js';

/** @typedef {import('../shared/api-types.js').ApprovalRequest} ApprovalRequest */

/**
 * @typedef {object} ApprovalHandlers
 * @property {(approval: ApprovalRequest, decision: 'approve' | 'deny', reason: string) => Promise<void>} onDecide
 * @property {(conversationId: string) => void} onOpen
 */

/** What the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/**
 * @param {ApprovalRequest[]} approvals
 * @param {ApprovalHandlers} handlers
 */
export function renderApprovals(approvals, handlers) {
  const key = JSON.stringify(approvals);
  if (key === shownKey) return;
  shownKey = key;
  setText('approvals-count', approvals.length ? `(${approvals.length})` : '');
  show('approvals-empty', approvals.length === 0);
  byTestId('approvals').replaceChildren(...approvals.map((a) => approvalCard(a, handlers)));
}

/**
 * @param {ApprovalRequest} a
 * @param {ApprovalHandlers} handlers
 */
function approvalCard(a, { onDecide, onOpen }) {
  const reason = el('input', { testid: 'approval-reason', attrs: { placeholder: 'Reason (optional)', maxlength: 500, 'aria-label': 'Reason' } });
  /** @param {'approve' | 'deny'} decision */
  const decide = async (decision) => {
    approve.disabled = true;
    deny.disabled = true;
    open.disabled = true;
    await onDecide(a, decision, reason.value.trim());
  };
  const approve = el('button', { testid: 'approve', className: 'primary', attrs: { type: 'button' }, onClick: () => void decide('approve') }, 'Approve');
  const deny = el('button', { testid: 'deny', attrs: { type: 'button' }, onClick: () => void decide('deny') }, 'Deny');
  const open = el('button', { testid: 'approval-open', className: 'link', attrs: { type: 'button' }, onClick: () => onOpen(a.conversationId) }, 'Open conversation');
  return el(
    'li',
    { className: 'card', testid: 'approval', dataset: { approvalId: a.approvalId, proposalId: a.proposalId, conversationId: a.conversationId } },
    el('p', {}, el('code', { text: a.action }), ` · needs a ${a.role} · ${clock(a.requestedAt)}`),
    el('p', { testid: 'approval-detail', text: a.detail }),
    el('p', { className: 'small', testid: 'approval-why', text: a.reason }),
    reason,
    el('div', { className: 'buttons' }, approve, deny, open),
  );
}

/** The next render rebuilds the list: after a decision it shows again as it now is, whether it went through or not. */
export function invalidateApprovals() {
  shownKey = '';
}

export function clearApprovals() {
  shownKey = '';
  byTestId('approvals').replaceChildren();
}
