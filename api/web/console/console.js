// @ts-check
// The agent console: the handoff queue, one conversation at a time, supervisors' approvals, and the
// operators' dashboard and quality review. `/console#<conversationId>` opens that conversation.
// Plain browser modules, no build step. This one signs in and out, polls, and runs what the
// buttons ask for; the *-view modules render, with textContent only.
import { ApiError } from '../shared/api-client.js';
import { byTestId, show } from '../shared/dom.js';
import * as api from './desk-api.js';
import { clearApprovals, invalidateApprovals, renderApprovals } from './approvals-view.js';
import { clearConversation, renderCommands, renderConversation, renderSelection } from './conversation-view.js';
import { chosenDays, clearDashboard, renderDashboard } from './dashboard-view.js';
import { renderReviews } from './handoff-packet.js';
import { clearMessage, showFailure, showMessage } from './messages.js';
import { clearNotifications, renderNotifications } from './notifications-view.js';
import { renderDeliveries } from './deliveries-view.js';
import { CHANNEL_NAMES } from './transcript-view.js';
import { clearAudit, renderAuditResults, renderAuditTimeline } from './audit-view.js';
import { clearScorecards, renderScorecards } from './quality-view.js';
import { clearQueue, markSelected, renderQueue } from './queue-view.js';
import { chosenRefundStatus, clearRefunds, renderRefunds } from './refunds-view.js';
import { showDesk, showSignIn } from './sign-in-view.js';
import { currentTab, isTab, showTab, tabsFor } from './tabs-view.js';

/** @typedef {import('../shared/api-types.js').Me} Me */
/** @typedef {import('../shared/api-types.js').ApprovalRequest} ApprovalRequest */
/** @typedef {import('../shared/api-types.js').ClaimResult} ClaimResult */
/** @typedef {import('./desk-api.js').CommandPath} CommandPath */
/** @typedef {import('../shared/api-types.js').ConversationReadout} ConversationReadout */

const TOKEN_KEY = 'open-support.console.token';
const POLL_MS = 2000;
/** The dashboard and the quality list are sums over many conversations: read them less often than the queue. */
const FIGURES_POLL_MS = 15000;
const CONVERSATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const state = {
  /** @type {string | null} */
  token: null,
  /** @type {Me | null} */
  me: null,
  /** @type {string | null} */
  selected: null,
  /** @type {ConversationReadout | null} */
  view: null,
  busy: false,
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  timer: undefined,
  /** Bumped on sign-in and sign-out, so a poll from an earlier session stops. */
  session: 0,
  /** When the dashboard and the quality list were last read (0: read them when next shown). */
  figuresAt: { dashboard: 0, quality: 0 },
};

const desk = () => ({ view: state.view, me: state.me, busy: state.busy });

/**
 * A refused token signs out; anything else is shown.
 * @param {unknown} err
 * @param {string} doing
 */
function showError(err, doing) {
  if (err instanceof ApiError && err.status === 401) {
    signOut();
    showMessage(`Your token was refused (401 ${err.code}): ${err.message}. Sign in again.`);
    return;
  }
  showFailure(err, doing);
}

// ---- signing in -------------------------------------------------------------------------------

/** @param {string} token */
async function signIn(token) {
  state.token = token;
  state.session += 1;
  let me;
  try {
    me = await api.whoAmI(token);
  } catch (err) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn();
    if (err instanceof ApiError && err.status === 401) showMessage('Sign-in failed (401): that token is unknown or revoked.');
    else showError(err, 'sign in');
    return;
  }
  if (tabsFor(me).length === 0) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    showSignIn();
    showMessage(`This console is for agents, supervisors and auditors; that is a ${me.role} token.`);
    return;
  }
  state.me = me;
  state.figuresAt = { dashboard: 0, quality: 0 };
  sessionStorage.setItem(TOKEN_KEY, token);
  clearMessage();
  showDesk(me);
  const linked = conversationInHash();
  if (linked) select(linked);
  else renderSelection(null);
  renderCommands(desk());
  void poll(state.session);
}

/** The conversation `#<conversationId>` names, if the address has one. */
function conversationInHash() {
  let id;
  try {
    id = decodeURIComponent(location.hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  return CONVERSATION_ID.test(id) ? id.toLowerCase() : null;
}

function signOut() {
  state.session += 1;
  clearTimeout(state.timer);
  state.token = null;
  state.me = null;
  state.selected = null;
  state.view = null;
  sessionStorage.removeItem(TOKEN_KEY);
  history.replaceState(null, '', location.pathname);
  clearQueue();
  clearConversation();
  clearApprovals();
  clearNotifications();
  clearRefunds();
  clearDashboard();
  clearScorecards();
  clearAudit();
  showSignIn();
}

// ---- polling ----------------------------------------------------------------------------------

/** @param {number} session */
async function poll(session) {
  if (session !== state.session) return;
  await refreshAll();
  if (session === state.session) state.timer = setTimeout(() => void poll(session), POLL_MS);
}

async function refreshAll() {
  const { session, token, me } = state;
  if (!token) return;
  const staff = me?.role === 'agent' || me?.role === 'supervisor';
  const tab = currentTab();
  const due = (/** @type {'dashboard' | 'quality'} */ view) => tab === view && Date.now() - state.figuresAt[view] >= FIGURES_POLL_MS;
  try {
    await Promise.all([
      staff ? refreshQueue(token, session) : undefined,
      state.selected ? refreshConversation(token, session) : undefined,
      me?.role === 'supervisor' ? refreshSupervisor(token, session) : undefined,
      due('dashboard') ? refreshDashboard(token, session) : undefined,
      due('quality') ? refreshQuality(token, session) : undefined,
    ]);
  } catch (err) {
    if (session === state.session) showError(err, 'refresh');
  }
}

/**
 * @param {string} token
 * @param {number} session
 */
async function refreshQueue(token, session) {
  const queue = await api.readQueue(token, byTestId('queue-mine', HTMLInputElement).checked);
  if (session === state.session) renderQueue(queue, state.selected, select);
}

/**
 * @param {string} token
 * @param {number} session
 */
async function refreshConversation(token, session) {
  const id = state.selected;
  if (!id) return;
  let view;
  try {
    view = await api.readConversation(token, id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && state.selected === id) {
      select(null);
      showMessage(`Conversation ${id} was not found.`);
      return;
    }
    throw err;
  }
  if (session !== state.session || state.selected !== id) return;
  state.view = view;
  renderConversation(view);
  renderCommands(desk());
  const customerId = view.handoff?.customer.customerId;
  const staff = state.me?.role === 'agent' || state.me?.role === 'supervisor';
  const [reviews, deliveries] = await Promise.all([customerId ? api.readReviews(token, customerId) : [], staff ? api.readDeliveries(token, id) : undefined]);
  if (session !== state.session || state.selected !== id) return;
  renderReviews(reviews);
  if (deliveries) renderDeliveries(deliveries);
}

/**
 * @param {string} token
 * @param {number} session
 */
async function refreshSupervisor(token, session) {
  const status = chosenRefundStatus();
  const [approvals, notifications, refunds] = await Promise.all([api.readApprovals(token), api.readNotifications(token), api.readRefunds(token, status)]);
  if (session !== state.session) return;
  renderApprovals(approvals, { onDecide: decide, onOpen: select });
  renderNotifications(notifications, select);
  // A filter changed while this was on its way is shown by the next refresh instead.
  if (status === chosenRefundStatus()) renderRefunds(refunds, select);
}

/**
 * @param {string} token
 * @param {number} session
 */
async function refreshDashboard(token, session) {
  const days = chosenDays();
  state.figuresAt.dashboard = Date.now();
  const summary = await api.readSummary(token, days);
  // A period changed while this was on its way is shown by its own read instead.
  if (session === state.session && days === chosenDays()) renderDashboard(summary);
}

/**
 * @param {string} token
 * @param {number} session
 */
async function refreshQuality(token, session) {
  state.figuresAt.quality = Date.now();
  const scorecards = await api.readFailingScorecards(token);
  if (session === state.session) renderScorecards(scorecards);
}

// ---- the audit ---------------------------------------------------------------------------------

/** Searches with what the form holds (empty fields are left out) and lists what matches. */
async function searchAudit() {
  const { token, session } = state;
  if (!token) return;
  const value = (/** @type {string} */ testid) => byTestId(testid, HTMLInputElement).value.trim();
  try {
    const rows = await api.searchAudit(token, { customer: value('audit-customer'), order: value('audit-order'), since: value('audit-since'), until: value('audit-until') });
    if (session === state.session) renderAuditResults(rows, (id) => void openAuditTimeline(id));
  } catch (err) {
    if (session === state.session) showError(err, 'search the conversations');
  }
}

/** @param {string} conversationId */
async function openAuditTimeline(conversationId) {
  const { token, session } = state;
  if (!token) return;
  try {
    const timeline = await api.readAuditTimeline(token, conversationId);
    if (session === state.session) renderAuditTimeline(timeline);
  } catch (err) {
    if (session === state.session) showError(err, 'read the timeline');
  }
}

// ---- what the buttons do ----------------------------------------------------------------------

/**
 * Opens a conversation in the desk (any status, in the queue or not) and keeps the address's
 * `#<conversationId>` in step, so the address is always a link to what is open.
 * @param {string | null} conversationId
 */
function select(conversationId) {
  if (conversationId) showTab('desk');
  state.selected = conversationId;
  state.view = null;
  history.replaceState(null, '', conversationId ? `#${conversationId}` : location.pathname);
  clearConversation();
  renderSelection(conversationId);
  renderCommands(desk());
  markSelected(conversationId);
  if (conversationId && state.token) void refreshConversation(state.token, state.session).catch((err) => showError(err, 'open the conversation'));
}

/**
 * Runs one command on the selected conversation, then refreshes what it changed.
 * @param {string} doing what the person is trying to do, for the message if it fails
 * @param {CommandPath} path
 * @param {object} body
 * @param {(result: ClaimResult) => void} done
 */
async function command(doing, path, body, done) {
  const id = state.selected;
  const token = state.token;
  if (!id || !token || state.busy) return;
  clearMessage();
  state.busy = true;
  renderCommands(desk());
  try {
    done(await api.runCommand(token, id, path, body));
  } catch (err) {
    showError(err, doing);
  } finally {
    state.busy = false;
    renderCommands(desk());
  }
  await refreshAll();
}

/**
 * @param {ApprovalRequest} approval
 * @param {'approve' | 'deny'} decision
 * @param {string} reason
 */
async function decide(approval, decision, reason) {
  const token = state.token;
  if (!token) return;
  clearMessage();
  try {
    await api.decideApproval(token, approval.approvalId, { decision, ...(reason ? { reason } : {}) });
    showMessage(`${decision === 'approve' ? 'Approved' : 'Denied'}: ${approval.detail}`, 'info');
  } catch (err) {
    showError(err, `${decision} ${approval.approvalId}`);
  }
  invalidateApprovals();
  await refreshAll();
}

// ---- wiring -----------------------------------------------------------------------------------

function start() {
  const tokenInput = byTestId('token-input', HTMLInputElement);
  const outcomeInput = byTestId('outcome-input', HTMLInputElement);
  const replyInput = byTestId('reply-input', HTMLTextAreaElement);
  const replyForm = byTestId('reply-form', HTMLFormElement);

  byTestId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    if (token) void signIn(token);
    else showMessage('Paste a token first.');
  });
  byTestId('sign-out').addEventListener('click', () => {
    signOut();
    showMessage('Signed out.', 'info');
  });
  byTestId('message-dismiss').addEventListener('click', clearMessage);
  for (const button of byTestId('tabs').querySelectorAll('button')) {
    button.addEventListener('click', () => {
      const tab = button.dataset.tab ?? '';
      if (!isTab(tab) || !state.me) return;
      showTab(tab);
      if (tab === 'dashboard' || tab === 'quality') state.figuresAt[tab] = 0;
      void refreshAll();
    });
  }
  byTestId('audit-search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void searchAudit();
  });
  byTestId('dashboard-days').addEventListener('change', () => {
    const { token, session } = state;
    if (token) void refreshDashboard(token, session).catch((err) => showError(err, 'read the dashboard'));
  });
  // A deep link followed inside the page (from the quality list, or typed into the address bar).
  globalThis.addEventListener('hashchange', () => {
    const linked = conversationInHash();
    if (state.me && linked) select(linked);
  });
  // A link to the conversation already open changes no hash, yet should bring it back into view.
  byTestId('scorecards').addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link && link.hash === location.hash && state.me) {
      event.preventDefault();
      const linked = conversationInHash();
      if (linked) select(linked);
    }
  });
  byTestId('refunds-status').addEventListener('change', () => {
    const { token, session } = state;
    if (token && state.me?.role === 'supervisor') void refreshSupervisor(token, session).catch((err) => showError(err, 'list the refunds'));
  });

  // A claim by someone without the customer's language goes through; the API's warning is what they read next.
  byTestId('claim').addEventListener('click', () =>
    void command('claim', 'claim', {}, (r) => showMessage(r.warning ? `Claimed; you own it (${r.status}). ${r.warning.message}` : `Claimed; you own it (${r.status}).`, r.warning ? 'warning' : 'info')));
  byTestId('take-over').addEventListener('click', () =>
    void command('take over', 'claim', { takeOver: true }, (r) => showMessage(r.warning ? `Taken over. ${r.warning.message}` : 'Taken over.', r.warning ? 'warning' : 'info')));
  byTestId('queue-mine').addEventListener('change', () => {
    const { token, session } = state;
    if (token) void refreshQueue(token, session).catch((err) => showError(err, 'read the queue'));
  });
  byTestId('return-to-bot').addEventListener('click', () => void command('return it to the bot', 'return-to-bot', {}, () => showMessage('Returned to the bot.', 'info')));
  byTestId('resolve').addEventListener('click', () => {
    show('resolve-form', true);
    outcomeInput.focus();
  });
  byTestId('resolve-cancel').addEventListener('click', () => show('resolve-form', false));
  byTestId('resolve-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void command('resolve', 'resolve', { outcome: outcomeInput.value.trim() }, () => {
      outcomeInput.value = '';
      show('resolve-form', false);
      showMessage('Resolved.', 'info');
    });
  });
  replyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = replyInput.value;
    if (!text.trim()) return;
    const view = state.view;
    const current = view ? (view.currentChannel ?? view.channel) : undefined;
    void command('send the reply', 'agent-messages', { text }, () => {
      replyInput.value = '';
      if (current) showMessage(`Reply sent; it goes out by ${CHANNEL_NAMES[current] ?? current}. Its delivery is under Later messages.`, 'info');
    });
  });
  replyInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) replyForm.requestSubmit();
  });

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) void signIn(saved);
  else showSignIn();
}

// A module runs once the page is parsed: every element it looks for is there.
start();
