// @ts-check
// The handoff packet: why the bot handed over, who the customer is, what was asked and tried.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { money, sla } from './format.js';

/** @typedef {import('../../../domain/conversation').HandoffPacket} HandoffPacket */
/** @typedef {import('../../../domain/conversation').CustomerProfile} CustomerProfile */
/** @typedef {import('../shared/api-types.js').ReviewRow} ReviewRow */

/** @param {HandoffPacket | null} packet */
export function renderPacket(packet) {
  show('handoff-none', !packet);
  show('handoff-body', Boolean(packet));
  if (!packet) return;
  setText('handoff-summary', packet.summary);
  const priority = byTestId('handoff-priority');
  priority.textContent = packet.priority;
  priority.className = `badge priority-${packet.priority}`;
  const due = sla(packet.slaDueAt);
  const breaches = packet.slaBreaches ? ` · SLA missed ${packet.slaBreaches}×` : '';
  setText('handoff-sla', `${packet.status === 'awaiting_agent' ? due.text : ''}${breaches}`);
  byTestId('handoff-sla').className = due.overdue ? 'overdue' : '';

  listOrNone('handoff-reasons', packet.reasons.map((r) => el('li', { testid: 'handoff-reason' }, el('code', { text: r.code }), r.detail ? ` ${r.detail}` : '')), false);
  listOrNone(
    'handoff-signals',
    packet.signals.map((s) => el('li', {}, el('code', { text: s.code }), s.detail ? ` ${s.detail}` : '', s.seq ? ` (turn ${s.seq})` : '')),
  );

  listOrNone(
    'handoff-injection-flags',
    (packet.injectionFlags ?? []).map((f) => el('li', { testid: 'handoff-injection-flag' }, `turn ${f.seq}: possible prompt injection (p ${f.probability.toFixed(2)}); the bot read it as data only`)),
  );

  const c = packet.customer;
  setText('handoff-customer', c.verified ? `verified${c.customerId ? ` · ${c.customerId}` : ''}${c.firstName ? ` · ${c.firstName}` : ''}` : 'not verified');
  const p = packet.pendingRequest;
  setText('handoff-pending', p ? [p.kind, `step: ${p.step}`, p.orderId, p.detail].filter(Boolean).join(' · ') : 'none');
  byTestId('handoff-profile').replaceChildren(...(packet.profile ? profileParts(packet.profile) : []));

  listOrNone(
    'handoff-intents',
    packet.intents.map((i) => el('li', { testid: 'handoff-intent' }, el('code', { text: i.intent }), ` · ${i.tier} · ${i.confidence.toFixed(2)} (turn ${i.seq})`)),
  );
  listOrNone(
    'handoff-actions',
    packet.attemptedActions.map((a) =>
      el('li', { testid: 'handoff-action' }, el('code', { text: a.name }), ' ', el('span', { className: `badge action-${a.status}`, text: a.status }), a.detail ? ` ${a.detail}` : ''),
    ),
  );
}

/**
 * Fills a list; an empty one says "none" unless `sayNone` is false.
 * @param {string} testid
 * @param {HTMLLIElement[]} items
 * @param {boolean} [sayNone]
 */
function listOrNone(testid, items, sayNone = true) {
  byTestId(testid).replaceChildren(...items);
  if (sayNone && items.length === 0) byTestId(testid).append(el('li', { className: 'muted', text: 'none' }));
}

/** @param {CustomerProfile} profile */
function profileParts(profile) {
  return [
    el('h4', { text: 'Customer profile' }),
    el('p', { testid: 'profile-name' }, el('strong', { text: profile.name }), ` · ${profile.email}`, profile.city ? ` · ${profile.city}` : ''),
    el('p', { className: 'small', text: `Payment methods: ${profile.paymentMethods.join('; ') || 'none'}` }),
    el(
      'table',
      { className: 'orders' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Order' }), el('th', { text: 'Status' }), el('th', { text: 'Total' }))),
      el('tbody', {}, ...profile.orders.map((o) => el('tr', {}, el('td', { text: o.orderId }), el('td', { text: o.status }), el('td', { text: money(o.totalCents) })))),
    ),
  ];
}

/**
 * The reviews the verified customer has left, beside their profile.
 * @param {ReviewRow[]} reviews
 */
export function renderReviews(reviews) {
  byTestId('handoff-reviews').replaceChildren(
    ...(reviews.length === 0
      ? []
      : [
          el('h4', { text: 'Reviews' }),
          el(
            'ul',
            { className: 'plain' },
            ...reviews.map((r) => el('li', { testid: 'handoff-review' }, el('strong', { text: `${r.rating}/5` }), ` ${r.productName} (${r.orderId}): ${r.text}`)),
          ),
        ]),
  );
}
