// @ts-check
// The choices the bot offered ("which order?"), as buttons that answer with their label.
import { byTestId, el } from '../shared/dom.js';

/** @typedef {import('../../../domain/conversation').ReplyOption} ReplyOption */

/**
 * @param {ReplyOption[]} options none hides the row
 * @param {(label: string) => void} onPick
 */
export function showOptions(options, onPick) {
  const box = byTestId('chat-options');
  box.replaceChildren(
    ...options.map((option) =>
      el('button', { testid: 'chat-option', dataset: { optionId: option.id }, attrs: { type: 'button' }, text: option.label, onClick: () => onPick(option.label) }),
    ),
  );
  box.hidden = options.length === 0;
}
