// @ts-check
// The open conversation's transcript, kept scrolled to the end while someone reads the end.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock } from './format.js';
import { languageLabel } from './languages.js';

/** @typedef {import('../../../domain/conversation').ConversationView} ConversationView */
/** @typedef {import('../../../domain/conversation').Speaker} Speaker */

/** @type {Record<Speaker, string>} */
const SPEAKERS = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

/** How each channel is named to a person: where a turn came in or went out. */
export const CHANNEL_NAMES = /** @type {Record<string, string>} */ ({ chat: 'chat', email: 'e-mail', voice: 'phone', sms: 'SMS' });

/** Which turns the list shows now: it is rebuilt only when that changes. */
let shownKey = '';

/** @param {ConversationView} view */
export function renderTranscript(view) {
  const turns = view.transcript;
  // Turns the prompt-injection detector flagged carry a badge, so the person reads them as the bot did: as data.
  const flagged = new Set(view.decisions.filter((d) => d.kind === 'injection_flagged').map((d) => d.seq));
  const key = `${view.conversationId}:${turns.length}:${turns.at(0)?.seq ?? 0}:${turns.at(-1)?.seq ?? 0}:${flagged.size}`;
  const language = view.handoff?.language ?? view.language ?? (turns.some((t) => t.english) ? null : 'en');
  const foreign = language !== 'en';
  // No machine translation anywhere: the customer's words as written, the bot's as it sent them beside its English template.
  setText('language-aid', foreign ? `The customer's messages are shown as they wrote them; each bot reply is shown as sent${language ? ` in ${languageLabel(language)}` : ''}, beside the English template it was rendered from.` : '');
  show('language-aid', foreign);
  setText('earlier-summary', view.earlierSummary ? `Earlier: ${view.earlierSummary}` : '');
  show('earlier-summary', Boolean(view.earlierSummary));
  if (key === shownKey) return;
  shownKey = key;
  const list = byTestId('transcript');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  list.replaceChildren(
    ...turns.map((t) =>
      el(
        'li',
        { className: `turn from-${t.from}`, testid: 'turn', dataset: { from: t.from, seq: t.seq, channel: t.channel } },
        el('span', { className: 'speaker', text: SPEAKERS[t.from] }),
        el('time', { attrs: { datetime: t.at }, text: clock(t.at) }),
        ...(t.channel ? [el('span', { className: `badge channel channel-${t.channel}`, testid: 'turn-channel', text: CHANNEL_NAMES[t.channel] ?? t.channel })] : []),
        ...(flagged.has(t.seq) ? [el('span', { className: 'badge injection-flag', testid: 'injection-flag', text: 'possible prompt injection' })] : []),
        t.english ? sideBySide(t.text, t.english, language) : el('p', { className: 'text', testid: 'turn-text', text: t.text }),
      ),
    ),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

/**
 * A bot turn in the customer's language and the English it was rendered from, in two columns.
 * @param {string} text
 * @param {string} english
 * @param {string | null} language
 */
function sideBySide(text, english, language) {
  return el(
    'div',
    { className: 'side-by-side', testid: 'turn-side-by-side' },
    el('div', { className: 'column' },
      el('span', { className: 'column-label', text: language ? languageLabel(language) : 'As sent' }),
      el('p', { className: 'text', testid: 'turn-text', attrs: language ? { lang: language } : {}, text })),
    el('div', { className: 'column' },
      el('span', { className: 'column-label', text: 'English template' }),
      el('p', { className: 'text', testid: 'turn-english', attrs: { lang: 'en' }, text: english })),
  );
}

export function clearTranscript() {
  shownKey = '';
  byTestId('transcript').replaceChildren();
}
