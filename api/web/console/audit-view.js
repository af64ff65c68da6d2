// @ts-check
// The auditors' view: find conversations by customer, order or date, and read one's decisions in order.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock } from './format.js';

/** @typedef {import('../shared/api-types.js').AuditConversationRow} AuditConversationRow */
/** @typedef {import('../shared/api-types.js').AuditTimeline} AuditTimeline */

/**
 * @param {AuditConversationRow[]} rows
 * @param {(conversationId: string) => void} open
 */
export function renderAuditResults(rows, open) {
  setText('audit-count', `(${rows.length})`);
  show('audit-empty', rows.length === 0);
  byTestId('audit-results').replaceChildren(
    ...rows.map((row) =>
      el(
        'li',
        { className: 'card', testid: 'audit-result', dataset: { conversationId: row.conversationId } },
        el('button', { className: 'link', testid: 'audit-open', text: row.conversationId, onClick: () => open(row.conversationId) }),
        el('span', {
          className: 'small',
          text: ` · ${row.channel} · started ${new Date(row.startedAt).toLocaleDateString()} ${clock(row.startedAt)} · ${row.customerKey ?? 'customer not known'} · ${row.outcome ?? 'open'}`,
        }),
      ),
    ),
  );
}

/** @param {AuditTimeline} timeline */
export function renderAuditTimeline(timeline) {
  show('audit-timeline', true);
  setText('audit-timeline-id', timeline.conversationId);
  const runs = timeline.runs.filter((run) => run.workflowId === timeline.workflowId).length;
  const outcome = timeline.outcome ? `${timeline.outcome.outcome ?? 'not known yet'} (${timeline.outcome.reason})` : 'none reported';
  setText('audit-timeline-meta', `${runs} run${runs === 1 ? '' : 's'} · outcome: ${outcome}`);
  byTestId('audit-entries').replaceChildren(
    ...timeline.entries.map((entry) =>
      el(
        'li',
        { testid: 'audit-entry', dataset: { kind: entry.kind, eventId: entry.eventId } },
        el('span', { className: 'small', text: `${new Date(entry.at).toLocaleDateString()} ${clock(entry.at)} #${entry.eventId} ` }),
        entry.summary,
      ),
    ),
  );
}

export function clearAudit() {
  setText('audit-count', '');
  show('audit-empty', false);
  show('audit-timeline', false);
  byTestId('audit-results').replaceChildren();
  byTestId('audit-entries').replaceChildren();
}
