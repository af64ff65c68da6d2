// @ts-check
// The embeddable chat widget: one classic script any site adds with
//   <script src="https://support.example/widget.js" data-widget-key="sst_widget_…"></script>
// It opens a conversation with the public widget key, then talks to it with the conversation's own
// token; replies and agents' messages arrive over server-sent events. Everything it draws lives in a
// shadow root, so the host page's styles cannot reach it, and customer text only ever becomes text nodes.
(() => {
  /** @typedef {import('../../../domain/conversation').Turn} Turn */
  /** @typedef {import('../../../domain/conversation').ReplyOption} ReplyOption */
  /** @typedef {import('../../../domain/conversation').ConversationStatus} ConversationStatus */
  /** @typedef {{ id: string, token: string }} SavedConversation */
  /** @typedef {{ status: ConversationStatus, options?: ReplyOption[] }} StatusEvent */

  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return;
  const widgetKey = script.dataset.widgetKey ?? '';
  const api = new URL(script.src).origin;
  // One conversation per API and key on this site, kept for the tab's life (reloads included).
  const SAVED_KEY = `open-support.widget:${api}:${widgetKey.slice(-12)}`;

  /** @type {Record<ConversationStatus, string>} */
  const STATUS = {
    open: 'Chatting with our assistant',
    awaiting_agent: 'Waiting for a colleague',
    with_agent: 'Chatting with a support agent',
    resolved: 'Resolved',
    closed: 'Closed',
  };
  /** @type {Record<Turn['from'], string>} */
  const SPEAKERS = { customer: 'You', bot: 'Assistant', agent: 'Support agent', system: 'Note' };
  /** What a customer can start with, without typing. */
  /** @type {ReplyOption[]} */
  const STARTERS = ['I want to cancel my order', 'Where is my order?', 'I want to talk to a person'].map((label) => ({ id: label, label }));

  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 14px; line-height: 1.4; }
    [hidden] { display: none !important; }
    .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483647; border: none; border-radius: 24px; padding: 12px 18px; background: #0969da; color: #fff; cursor: pointer; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
    .panel { position: fixed; right: 20px; bottom: 76px; z-index: 2147483647; width: 340px; max-width: calc(100vw - 40px); height: 480px; max-height: calc(100vh - 100px); display: flex; flex-direction: column; background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 12px; box-shadow: 0 8px 24px rgba(0,0,0,.2); overflow: hidden; }
    header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #0969da; color: #fff; }
    header strong { flex: 1; }
    header .status { font-size: 12px; opacity: .9; }
    header button { background: none; border: none; color: #fff; cursor: pointer; font-size: 18px; padding: 0 4px; }
    .log { list-style: none; margin: 0; padding: 10px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
    .turn { max-width: 85%; padding: 6px 10px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
    .turn .who { display: block; font-size: 11px; font-weight: 600; opacity: .7; }
    .from-customer { align-self: flex-end; background: #0969da; color: #fff; }
    .from-bot { align-self: flex-start; background: #eaeef2; }
    .from-agent { align-self: flex-start; background: #dafbe1; }
    .from-system { align-self: center; background: #fff8c5; font-size: 12px; }
    .pending { opacity: .6; }
    .typing { padding: 0 12px 6px; font-size: 12px; color: #656d76; font-style: italic; }
    .options { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 10px 8px; }
    .options button { border: 1px solid #0969da; border-radius: 14px; padding: 4px 10px; background: #fff; color: #0969da; cursor: pointer; }
    .message { margin: 0 10px 8px; padding: 6px 8px; border-radius: 6px; background: #ffebe9; border: 1px solid #ff8182; font-size: 12px; }
    form { display: flex; gap: 6px; padding: 8px 10px; border-top: 1px solid #d0d7de; }
    input { flex: 1; padding: 6px 8px; border: 1px solid #d0d7de; border-radius: 6px; }
    form button { border: none; border-radius: 6px; padding: 6px 12px; background: #0969da; color: #fff; cursor: pointer; }
    button:disabled { opacity: .5; cursor: not-allowed; }
  `;

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {{ className?: string, testid?: string, text?: string, attrs?: Record<string, string> }} [props]
   * @param {...Node} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    if (props.className) node.className = props.className;
    if (props.testid) node.dataset.testid = props.testid;
    if (props.text !== undefined) node.textContent = props.text;
    for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  // An element name of its own, shown whatever the page says about its children (inline !important wins).
  const host = document.createElement('open-support-chat');
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  // Open, so that tests and assistive tools can look in; the host page's CSS still cannot.
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];

  const launcher = el('button', { className: 'launcher', testid: 'widget-launcher', text: 'Chat with us', attrs: { type: 'button', 'aria-expanded': 'false' } });
  const status = el('span', { className: 'status', testid: 'widget-status' });
  const close = el('button', { testid: 'widget-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close chat' } });
  const log = el('ol', { className: 'log', testid: 'widget-log', attrs: { 'aria-live': 'polite' } });
  const typing = el('div', { className: 'typing', testid: 'widget-typing', text: 'Assistant is typing…' });
  const options = el('div', { className: 'options', testid: 'widget-options' });
  const message = el('div', { className: 'message', testid: 'widget-message', attrs: { role: 'alert' } });
  const input = el('input', { testid: 'widget-input', attrs: { maxlength: '4000', placeholder: 'Type your message', 'aria-label': 'Your message', autocomplete: 'off' } });
  const send = el('button', { testid: 'widget-send', text: 'Send', attrs: { type: 'submit' } });
  const form = el('form', {}, input, send);
  const panel = el(
    'section',
    { className: 'panel', testid: 'widget-panel', attrs: { role: 'dialog', 'aria-label': 'Chat with support' } },
    el('header', {}, el('strong', { text: 'Support' }), status, close),
    log,
    typing,
    options,
    message,
    form,
  );
  root.append(launcher, panel);
  panel.hidden = true;
  typing.hidden = true;
  message.hidden = true;

  const state = {
    /** @type {SavedConversation | null} */
    conversation: null,
    /** @type {EventSource | null} */
    stream: null,
    lastSeq: 0,
    sending: false,
    starting: false,
    /** @type {HTMLLIElement | null} the customer's message until the stream brings it back */
    pending: null,
  };

  /** @returns {SavedConversation | null} */
  function loadSaved() {
    try {
      const saved = /** @type {unknown} */ (JSON.parse(sessionStorage.getItem(SAVED_KEY) || 'null'));
      if (typeof saved !== 'object' || saved === null || !('id' in saved) || !('token' in saved)) return null;
      const { id, token } = saved;
      return typeof id === 'string' && typeof token === 'string' && id && token ? { id, token } : null;
    } catch {
      return null;
    }
  }

  /** @param {string} text */
  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  /**
   * @param {Turn['from']} from
   * @param {string} text
   */
  function bubble(from, text) {
    return el('li', { className: `turn from-${from}`, testid: 'widget-turn', attrs: { 'data-from': from } }, el('span', { className: 'who', text: SPEAKERS[from] }), el('span', { className: 'text', text }));
  }

  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };

  /** @param {ReplyOption[]} choices each answered with its label */
  function showChoices(choices) {
    options.replaceChildren(
      ...choices.map((choice) => {
        const button = el('button', { testid: 'widget-option', text: choice.label, attrs: { type: 'button', 'data-option-id': choice.id } });
        button.addEventListener('click', () => void sendText(choice.label));
        return button;
      }),
    );
    options.hidden = choices.length === 0;
  }

  /**
   * A call to the API with a bearer token; the JSON answer, or an Error carrying the status.
   * @param {'GET' | 'POST'} method
   * @param {string} path
   * @param {string} token
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, path, token, body) {
    /** @type {Record<string, string>} */
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${api}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
    const data = /** @type {any} */ (await response.json().catch(() => undefined));
    if (!response.ok) throw Object.assign(new Error(data?.error?.message ?? `HTTP ${response.status}`), { status: response.status });
    return data;
  }

  /** @param {unknown} err */
  const statusOf = (err) => (err instanceof Error && 'status' in err ? Number(err.status) : 0);

  function forget() {
    state.stream?.close();
    state.stream = null;
    state.conversation = null;
    state.lastSeq = 0;
    sessionStorage.removeItem(SAVED_KEY);
    log.replaceChildren();
    typing.hidden = true;
    status.textContent = '';
    showChoices(STARTERS);
  }

  /** Listens to the conversation; the stream first sends the whole transcript, so a reload shows it again. */
  function listen() {
    const conversation = state.conversation;
    if (!conversation) return;
    state.stream?.close();
    const url = `${api}/v1/conversations/${encodeURIComponent(conversation.id)}/events?token=${encodeURIComponent(conversation.token)}`;
    const stream = new EventSource(url);
    state.stream = stream;
    stream.addEventListener('message', (event) => {
      const turn = /** @type {Turn} */ (JSON.parse(event.data));
      if (turn.seq <= state.lastSeq) return;
      state.lastSeq = turn.seq;
      if (turn.from === 'customer' && state.pending) {
        state.pending.remove();
        state.pending = null;
      }
      log.append(bubble(turn.from, turn.text));
      scrollDown();
    });
    stream.addEventListener('typing', (event) => {
      typing.hidden = !(/** @type {{ active: boolean }} */ (JSON.parse(event.data)).active);
    });
    stream.addEventListener('status', (event) => {
      const update = /** @type {StatusEvent} */ (JSON.parse(event.data));
      status.textContent = STATUS[update.status] ?? '';
      status.dataset.status = update.status;
      showChoices(update.options?.length ? update.options : state.lastSeq === 0 ? STARTERS : []);
    });
    stream.addEventListener('open', () => say(''));
    stream.addEventListener('error', () => {
      // EventSource reconnects by itself after a dropped connection; it gives up only when refused.
      if (stream.readyState !== EventSource.CLOSED || state.stream !== stream) return;
      call('GET', `/v1/conversations/${encodeURIComponent(conversation.id)}`, conversation.token).then(
        () => setTimeout(() => state.stream === stream && listen(), 3000),
        (err) => {
          if ([401, 403, 404].includes(statusOf(err))) {
            forget();
            say('This conversation has ended. Write to start a new one.');
          } else {
            say('We lost the connection to support; trying again…');
            setTimeout(() => state.stream === stream && listen(), 3000);
          }
        },
      );
    });
  }

  async function start() {
    const created = await call('POST', '/v1/conversations', widgetKey, { channel: 'chat' });
    state.conversation = { id: created.conversationId, token: created.token };
    sessionStorage.setItem(SAVED_KEY, JSON.stringify(state.conversation));
    listen();
  }

  /** @param {string} text */
  async function sendText(text) {
    text = text.trim();
    if (!text || state.sending) return;
    state.sending = true;
    send.disabled = true;
    say('');
    showChoices([]);
    state.pending = el('li', { className: 'turn from-customer pending', testid: 'widget-pending' }, el('span', { className: 'text', text }));
    log.append(state.pending);
    scrollDown();
    try {
      if (!state.conversation) await start();
      const conversation = /** @type {SavedConversation} */ (state.conversation);
      const answer = await call('POST', `/v1/conversations/${encodeURIComponent(conversation.id)}/messages`, conversation.token, { text });
      input.value = '';
      if (answer?.accepted) say('Your message has been received. The reply will appear here as soon as it is ready.');
    } catch (err) {
      state.pending?.remove();
      state.pending = null;
      const code = statusOf(err);
      if (code === 401 && state.conversation) {
        forget();
        say('This conversation has ended. Send your message again to start a new one.');
      } else {
        say(`Your message was not sent: ${err instanceof Error ? err.message : String(err)}`);
      }
    } finally {
      state.sending = false;
      send.disabled = false;
      input.focus();
    }
  }

  /** @param {boolean} open */
  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    sessionStorage.setItem(`${SAVED_KEY}:open`, open ? '1' : '');
    if (open) input.focus();
  }

  launcher.addEventListener('click', () => toggle(panel.hidden === true));
  close.addEventListener('click', () => toggle(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendText(input.value);
  });

  state.conversation = loadSaved();
  if (state.conversation) listen();
  else showChoices(STARTERS);
  if (!widgetKey) say('This chat is not set up: the script tag needs data-widget-key.');
  if (sessionStorage.getItem(`${SAVED_KEY}:open`)) toggle(true);

  const attach = () => document.body.append(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
})();
