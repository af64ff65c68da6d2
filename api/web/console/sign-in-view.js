// @ts-check
// Signed out, the page is a token field; signed in, the views this person has and who is at it.
import { byTestId, setText, show } from '../shared/dom.js';
import { hideTabs, showTabs } from './tabs-view.js';
import { languagesOfPerson } from './languages.js';

/** @typedef {import('../shared/api-types.js').Me} Me */

export function showSignIn() {
  hideTabs();
  show('who', false);
  show('sign-in', true);
  const input = byTestId('token-input', HTMLInputElement);
  input.value = '';
  input.focus();
}

/**
 * Auditors read conversations and figures: no queue, no commands.
 * @param {Me} me
 */
export function showDesk(me) {
  show('sign-in', false);
  show('who', true);
  setText('whoami', `${me.name} (${me.role})`);
  const staff = me.role === 'agent' || me.role === 'supervisor';
  show('queue-pane', staff);
  // Agents start with the handoffs they can read; supervisors see everyone's waiting customers.
  byTestId('queue-mine', HTMLInputElement).checked = me.role === 'agent';
  setText('my-languages', `You read: ${languagesOfPerson(me.languages)}.`);
  setText('no-selection', staff ? 'Pick a conversation from the queue.' : 'Open a conversation from a link to it: /console#<conversation id>.');
  show('commands', staff);
  show('reply-form', staff);
  show('supervisor', me.role === 'supervisor');
  showTabs(me);
}
