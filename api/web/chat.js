// The customer's chat page: starts a conversation with a channel token, then talks to it with the
// conversation's own token. Replies and later agent messages are shown with textContent only.
'use strict';

(() => {
  const SAVED_KEY = 'open-support.chat';
  const POLL_MS = 2000;
  const SPEAKERS = { customer: 'You', bot: 'Assistant', agent: 'Support agent', system: 'Note' };
  const STATUS = {
    open: 'Chatting with our assistant',
    awaiting_agent: 'Waiting for a colleague',
    with_agent: 'Chatting with a support agent',
    resolved: 'Resolved',
    closed: 'Closed',
  };

  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const state = {
    channelToken: null,
    conversation: null, // { id, token }
    sending: false,
    renderedKey: '',
    lastSeq: 0,
    /** The last seq when options were shown: newer turns make them stale. */
    optionsSeq: null,
    timer: null,
    session: 0,
  };

  const { ApiError, callApi } = window.SupportApi;

  async function api(method, path, token, body) {
    return callApi(method, path, token, body, 'we could not reach support; check your connection');
  }

  function showMessage(text) {
    const box = $('chat-message');
    box.textContent = text;
    box.hidden = !text;
  }

  const describe = (err) => (err instanceof ApiError && err.status ? `${err.status} ${err.code}: ${err.message}` : err.message || String(err));

  function bubble(from, text, extraClass) {
    const li = document.createElement('li');
    li.className = `turn from-${from}${extraClass ? ` ${extraClass}` : ''}`;
    li.dataset.testid = 'chat-turn';
    li.dataset.from = from;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = SPEAKERS[from] || from;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    li.append(who, body);
    return li;
  }

  function scrollDown() {
    const log = $('chat-log');
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(status) {
    $('chat-status').textContent = STATUS[status] || status || '';
    $('chat-status').dataset.status = status || '';
  }

  function showOptions(options) {
    const box = $('chat-options');
    box.replaceChildren(
      ...(options || []).map((option) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.testid = 'chat-option';
        button.dataset.optionId = option.id;
        button.textContent = option.label;
        button.addEventListener('click', () => void send(option.label));
        return button;
      }),
    );
    box.hidden = !options || options.length === 0;
    state.optionsSeq = options && options.length ? state.lastSeq : null;
  }

  function renderView(view) {
    setStatus(view.status);
    const earlier = $('chat-earlier');
    earlier.textContent = view.earlierSummary ? `Earlier: ${view.earlierSummary}` : '';
    earlier.hidden = !view.earlierSummary;
    const turns = view.transcript || [];
    const last = turns.length ? turns[turns.length - 1].seq : 0;
    const key = `${turns.length}:${turns.length ? turns[0].seq : 0}:${last}`;
    state.lastSeq = last;
    if (state.optionsSeq !== null && last > state.optionsSeq) showOptions([]);
    if (key === state.renderedKey) return;
    state.renderedKey = key;
    $('chat-log').replaceChildren(...turns.map((t) => bubble(t.from, t.text)));
    scrollDown();
  }

  async function refresh() {
    const conversation = state.conversation;
    if (!conversation || state.sending) return;
    try {
      const view = await api('GET', `/v1/conversations/${encodeURIComponent(conversation.id)}`, conversation.token);
      if (state.conversation === conversation && !state.sending) renderView(view);
    } catch (err) {
      if (err instanceof ApiError && [401, 403, 404].includes(err.status)) {
        forget();
        showMessage('This conversation is no longer available. Start a new one.');
        return;
      }
      showMessage(`Could not refresh: ${describe(err)}`);
    }
  }

  async function poll(session) {
    if (session !== state.session) return;
    await refresh();
    if (session === state.session) state.timer = setTimeout(() => void poll(session), POLL_MS);
  }

  function showChat() {
    $('chat-start-form').hidden = true;
    $('chat').hidden = false;
    $('chat-new').hidden = false;
    $('chat-input').focus();
    state.session += 1;
    clearTimeout(state.timer);
    void poll(state.session);
  }

  function showStart() {
    $('chat').hidden = true;
    $('chat-new').hidden = true;
    $('chat-start-form').hidden = false;
    $('chat-token-input').value = state.channelToken || '';
    setStatus('');
  }

  function forget() {
    state.session += 1;
    clearTimeout(state.timer);
    state.conversation = null;
    state.renderedKey = '';
    state.lastSeq = 0;
    sessionStorage.removeItem(SAVED_KEY);
    $('chat-log').replaceChildren();
    showOptions([]);
    showStart();
  }

  async function start(channelToken) {
    showMessage('');
    $('chat-start').disabled = true;
    try {
      const created = await api('POST', '/v1/conversations', channelToken, { channel: 'chat' });
      state.channelToken = channelToken;
      state.conversation = { id: created.conversationId, token: created.token };
      // Only the conversation's own token is kept: it reaches this one conversation and nothing else.
      sessionStorage.setItem(SAVED_KEY, JSON.stringify(state.conversation));
      $('chat-log').dataset.conversationId = created.conversationId;
      showChat();
    } catch (err) {
      showStart();
      showMessage(err instanceof ApiError && err.status === 401 ? 'That channel token was refused (401).' : `Could not start: ${describe(err)}`);
    } finally {
      $('chat-start').disabled = false;
    }
  }

  async function send(text) {
    const conversation = state.conversation;
    if (!conversation || state.sending || !text.trim()) return;
    showMessage('');
    state.sending = true;
    $('chat-send').disabled = true;
    $('chat-log').append(bubble('customer', text, 'pending'));
    scrollDown();
    let result;
    try {
      result = await api('POST', `/v1/conversations/${encodeURIComponent(conversation.id)}/messages`, conversation.token, { text });
      $('chat-input').value = '';
    } catch (err) {
      $('chat-log').lastElementChild?.remove();
      showMessage(`Your message was not sent: ${describe(err)}`);
    } finally {
      state.sending = false;
      $('chat-send').disabled = false;
    }
    if (!result) return;
    // The transcript is the truth; the replies in hand stand in if it cannot be read right now.
    const before = state.renderedKey;
    await refresh();
    if (state.renderedKey === before) {
      $('chat-log').lastElementChild?.classList.remove('pending');
      for (const reply of result.replies || []) $('chat-log').append(bubble('bot', reply.text));
      scrollDown();
      setStatus(result.status);
    }
    showOptions(result.options);
    $('chat-input').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get('token');
    if (fromUrl) {
      // Out of the address bar (and the history) once read.
      url.searchParams.delete('token');
      history.replaceState(null, '', url.pathname + url.search);
    }

    $('chat-start-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('chat-token-input').value.trim();
      if (token) void start(token);
    });
    $('chat-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void send($('chat-input').value);
    });
    $('chat-new').addEventListener('click', () => {
      forget();
      if (state.channelToken) void start(state.channelToken);
    });

    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SAVED_KEY) || 'null');
    } catch {
      saved = null;
    }
    state.channelToken = fromUrl;
    if (saved && saved.id && saved.token) {
      state.conversation = saved;
      $('chat-log').dataset.conversationId = saved.id;
      showChat();
    } else if (fromUrl) {
      void start(fromUrl);
    } else {
      showStart();
    }
  });
})();
