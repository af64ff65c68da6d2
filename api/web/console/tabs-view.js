// @ts-check
// The console's views, by role: agents have the desk only; supervisors also the dashboard and the
// quality review; auditors the dashboard, conversations to read and the audit; supervisors the audit too.
import { byTestId, show } from '../shared/dom.js';

/** @typedef {import('../shared/api-types.js').Me} Me */
/** @typedef {'desk' | 'dashboard' | 'quality' | 'audit'} Tab */

/** @type {Record<string, Tab[]>} */
const TABS_BY_ROLE = {
  agent: ['desk'],
  supervisor: ['desk', 'dashboard', 'quality', 'audit'],
  auditor: ['dashboard', 'desk', 'audit'],
};

/** @type {Tab[]} */
const ALL_TABS = ['desk', 'dashboard', 'quality', 'audit'];

/** @type {Tab | null} */
let current = null;

/** @param {Me} me */
export const tabsFor = (me) => TABS_BY_ROLE[me.role] ?? [];

/** The view shown now, none while signed out. */
export const currentTab = () => current;

/**
 * Shows the tabs this person has and the first of them.
 * @param {Me} me
 */
export function showTabs(me) {
  const tabs = tabsFor(me);
  show('tabs', tabs.length > 1);
  for (const tab of ALL_TABS) show(`tab-${tab}`, tabs.includes(tab));
  showTab(tabs[0] ?? 'desk');
}

/** @param {Tab} tab */
export function showTab(tab) {
  current = tab;
  for (const other of ALL_TABS) {
    show(other, other === tab);
    byTestId(`tab-${other}`).setAttribute('aria-pressed', String(other === tab));
  }
}

export function hideTabs() {
  current = null;
  show('tabs', false);
  for (const tab of ALL_TABS) show(tab, false);
}

/**
 * @param {string} value
 * @returns {value is Tab}
 */
export const isTab = (value) => (/** @type {string[]} */ (ALL_TABS)).includes(value);
