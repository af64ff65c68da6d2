// @ts-check
// Signed out, the page is a token field; signed in, the desk and who is at it.
import { byTestId, setText, show } from '../shared/dom.js';

/** @typedef {import('../shared/api-types.js').Me} Me */

export function showSignIn() {
  show('desk', false);
  show('who', false);
  show('sign-in', true);
  const input = byTestId('token-input', HTMLInputElement);
  input.value = '';
  input.focus();
}

/** @param {Me} me */
export function showDesk(me) {
  show('sign-in', false);
  show('who', true);
  show('desk', true);
  setText('whoami', `${me.name} (${me.role})`);
  show('supervisor', me.role === 'supervisor');
}
