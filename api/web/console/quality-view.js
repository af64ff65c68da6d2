// @ts-check
// Supervisors' quality review: closed conversations with failing checks, each a deep link away.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock } from './format.js';

/** @typedef {import('../shared/api-types.js').ScorecardRow} ScorecardRow */

/** What the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/**
 * The link is a real `#<conversationId>`: it opens the conversation here, and in a new tab too.
 * @param {ScorecardRow[]} scorecards
 */
export function renderScorecards(scorecards) {
  setText('scorecards-updated', `Updated ${new Date().toLocaleTimeString()}`);
  const key = JSON.stringify(scorecards);
  if (key === shownKey) return;
  shownKey = key;
  setText('scorecards-count', scorecards.length ? `(${scorecards.length})` : '');
  show('scorecards-empty', scorecards.length === 0);
  byTestId('scorecards').replaceChildren(
    ...scorecards.map((card) =>
      el(
        'li',
        { className: 'card scorecard', testid: 'scorecard', dataset: { conversationId: card.conversationId, failing: card.failing.join(' ') } },
        el(
          'p',
          {},
          el('a', { testid: 'scorecard-open', attrs: { href: `#${encodeURIComponent(card.conversationId)}` } }, el('code', { text: card.conversationId })),
          el('span', { className: 'small', text: ` · closed ${new Date(card.closedAt).toLocaleDateString()} ${clock(card.closedAt)} · ${card.failing.length} failing of ${card.checks.length}` }),
        ),
        el(
          'ul',
          { className: 'plain' },
          ...card.checks
            .filter((check) => !check.passed)
            .map((check) => el('li', { testid: 'scorecard-check', dataset: { checkId: check.id } }, el('strong', { text: check.id }), `: ${check.detail}`)),
        ),
      ),
    ),
  );
}

export function clearScorecards() {
  shownKey = '';
  setText('scorecards-count', '');
  byTestId('scorecards').replaceChildren();
}
