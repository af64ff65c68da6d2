// @ts-check
// The open conversation's later messages (an agent's reply, a receipt): the channel each went out on, and how its delivery went.
import { byTestId, el } from '../shared/dom.js';
import { clock } from './format.js';
import { CHANNEL_NAMES } from './transcript-view.js';

/** @typedef {import('../shared/api-types.js').NoticeDelivery} NoticeDelivery */

/** @type {Record<string, string>} */
const KINDS = {
  agent_reply: 'agent reply',
  late_reply: 'late reply',
  refund: 'refund notice',
  follow_up: 'follow-up',
  sla_apology: 'wait note',
  goodwill_offer: 'goodwill offer',
  bot_message: 'bot message',
};

/** @param {NoticeDelivery[]} deliveries */
export function renderDeliveries(deliveries) {
  byTestId('deliveries').replaceChildren(
    ...deliveries.map((d) =>
      el(
        'li',
        { className: `delivery delivery-${d.status}`, testid: 'delivery', dataset: { status: d.status, channel: d.channel ?? '', seq: d.seq ?? '' } },
        el('time', { attrs: { datetime: d.queuedAt }, text: clock(d.queuedAt) }),
        ` ${KINDS[d.kind ?? 'refund'] ?? d.kind} `,
        el('span', { className: 'badge', testid: 'delivery-where', text: d.channel ? `by ${CHANNEL_NAMES[d.channel] ?? d.channel}` : 'channel not known yet' }),
        ' ',
        el('span', { className: `badge delivery-status-${d.status}`, testid: 'delivery-status', text: d.status === 'failed' ? `failed (${d.attempts}×): ${d.failureReason ?? 'no reason given'}` : d.status }),
        el('p', { className: 'text', text: d.text }),
      ),
    ),
  );
}

export function clearDeliveries() {
  byTestId('deliveries').replaceChildren();
}
