// @ts-check
// The open conversation's head (customer, status, owner), its command buttons, and what people did in it.
import { byTestId, el, setText, show } from '../shared/dom.js';
import { clock } from './format.js';
import { languageLabel, languagesOfPerson, reads } from './languages.js';
import { renderPacket } from './handoff-packet.js';
import { clearDeliveries } from './deliveries-view.js';
import { CHANNEL_NAMES, clearTranscript, renderTranscript } from './transcript-view.js';

/** @typedef {import('../../../domain/conversation').ConversationView} ConversationView */
/** @typedef {import('../shared/api-types.js').ConversationReadout} ConversationReadout */
/** @typedef {import('../shared/api-types.js').Me} Me */

/**
 * Shows the desk for this conversation (or none) before its view has arrived.
 * @param {string | null} conversationId
 */
export function renderSelection(conversationId) {
  show('no-selection', !conversationId);
  show('conversation', Boolean(conversationId));
  if (conversationId) {
    setText('conversation-id', conversationId);
    setText('conversation-status', 'loading…');
    setText('conversation-customer', '');
    show('conversation-owner', false);
    show('conversation-outcome', false);
    show('conversation-language', false);
  }
}

/** Forgets the conversation shown, so the next one starts clean. */
export function clearConversation() {
  clearTranscript();
  clearDeliveries();
  byTestId('handoff-reviews').replaceChildren();
  byTestId('reply-input', HTMLTextAreaElement).value = '';
  show('resolve-form', false);
}

/**
 * Who owns the conversation now, if a person does.
 * @param {ConversationView | null} view
 */
export const ownerOf = (view) => (view && view.status === 'with_agent' ? (view.handoff?.owner?.agent ?? null) : null);

/** @param {ConversationReadout} view */
export function renderConversation(view) {
  const packet = view.handoff;
  setText('conversation-customer', packet?.profile?.name || packet?.customer.firstName || 'Customer');
  const status = byTestId('conversation-status');
  status.textContent = view.status;
  status.className = `badge status-${view.status}`;
  const owner = ownerOf(view);
  setText('conversation-owner', owner ? `owner: ${view.handoff?.owner?.name ?? owner}` : '');
  show('conversation-owner', Boolean(owner));
  // The operators' outcome, once known: what the dashboard and the scorecards count this conversation as.
  const outcome = byTestId('conversation-outcome');
  outcome.textContent = view.outcome ? `outcome: ${view.outcome}` : '';
  outcome.className = `badge outcome-${view.outcome ?? 'pending'}`;
  outcome.title = view.resolution?.reason ?? '';
  outcome.hidden = !view.outcome;
  // Where the customer is now: the channel they last wrote on, where a reply goes out.
  const current = view.currentChannel ?? view.channel;
  const where = CHANNEL_NAMES[current] ?? current;
  setText('conversation-channel', view.channel === current ? `on ${where}` : `on ${where} (began on ${CHANNEL_NAMES[view.channel] ?? view.channel})`);
  // The handoff says which language the customer was served in; a conversation never handed off has none to show.
  const language = packet?.language ?? (packet ? 'en' : null);
  setText('conversation-language', language ? languageLabel(language) : '');
  show('conversation-language', Boolean(language));
  const written = language && language !== 'en' ? `, as you type it (the customer writes ${languageLabel(language)})` : '';
  setText('reply-channel', `goes out by ${where}${written}`);
  const meta = [view.conversationId];
  if (view.pendingApproval) meta.push(`waiting for approval: ${view.pendingApproval.detail}`);
  if (view.csat) meta.push(`CSAT ${view.csat.score}/5`);
  setText('conversation-id', meta.filter(Boolean).join(' · '));
  renderPacket(packet);
  renderTranscript(view);
  byTestId('agent-actions').replaceChildren(
    ...view.agentActions.map((a) => el('li', { testid: 'agent-action' }, `${clock(a.at)} ${a.by} (${a.role}) ${a.action}`, a.detail ? ` — ${a.detail}` : '')),
  );
}

/**
 * Enables what this person may do now: claim a waiting conversation, take over someone else's
 * (supervisors), and reply, resolve or return their own; nothing while a command runs.
 * @param {{ view: ConversationView | null, me: Me | null, busy: boolean }} desk
 */
export function renderCommands({ view, me, busy }) {
  const status = view ? view.status : null;
  const owner = ownerOf(view);
  const mine = Boolean(owner && me && owner === me.id);
  const idle = !busy && Boolean(view);
  byTestId('claim', HTMLButtonElement).disabled = !(idle && status === 'awaiting_agent');
  show('take-over', Boolean(me && me.role === 'supervisor' && owner && !mine));
  byTestId('take-over', HTMLButtonElement).disabled = !idle;
  byTestId('resolve', HTMLButtonElement).disabled = !(idle && mine);
  byTestId('return-to-bot', HTMLButtonElement).disabled = !(idle && mine);
  byTestId('reply-input', HTMLTextAreaElement).disabled = !(view && mine);
  byTestId('reply-send', HTMLButtonElement).disabled = !(idle && mine);
  byTestId('resolve-confirm', HTMLButtonElement).disabled = !(idle && mine);
  if (!mine) show('resolve-form', false);
  // Before anyone claims: the API lets a person without the customer's language claim, and says so then too.
  const language = view?.handoff ? (view.handoff.language ?? view.language ?? 'en') : null;
  const unread = Boolean(me && language && !mine && !reads(me.languages, language) && (status === 'awaiting_agent' || status === 'with_agent'));
  setText('claim-language-warning', unread && language && me ? `The customer writes ${languageLabel(language)}; you read ${languagesOfPerson(me.languages)}.` : '');
  show('claim-language-warning', unread);
}
