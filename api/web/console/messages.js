// @ts-check
// The message bar above the desk: errors and confirmations, one at a time.
import { ApiError } from '../shared/api-client.js';
import { byTestId, setText } from '../shared/dom.js';

/**
 * @param {string} text
 * @param {'error' | 'warning' | 'info'} [kind]
 */
export function showMessage(text, kind = 'error') {
  const box = byTestId('message');
  box.className = `message ${kind}`;
  box.dataset.kind = kind;
  setText('message-text', text);
  box.hidden = false;
}

export function clearMessage() {
  byTestId('message').hidden = true;
  setText('message-text', '');
}

/**
 * "Could not claim: 409 already_claimed: …"; `doing` is what the person was trying to do.
 * @param {unknown} err
 * @param {string} [doing]
 */
export function showFailure(err, doing) {
  const prefix = doing ? `Could not ${doing}: ` : '';
  if (err instanceof ApiError) showMessage(`${prefix}${err.status ? `${err.status} ` : ''}${err.code}: ${err.message}`);
  else showMessage(`${prefix}${err instanceof Error ? err.message : String(err)}`);
}
