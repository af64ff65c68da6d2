// The agent console: the handoff queue, one conversation at a time, and supervisors' approvals.
// Plain browser JavaScript, no build step. Everything the API returns is shown with textContent:
// customer text is untrusted and never becomes markup.
'use strict';

(() => {
  const TOKEN_KEY = 'open-support.console.token';
  const POLL_MS = 2000;
  const SPEAKERS = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System' };

  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  const state = {
    token: null,
    me: null,
    selected: null,
    view: null,
    busy: false,
    timer: null,
    /** Bumped on sign-in and sign-out, so a poll from an earlier session stops. */
    session: 0,
    keys: { queue: '', transcript: '', approvals: '', notifications: '' },
  };

  const { ApiError, callApi } = window.SupportApi;

  async function api(method, path, body) {
    return callApi(method, path, state.token, body, 'the API did not answer; is it running?');
  }

  /** A new element; strings among the children become text nodes, never markup. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key === 'testid') node.dataset.testid = value;
      else if (key === 'className') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key === 'onClick') node.addEventListener('click', value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  const setText = (testid, text) => {
    $(testid).textContent = text === undefined || text === null ? '' : String(text);
  };
  const show = (testid, visible) => {
    $(testid).hidden = !visible;
  };

  // ---- messages ---------------------------------------------------------------------------------

  function showMessage(text, kind = 'error') {
    const box = $('message');
    box.className = `message ${kind}`;
    box.dataset.kind = kind;
    setText('message-text', text);
    box.hidden = false;
  }

  function clearMessage() {
    $('message').hidden = true;
    setText('message-text', '');
  }

  function showError(err, doing) {
    if (err instanceof ApiError && err.status === 401) {
      signOut();
      showMessage(`Your token was refused (401 ${err.code}): ${err.message}. Sign in again.`);
      return;
    }
    const prefix = doing ? `Could not ${doing}: ` : '';
    if (err instanceof ApiError) showMessage(`${prefix}${err.status ? `${err.status} ` : ''}${err.code}: ${err.message}`);
    else showMessage(`${prefix}${err && err.message ? err.message : String(err)}`);
  }

  // ---- time -------------------------------------------------------------------------------------

  function minutes(ms) {
    const m = Math.round(Math.abs(ms) / 60000);
    if (m < 1) return 'under a minute';
    if (m < 120) return `${m} min`;
    return `${Math.round(m / 60)} h`;
  }

  function clock(at) {
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? String(at) : date.toLocaleTimeString();
  }

  /** "SLA in 8 min" or "SLA passed 2 min ago"; overdue is true once the time has passed. */
  function sla(dueAt) {
    if (!dueAt) return { text: '', overdue: false };
    const left = new Date(dueAt).getTime() - Date.now();
    if (Number.isNaN(left)) return { text: '', overdue: false };
    return left >= 0 ? { text: `SLA in ${minutes(left)}`, overdue: false } : { text: `SLA passed ${minutes(left)} ago`, overdue: true };
  }

  const money = (cents) => `$${(Number(cents) / 100).toFixed(2)}`;
  const reasonsText = (reasons) => (Array.isArray(reasons) ? reasons.map((r) => (typeof r === 'string' ? r : r.code)).join(', ') : String(reasons || ''));

  // ---- signing in -------------------------------------------------------------------------------

  async function signIn(token) {
    state.token = token;
    state.session += 1;
    let me;
    try {
      me = await api('GET', '/v1/me');
    } catch (err) {
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn();
      if (err instanceof ApiError && err.status === 401) showMessage('Sign-in failed (401): that token is unknown or revoked.');
      else showError(err, 'sign in');
      return;
    }
    if (me.role !== 'agent' && me.role !== 'supervisor') {
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn();
      showMessage(`This console is for agents and supervisors; that is a ${me.role} token.`);
      return;
    }
    state.me = me;
    sessionStorage.setItem(TOKEN_KEY, token);
    clearMessage();
    showDesk();
    const fromHash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (/^[0-9a-f-]{36}$/i.test(fromHash)) state.selected = fromHash;
    void poll(state.session);
  }

  function signOut() {
    state.session += 1;
    clearTimeout(state.timer);
    state.token = null;
    state.me = null;
    state.selected = null;
    state.view = null;
    state.keys = { queue: '', transcript: '', approvals: '', notifications: '' };
    sessionStorage.removeItem(TOKEN_KEY);
    history.replaceState(null, '', location.pathname);
    $('queue').replaceChildren();
    $('transcript').replaceChildren();
    $('approvals').replaceChildren();
    $('notifications').replaceChildren();
    showSignIn();
  }

  function showSignIn() {
    show('desk', false);
    show('who', false);
    show('sign-in', true);
    $('token-input').value = '';
    $('token-input').focus();
  }

  function showDesk() {
    show('sign-in', false);
    show('who', true);
    show('desk', true);
    setText('whoami', `${state.me.name} (${state.me.role})`);
    show('supervisor', state.me.role === 'supervisor');
    renderSelection();
  }

  // ---- polling ----------------------------------------------------------------------------------

  async function poll(session) {
    if (session !== state.session) return;
    await refreshAll();
    if (session === state.session) state.timer = setTimeout(() => void poll(session), POLL_MS);
  }

  async function refreshAll() {
    const session = state.session;
    try {
      await Promise.all([
        refreshQueue(),
        state.selected ? refreshConversation() : undefined,
        state.me && state.me.role === 'supervisor' ? refreshSupervisor() : undefined,
      ]);
    } catch (err) {
      if (session === state.session) showError(err, 'refresh');
    }
  }

  async function refreshQueue() {
    const { queue } = await api('GET', '/v1/agent/queue');
    renderQueue(queue);
    setText('queue-updated', `Updated ${new Date().toLocaleTimeString()}`);
  }

  async function refreshConversation() {
    const id = state.selected;
    let view;
    try {
      view = await api('GET', `/v1/conversations/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && state.selected === id) {
        select(null);
        showMessage(`Conversation ${id} was not found.`);
        return;
      }
      throw err;
    }
    if (state.selected !== id) return;
    state.view = view;
    renderConversation(view);
  }

  async function refreshSupervisor() {
    const [{ approvals }, { notifications }] = await Promise.all([api('GET', '/v1/approvals'), api('GET', '/v1/agent/notifications')]);
    renderApprovals(approvals);
    renderNotifications(notifications);
  }

  // ---- the queue --------------------------------------------------------------------------------

  function renderQueue(queue) {
    // Rebuilt only when something shows differently (SLA texts move every half minute).
    const key = JSON.stringify([queue, state.selected, Math.floor(Date.now() / 30000)]);
    if (key === state.keys.queue) return;
    state.keys.queue = key;
    setText('queue-count', queue.length ? `(${queue.length})` : '');
    show('queue-empty', queue.length === 0);
    $('queue').replaceChildren(
      ...queue.map((item) => {
        const due = sla(item.slaDueAt);
        const who = item.status === 'with_agent' ? `with ${item.claimedBy || 'an agent'}` : 'waiting';
        return el(
          'li',
          {
            className: `queue-item${item.conversationId === state.selected ? ' selected' : ''}`,
            testid: 'queue-item',
            dataset: { conversationId: item.conversationId, status: item.status, priority: item.priority },
          },
          el(
            'button',
            { type: 'button', onClick: () => select(item.conversationId) },
            el('span', { className: 'line' },
              el('span', { className: `badge priority-${item.priority}`, testid: 'queue-priority', text: item.priority }),
              el('strong', { className: 'name', text: item.customerName || 'Unverified customer' }),
              el('span', { className: `badge status-${item.status}`, testid: 'queue-status', text: who })),
            el('span', { className: 'reasons', testid: 'queue-reasons', text: reasonsText(item.reasons) }),
            el('span', { className: 'summary', testid: 'queue-summary', text: item.summary }),
            el('span', { className: 'line small' },
              el('span', { text: `asked ${minutes(Date.now() - new Date(item.requestedAt).getTime())} ago` }),
              item.status === 'awaiting_agent' && due.text ? el('span', { className: due.overdue ? 'overdue' : '', testid: 'queue-sla', text: due.text }) : null),
          ),
        );
      }),
    );
  }

  function select(conversationId) {
    state.selected = conversationId;
    state.view = null;
    state.keys.transcript = '';
    state.keys.queue = '';
    history.replaceState(null, '', conversationId ? `#${conversationId}` : location.pathname);
    $('transcript').replaceChildren();
    $('reply-input').value = '';
    show('resolve-form', false);
    renderSelection();
    for (const li of $('queue').children) li.classList.toggle('selected', li.dataset.conversationId === conversationId);
    if (conversationId) void refreshConversation().catch((err) => showError(err, 'open the conversation'));
  }

  function renderSelection() {
    show('no-selection', !state.selected);
    show('conversation', Boolean(state.selected));
    if (state.selected) {
      setText('conversation-id', state.selected);
      setText('conversation-status', 'loading…');
      setText('conversation-customer', '');
      show('conversation-owner', false);
      renderCommands();
    }
  }

  // ---- one conversation -------------------------------------------------------------------------

  function renderConversation(view) {
    const packet = view.handoff;
    const name = (packet && packet.profile && packet.profile.name) || (packet && packet.customer && packet.customer.firstName) || 'Customer';
    setText('conversation-customer', name);
    const status = $('conversation-status');
    status.textContent = view.status;
    status.className = `badge status-${view.status}`;
    const owner = packet && packet.owner && view.status === 'with_agent' ? packet.owner.agent : null;
    setText('conversation-owner', owner ? `owner: ${owner}` : '');
    show('conversation-owner', Boolean(owner));
    const meta = [view.conversationId, view.channel];
    if (view.pendingApproval) meta.push(`waiting for approval: ${view.pendingApproval.detail}`);
    if (view.csat) meta.push(`CSAT ${view.csat.score}/5`);
    setText('conversation-id', meta.filter(Boolean).join(' · '));
    renderCommands();
    renderPacket(packet);
    renderTranscript(view);
    $('agent-actions').replaceChildren(
      ...(view.agentActions || []).map((a) =>
        el('li', { testid: 'agent-action' }, `${clock(a.at)} ${a.by} (${a.role}) ${a.action}`, a.detail ? ` — ${a.detail}` : ''),
      ),
    );
  }

  function renderCommands() {
    const view = state.view;
    const me = state.me;
    const status = view ? view.status : null;
    const owner = view && view.handoff && view.handoff.owner && status === 'with_agent' ? view.handoff.owner.agent : null;
    const mine = Boolean(owner && me && owner === me.name);
    const idle = !state.busy && Boolean(view);
    $('claim').disabled = !(idle && status === 'awaiting_agent');
    show('take-over', Boolean(me && me.role === 'supervisor' && status === 'with_agent' && owner && !mine));
    $('take-over').disabled = !idle;
    $('resolve').disabled = !(idle && mine);
    $('return-to-bot').disabled = !(idle && mine);
    $('reply-input').disabled = !(view && mine);
    $('reply-send').disabled = !(idle && mine);
    $('resolve-confirm').disabled = !(idle && mine);
    if (!mine) show('resolve-form', false);
  }

  function renderPacket(packet) {
    show('handoff-none', !packet);
    show('handoff-body', Boolean(packet));
    if (!packet) return;
    setText('handoff-summary', packet.summary);
    const priority = $('handoff-priority');
    priority.textContent = packet.priority;
    priority.className = `badge priority-${packet.priority}`;
    const due = sla(packet.slaDueAt);
    const breaches = packet.slaBreaches ? ` · SLA missed ${packet.slaBreaches}×` : '';
    setText('handoff-sla', `${packet.status === 'awaiting_agent' ? due.text : ''}${breaches}`);
    $('handoff-sla').className = due.overdue ? 'overdue' : '';

    $('handoff-reasons').replaceChildren(
      ...(packet.reasons || []).map((r) => el('li', { testid: 'handoff-reason' }, el('code', { text: r.code }), r.detail ? ` ${r.detail}` : '')),
    );
    $('handoff-signals').replaceChildren(
      ...(packet.signals || []).map((s) => el('li', {}, el('code', { text: s.code }), s.detail ? ` ${s.detail}` : '', s.seq ? ` (turn ${s.seq})` : '')),
    );
    if (!packet.signals || packet.signals.length === 0) $('handoff-signals').append(el('li', { className: 'muted', text: 'none' }));

    const c = packet.customer || {};
    setText('handoff-customer', c.verified ? `verified${c.customerId ? ` · ${c.customerId}` : ''}${c.firstName ? ` · ${c.firstName}` : ''}` : 'not verified');

    const p = packet.pendingRequest;
    setText('handoff-pending', p ? [p.kind, `step: ${p.step}`, p.orderId, p.detail].filter(Boolean).join(' · ') : 'none');

    const profile = packet.profile;
    const box = $('handoff-profile');
    if (!profile) {
      box.replaceChildren();
    } else {
      box.replaceChildren(
        el('h4', { text: 'Customer profile' }),
        el('p', { testid: 'profile-name' }, el('strong', { text: profile.name }), ` · ${profile.email}`, profile.city ? ` · ${profile.city}` : ''),
        el('p', { className: 'small', text: `Payment methods: ${(profile.paymentMethods || []).join('; ') || 'none'}` }),
        el(
          'table',
          { className: 'orders' },
          el('thead', {}, el('tr', {}, el('th', { text: 'Order' }), el('th', { text: 'Status' }), el('th', { text: 'Total' }))),
          el('tbody', {}, ...(profile.orders || []).map((o) => el('tr', {}, el('td', { text: o.orderId }), el('td', { text: o.status }), el('td', { text: money(o.totalCents) })))),
        ),
      );
    }

    $('handoff-intents').replaceChildren(
      ...(packet.intents || []).map((i) =>
        el('li', { testid: 'handoff-intent' }, el('code', { text: i.intent }), ` · ${i.tier} · ${Number(i.confidence).toFixed(2)} (turn ${i.seq})`),
      ),
    );
    if (!packet.intents || packet.intents.length === 0) $('handoff-intents').append(el('li', { className: 'muted', text: 'none' }));
    $('handoff-actions').replaceChildren(
      ...(packet.attemptedActions || []).map((a) =>
        el('li', { testid: 'handoff-action' }, el('code', { text: a.name }), ' ', el('span', { className: `badge action-${a.status}`, text: a.status }), a.detail ? ` ${a.detail}` : ''),
      ),
    );
    if (!packet.attemptedActions || packet.attemptedActions.length === 0) $('handoff-actions').append(el('li', { className: 'muted', text: 'none' }));
  }

  function renderTranscript(view) {
    const turns = view.transcript || [];
    const key = `${view.conversationId}:${turns.length}:${turns.length ? turns[0].seq : 0}:${turns.length ? turns[turns.length - 1].seq : 0}`;
    setText('earlier-summary', view.earlierSummary ? `Earlier: ${view.earlierSummary}` : '');
    show('earlier-summary', Boolean(view.earlierSummary));
    if (key === state.keys.transcript) return;
    state.keys.transcript = key;
    const list = $('transcript');
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
    list.replaceChildren(
      ...turns.map((t) =>
        el(
          'li',
          { className: `turn from-${t.from}`, testid: 'turn', dataset: { from: t.from, seq: t.seq } },
          el('span', { className: 'speaker', text: SPEAKERS[t.from] || t.from }),
          el('time', { dateTime: t.at, text: clock(t.at) }),
          el('p', { className: 'text', testid: 'turn-text', text: t.text }),
        ),
      ),
    );
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  /** Runs one command on the selected conversation, then refreshes what it changed. */
  async function command(doing, path, body, done) {
    const id = state.selected;
    if (!id || state.busy) return;
    clearMessage();
    state.busy = true;
    renderCommands();
    try {
      const result = await api('POST', `/v1/conversations/${encodeURIComponent(id)}/${path}`, body);
      if (done) done(result);
    } catch (err) {
      showError(err, doing);
    } finally {
      state.busy = false;
      renderCommands();
    }
    await refreshAll();
  }

  // ---- supervisors ------------------------------------------------------------------------------

  function renderApprovals(approvals) {
    const key = JSON.stringify(approvals);
    if (key === state.keys.approvals) return;
    state.keys.approvals = key;
    setText('approvals-count', approvals.length ? `(${approvals.length})` : '');
    show('approvals-empty', approvals.length === 0);
    $('approvals').replaceChildren(
      ...approvals.map((a) => {
        // Approvals are named by approvalId (conversation and proposal); older APIs named them by proposalId.
        const id = a.approvalId || a.proposalId;
        const reason = el('input', { testid: 'approval-reason', placeholder: 'Reason (optional)', maxlength: 500, 'aria-label': 'Reason' });
        const decide = (decision) => async (event) => {
          const buttons = event.currentTarget.parentElement.querySelectorAll('button');
          for (const b of buttons) b.disabled = true;
          clearMessage();
          try {
            const text = reason.value.trim();
            await api('POST', `/v1/approvals/${encodeURIComponent(id)}`, { decision, ...(text ? { reason: text } : {}) });
            showMessage(`${decision === 'approve' ? 'Approved' : 'Denied'}: ${a.detail}`, 'info');
          } catch (err) {
            showError(err, `${decision} ${id}`);
          }
          state.keys.approvals = '';
          await refreshAll();
        };
        return el(
          'li',
          { className: 'card', testid: 'approval', dataset: { approvalId: id, proposalId: a.proposalId, conversationId: a.conversationId } },
          el('p', {}, el('code', { text: a.action }), ` · needs a ${a.role} · ${clock(a.requestedAt)}`),
          el('p', { testid: 'approval-detail', text: a.detail }),
          el('p', { className: 'small', testid: 'approval-why', text: a.reason }),
          reason,
          el(
            'div',
            { className: 'buttons' },
            el('button', { type: 'button', testid: 'approve', className: 'primary', onClick: decide('approve') }, 'Approve'),
            el('button', { type: 'button', testid: 'deny', onClick: decide('deny') }, 'Deny'),
            el('button', { type: 'button', testid: 'approval-open', className: 'link', onClick: () => select(a.conversationId) }, 'Open conversation'),
          ),
        );
      }),
    );
  }

  function renderNotifications(notifications) {
    const key = JSON.stringify(notifications);
    if (key === state.keys.notifications) return;
    state.keys.notifications = key;
    show('notifications-empty', notifications.length === 0);
    $('notifications').replaceChildren(
      ...notifications.map((n) =>
        el(
          'li',
          { className: 'card', testid: 'notification', dataset: { kind: n.kind, conversationId: n.conversationId || '' } },
          el('p', { className: 'small' }, el('code', { text: n.kind }), ` · ${clock(n.at)}`),
          el('p', { testid: 'notification-text', text: n.text }),
          n.conversationId ? el('button', { type: 'button', className: 'link', onClick: () => select(n.conversationId) }, 'Open conversation') : null,
        ),
      ),
    );
  }

  // ---- wiring -----------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('sign-in-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token-input').value.trim();
      if (!token) return showMessage('Paste a token first.');
      void signIn(token);
    });
    $('sign-out').addEventListener('click', () => {
      signOut();
      showMessage('Signed out.', 'info');
    });
    $('message-dismiss').addEventListener('click', clearMessage);

    $('claim').addEventListener('click', () => void command('claim', 'claim', {}, (r) => showMessage(`Claimed; you own it (${r.status}).`, 'info')));
    $('take-over').addEventListener('click', () => void command('take over', 'claim', { takeOver: true }, () => showMessage('Taken over.', 'info')));
    $('return-to-bot').addEventListener('click', () => void command('return it to the bot', 'return-to-bot', {}, () => showMessage('Returned to the bot.', 'info')));
    $('resolve').addEventListener('click', () => {
      show('resolve-form', true);
      $('outcome-input').focus();
    });
    $('resolve-cancel').addEventListener('click', () => show('resolve-form', false));
    $('resolve-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const outcome = $('outcome-input').value.trim();
      void command('resolve', 'resolve', { outcome }, () => {
        $('outcome-input').value = '';
        show('resolve-form', false);
        showMessage('Resolved.', 'info');
      });
    });
    $('reply-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('reply-input').value;
      if (!text.trim()) return;
      void command('send the reply', 'agent-messages', { text }, () => {
        $('reply-input').value = '';
      });
    });
    $('reply-input').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('reply-form').requestSubmit();
    });

    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) void signIn(saved);
    else showSignIn();
  });
})();
