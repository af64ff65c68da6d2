// @ts-check
// Supervisors' and auditors' dashboard: the figures of GET /v1/operations/summary, as charts with their numbers.
import { byTestId, el, setText } from '../shared/dom.js';
import { barChart, dayRatesChart, percent } from './charts.js';

/** @typedef {import('../shared/api-types.js').OperationsSummary} OperationsSummary */

const TIER_LABELS = { keyword: 'keyword rules', model: 'local model', llm: 'LLM', none: 'not understood' };

/** The days the selector asks for. */
export function chosenDays() {
  return Number(byTestId('dashboard-days', HTMLSelectElement).value);
}

/** What the charts show now: they are redrawn only when that changes. */
let shownKey = '';

/** @param {OperationsSummary} summary */
export function renderDashboard(summary) {
  setText('dashboard-updated', `Updated ${new Date().toLocaleTimeString()}`);
  const key = JSON.stringify(summary);
  if (key === shownKey) return;
  shownKey = key;
  const { totals } = summary;
  setText('dashboard-automation-rate', percent(totals.automationRate));
  setText('dashboard-contained-rate', percent(totals.containedRate));
  setText(
    'dashboard-counts',
    `${totals.conversations} conversations: ${totals.verified} verified · ${totals.contained} contained · ${totals.escalated} escalated · ${totals.abandoned} abandoned · ${totals.pending} pending`,
  );

  const days = summary.days.map((d) => ({ day: d.day, conversations: d.conversations, automationRate: d.automationRate, containedRate: d.conversations ? d.contained / d.conversations : null }));
  byTestId('chart-automation-svg').replaceChildren(dayRatesChart('Automation rate and contained rate per day', days));
  byTestId('dashboard-day-rows').replaceChildren(
    ...summary.days
      .filter((d) => d.conversations > 0)
      .map((d) =>
        el(
          'tr',
          { testid: 'day-row', dataset: { day: d.day } },
          el('td', { text: d.day }),
          el('td', { testid: 'day-conversations', text: d.conversations }),
          el('td', { testid: 'day-verified', text: d.verified }),
          el('td', { testid: 'day-contained', text: d.contained }),
          el('td', { testid: 'day-automation-rate', text: percent(d.automationRate) }),
          el('td', { testid: 'day-contained-rate', text: percent(d.contained / d.conversations) }),
        ),
      ),
  );

  byTestId('chart-tiers-svg').replaceChildren(
    barChart(
      'Customer turns by tier',
      /** @type {(keyof typeof TIER_LABELS)[]} */ (Object.keys(TIER_LABELS)).map((tier) => ({ key: tier, label: TIER_LABELS[tier], value: summary.tierMix[tier], text: String(summary.tierMix[tier]), className: `tier-${tier}` })),
    ),
  );
  byTestId('chart-reasons-svg').replaceChildren(
    barChart('Top escalation reasons', summary.topEscalationReasons.map((r) => ({ key: r.code, label: r.code, value: r.count, text: String(r.count) })), { empty: 'no handoffs' }),
  );
  byTestId('chart-intents-svg').replaceChildren(
    barChart('Top intents that end in a handoff', summary.topHandoffIntents.map((r) => ({ key: r.intent, label: r.intent, value: r.count, text: String(r.count) })), { empty: 'no handoffs' }),
  );
  byTestId('chart-csat-svg').replaceChildren(
    barChart(
      'CSAT by outcome',
      summary.csatByOutcome.map((c) => ({
        key: c.outcome,
        label: c.outcome,
        value: c.average ?? 0,
        text: c.average === null ? 'no ratings' : `${c.average.toFixed(1)} (${c.ratings} ${c.ratings === 1 ? 'rating' : 'ratings'})`,
        className: `outcome-${c.outcome}`,
      })),
      { max: 5 },
    ),
  );
}

export function clearDashboard() {
  shownKey = '';
  for (const id of ['dashboard-automation-rate', 'dashboard-contained-rate', 'dashboard-counts', 'dashboard-updated']) setText(id, '');
  for (const id of ['chart-automation-svg', 'dashboard-day-rows', 'chart-tiers-svg', 'chart-reasons-svg', 'chart-intents-svg', 'chart-csat-svg']) byTestId(id).replaceChildren();
}
