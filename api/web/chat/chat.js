// @ts-check
// The customer's chat page: starts a conversation with a public widget key, then talks to it with the
// conversation's own token. This module runs the conversation; the *-view modules render, with
// textContent only.
import { ApiError } from '../shared/api-client.js';
import { byTestId } from '../shared/dom.js';
import { readConversation, sendMessage, startConversation } from './chat-api.js';
import { showOptions } from './options-view.js';
import { forgetConversation, loadConversation, saveConversation } from './saved-conversation.js';
import { setStatus, showMessage } from './status-view.js';
import { appendPending, clearTurns, confirmPending, dropPending, labelLog, renderTurns } from './transcript-view.js';

/** @typedef {import('./saved-conversation.js').SavedConversation} SavedConversation */
/** @typedef {import('../../../domain/conversation').ConversationView} ConversationView */
/** @typedef {import('../../../domain/conversation').ReplyOption} ReplyOption */

const state = {
  /** @type {string | null} */
  widgetKey: null,
  /** @type {SavedConversation | null} */
  conversation: null,
  sending: false,
  lastSeq: 0,
  /** @type {number | null} The last seq when options were shown: newer turns make them stale. */
  optionsSeq: null,
  /** @type {EventSource | null} The conversation's live events: each one says the transcript has news. */
  stream: null,
};

/** @param {unknown} err */
const describe = (err) => {
  if (err instanceof ApiError && err.status) return `${err.status} ${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
};

/** @param {ReplyOption[]} options */
function offer(options) {
  showOptions(options, (label) => void send(label));
  state.optionsSeq = options.length ? state.lastSeq : null;
}

/**
 * Shows the conversation; true if the transcript changed.
 * @param {ConversationView} view
 */
function renderView(view) {
  setStatus(view.status);
  state.lastSeq = view.transcript.at(-1)?.seq ?? 0;
  if (state.optionsSeq !== null && state.lastSeq > state.optionsSeq) offer([]);
  return renderTurns(view.transcript, view.earlierSummary);
}

/** Reads the conversation and shows it; true if the transcript changed. */
async function refresh() {
  const conversation = state.conversation;
  if (!conversation || state.sending) return false;
  try {
    const view = await readConversation(conversation);
    return state.conversation === conversation && !state.sending && renderView(view);
  } catch (err) {
    if (err instanceof ApiError && [401, 403, 404].includes(err.status)) {
      forget();
      showMessage('This conversation is no longer available. Start a new one.');
      return false;
    }
    showMessage(`Could not refresh: ${describe(err)}`);
    return false;
  }
}

/** Reads the conversation again whenever its event stream says something happened (no polling). */
function listen() {
  const conversation = state.conversation;
  state.stream?.close();
  if (!conversation) return;
  const stream = new EventSource(`/v1/conversations/${encodeURIComponent(conversation.id)}/events?token=${encodeURIComponent(conversation.token)}`);
  state.stream = stream;
  for (const name of ['message', 'status']) stream.addEventListener(name, () => void refresh());
  stream.addEventListener('error', () => {
    // Refused (not a dropped connection, which EventSource retries itself): refresh says why.
    if (stream.readyState === EventSource.CLOSED && state.stream === stream) void refresh();
  });
}

function showChat() {
  byTestId('chat-start-form').hidden = true;
  byTestId('chat').hidden = false;
  byTestId('chat-new').hidden = false;
  byTestId('chat-input').focus();
  listen();
}

function showStart() {
  byTestId('chat').hidden = true;
  byTestId('chat-new').hidden = true;
  byTestId('chat-start-form').hidden = false;
  byTestId('chat-token-input', HTMLInputElement).value = state.widgetKey || '';
  setStatus(null);
}

function forget() {
  state.stream?.close();
  state.stream = null;
  state.conversation = null;
  state.lastSeq = 0;
  forgetConversation();
  clearTurns();
  offer([]);
  showStart();
}

/** @param {string} widgetKey */
async function start(widgetKey) {
  showMessage('');
  const button = byTestId('chat-start', HTMLButtonElement);
  button.disabled = true;
  try {
    const created = await startConversation(widgetKey);
    state.widgetKey = widgetKey;
    state.conversation = { id: created.conversationId, token: created.token };
    saveConversation(state.conversation);
    labelLog(created.conversationId);
    showChat();
  } catch (err) {
    showStart();
    showMessage(err instanceof ApiError && (err.status === 401 || err.status === 403) ? 'That widget key was refused.' : `Could not start: ${describe(err)}`);
  } finally {
    button.disabled = false;
  }
}

/** @param {string} text */
async function send(text) {
  const conversation = state.conversation;
  if (!conversation || state.sending || !text.trim()) return;
  const input = byTestId('chat-input', HTMLInputElement);
  const button = byTestId('chat-send', HTMLButtonElement);
  showMessage('');
  state.sending = true;
  button.disabled = true;
  appendPending(text);
  let result;
  try {
    result = await sendMessage(conversation, text);
    input.value = '';
  } catch (err) {
    dropPending();
    showMessage(`Your message was not sent: ${describe(err)}`);
  } finally {
    state.sending = false;
    button.disabled = false;
  }
  if (!result) return;
  if ('accepted' in result) {
    // A part is down: the reply comes into the transcript, and the event stream says when.
    confirmPending([]);
    showMessage('Your message has been received. The reply will appear here as soon as it is ready.');
    input.focus();
    return;
  }
  // The transcript is the truth; the replies in hand stand in if it cannot be read right now.
  if (!(await refresh())) {
    confirmPending(result.replies);
    setStatus(result.status);
  }
  offer(result.options ?? []);
  input.focus();
}

function begin() {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl) {
    // Out of the address bar (and the history) once read.
    url.searchParams.delete('key');
    history.replaceState(null, '', url.pathname + url.search);
  }

  byTestId('chat-start-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byTestId('chat-token-input', HTMLInputElement).value.trim();
    if (token) void start(token);
  });
  byTestId('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void send(byTestId('chat-input', HTMLInputElement).value);
  });
  byTestId('chat-new').addEventListener('click', () => {
    forget();
    if (state.widgetKey) void start(state.widgetKey);
  });

  const saved = loadConversation();
  state.widgetKey = fromUrl;
  if (saved) {
    state.conversation = saved;
    labelLog(saved.id);
    showChat();
  } else if (fromUrl) {
    void start(fromUrl);
  } else {
    showStart();
  }
}

// A module runs once the page is parsed: every element it looks for is there.
begin();
