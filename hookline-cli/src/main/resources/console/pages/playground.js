// The playground: a channel view acting as a minimal chat server through Hookline's public contract. Posts go to
// `posts` as the user and channel picked here; replies come back from `post-commands` rendered as Mattermost
// renders them; clicks, menu choices and dialog submissions go to `interactions`.
import { h, field, showErrors, clearErrors, replace } from '../ui.js';
import { renderPost } from '../playground/render.js';
import { DialogView } from '../playground/dialog.js';

const SEAT_KEY = 'hookline-playground-seat';
const DEFAULT_SEAT = {
  user_id: 'alice000000000000000000001', username: 'alice',
  channel_id: 'townsquare0000000000000001', channel_name: 'town-square',
  team_id: 'engineering000000000000001', team_name: 'engineering',
};
const SEAT_FIELDS = [
  ['username', 'Username'], ['user_id', 'User id'], ['channel_name', 'Channel name'], ['channel_id', 'Channel id'],
  ['team_name', 'Team name'], ['team_id', 'Team id'],
];
const RESULT_WAIT_MS = 30000;

function loadSeat() {
  try {
    const saved = JSON.parse(localStorage.getItem(SEAT_KEY) || 'null');
    if (saved && typeof saved === 'object') return { ...DEFAULT_SEAT, ...saved };
  } catch (e) { /* a damaged entry: start over */ }
  return { ...DEFAULT_SEAT };
}

/** Answers that may come over the stream before or after the request that caused them has returned its id. */
class Pending {
  constructor() { this.waiting = new Map(); this.early = new Map(); }

  expect(id) {
    if (this.early.has(id)) {
      const data = this.early.get(id);
      this.early.delete(id);
      return Promise.resolve(data);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('No answer came within ' + RESULT_WAIT_MS / 1000 + ' s.'));
      }, RESULT_WAIT_MS);
      this.waiting.set(id, (data) => { clearTimeout(timer); resolve(data); });
    });
  }

  settle(id, data) {
    const resolve = this.waiting.get(id);
    if (resolve) {
      this.waiting.delete(id);
      resolve(data);
    } else {
      this.early.set(id, data);
      if (this.early.size > 100) this.early.delete(this.early.keys().next().value);
    }
  }
}

export async function mount(element, api) {
  let seat = loadSeat();
  const views = new Map();
  const directory = { users: [], channels: [] };
  const clicks = new Pending();
  const lookups = new Pending();
  // Mattermost's client opens only a dialog whose trigger id one of its own clicks received. A click's result and
  // its dialog may both arrive before the click's request has returned its id: both wait here until it does.
  const myClicks = new Set();
  const myTriggers = new Set();
  const triggerOfClick = new Map();
  const waitingDialogs = new Map();
  let dialog = null;
  let replyTo = null;
  let closeStream = () => {};

  const posts = h('div', { class: 'pg-posts', role: 'log', 'aria-label': 'Channel' });
  const status = h('span', { class: 'pg-status muted' }, 'connecting…');
  const title = h('h1', { class: 'pg-title' });
  const replyBar = h('div', { class: 'pg-reply-bar', hidden: true });
  const message = h('textarea', { name: 'message', rows: 2, placeholder: 'Write to the channel (Enter sends, Shift+Enter: new line)' });
  const compose = h('form', { class: 'pg-compose', novalidate: true },
    replyBar,
    h('div', { class: 'pg-compose-row' }, message, h('button', { type: 'submit', class: 'primary' }, 'Send')),
    h('div', { class: 'field-error', 'data-error-for': 'message' }),
    h('div', { class: 'form-error' }));
  const seatForm = h('form', { class: 'pg-seat panel', novalidate: true },
    h('h2', {}, 'Who and where'),
    ...SEAT_FIELDS.map(([name, label]) => field(label, h('input', { type: 'text', name, value: seat[name], autocomplete: 'off' }))),
    h('div', { class: 'form-error' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Enter channel')));
  const known = h('div', { class: 'pg-known panel' });
  const dialogHost = h('div', { class: 'pg-dialog-host' });

  replace(element, h('section', { class: 'playground' },
    h('aside', { class: 'pg-side' }, seatForm, known),
    h('div', { class: 'pg-channel' }, h('header', { class: 'pg-channel-header' }, title, status), posts, compose),
    dialogHost));

  if (!document.querySelector('link[data-playground-css]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: 'playground.css', 'data-playground-css': '' }));
  }

  const ctx = {
    onAction: (post, action, value) => click(post, action, value),
    findPost: (id) => views.get(id) || null,
    knownUsers: () => {
      const users = [...directory.users];
      if (!users.some((u) => u.id === seat.user_id)) users.unshift({ id: seat.user_id, username: seat.username });
      return users;
    },
    knownChannels: () => {
      const channels = [...directory.channels];
      if (!channels.some((c) => c.id === seat.channel_id)) channels.unshift({ id: seat.channel_id, name: seat.channel_name });
      return channels;
    },
  };

  function seatBody(extra) {
    return { ...seat, ...extra };
  }

  function order(a, b) {
    return (Number(a.post.create_at) || 0) - (Number(b.post.create_at) || 0);
  }

  function renderOne(view) {
    const node = renderPost(view, ctx);
    const reply = h('button', { type: 'button', class: 'pg-reply link', title: 'Reply in thread' }, 'Reply');
    reply.addEventListener('click', () => startReply(view));
    node.querySelector('.post-header').append(reply);
    return node;
  }

  function upsert(view) {
    if (!view || !view.post || !view.post.id) return;
    const id = view.post.id;
    const old = posts.querySelector(`article[data-post-id="${CSS.escape(id)}"]`);
    const error = old ? old.querySelector('.post-action-error').textContent : '';
    views.set(id, view);
    const node = renderOne(view);
    node.querySelector('.post-action-error').textContent = error;
    if (old) {
      old.replaceWith(node);
      return;
    }
    const stick = posts.scrollHeight - posts.scrollTop - posts.clientHeight < 40;
    const after = [...posts.children].find((n) => {
      const other = views.get(n.dataset.postId);
      return other && order(view, other) < 0;
    });
    posts.insertBefore(node, after || null);
    if (stick || !after) posts.scrollTop = posts.scrollHeight;
  }

  function showActionError(postId, text) {
    const node = posts.querySelector(`article[data-post-id="${CSS.escape(postId)}"] .post-action-error`);
    if (node) node.textContent = text;
  }

  async function click(post, action, value) {
    showActionError(post.id, '');
    let answer;
    try {
      answer = await api.post('/api/playground/actions',
        seatBody({ post_id: post.id, action_id: action.id, selected_option: value }));
    } catch (e) {
      showActionError(post.id, e.message);
      return;
    }
    myClicks.add(answer.interaction_id);
    if (triggerOfClick.has(answer.interaction_id)) ownTrigger(triggerOfClick.get(answer.interaction_id));
    try {
      const result = await clicks.expect(answer.interaction_id);
      if (result.error) {
        showActionError(post.id, result.error.message || 'Action failed to execute');
      }
    } catch (e) {
      showActionError(post.id, e.message);
    }
  }

  function ownTrigger(trigger) {
    myTriggers.add(trigger);
    const waiting = waitingDialogs.get(trigger);
    if (waiting) {
      waitingDialogs.delete(trigger);
      openDialog(waiting);
    }
  }

  function clickResult(data) {
    const trigger = data.response && data.response.trigger_id;
    if (trigger) {
      if (myClicks.has(data.interaction_id)) ownTrigger(trigger);
      else {
        triggerOfClick.set(data.interaction_id, trigger);
        if (triggerOfClick.size > 100) triggerOfClick.delete(triggerOfClick.keys().next().value);
      }
    }
    clicks.settle(data.interaction_id, data);
  }

  function openDialog(data) {
    if (!myTriggers.has(data.trigger_id)) {
      waitingDialogs.set(data.trigger_id, data);
      if (waitingDialogs.size > 20) waitingDialogs.delete(waitingDialogs.keys().next().value);
      return;
    }
    if (dialog) dialog.close();
    const id = data.dialog_id;
    const view = new DialogView(dialogHost, data.dialog, {
      submit: async (values) => {
        await api.post(`/api/playground/dialogs/${encodeURIComponent(id)}/submit`, seatBody({ submission: values }));
      },
      cancel: async () => {
        if (dialog === view) dialog = null;
        await api.post(`/api/playground/dialogs/${encodeURIComponent(id)}/cancel`, seatBody({})).catch(() => {});
      },
      refresh: async (values, name) => {
        await api.post(`/api/playground/dialogs/${encodeURIComponent(id)}/refresh`,
          seatBody({ submission: values, selected_field: name })).catch((e) => view.showErrors(e.errors, e.message));
      },
      lookup: async (name, query, values) => {
        const answer = await api.post(`/api/playground/dialogs/${encodeURIComponent(id)}/lookup`,
          seatBody({ submission: values, selected_field: name, query }));
        const result = await lookups.expect(answer.interaction_id);
        return result.response && Array.isArray(result.response.items) ? result.response.items : [];
      },
      knownUsers: ctx.knownUsers,
      knownChannels: ctx.knownChannels,
    });
    view.dialogId = id;
    dialog = view;
  }

  function onEvent(name, data) {
    switch (name) {
      case 'snapshot':
        views.clear();
        posts.replaceChildren();
        for (const view of data.posts || []) upsert(view);
        if (!(data.posts || []).length) {
          posts.append(h('p', { class: 'pg-empty muted' }, 'No posts here yet. Create a hook for this channel, then write its trigger word.'));
        }
        break;
      case 'post': {
        const empty = posts.querySelector('.pg-empty');
        if (empty) empty.remove();
        upsert(data);
        // a person's post may bring a user or a channel the pickers do not know yet
        if (data.post && data.username && (!directory.users.some((u) => u.id === data.post.user_id)
            || !directory.channels.some((c) => c.id === data.post.channel_id))) refreshDirectory();
        break;
      }
      case 'action_result':
        clickResult(data);
        break;
      case 'open_dialog':
        openDialog(data);
        break;
      case 'dialog_result':
        if (dialog && data.dialog_id === dialog.dialogId) {
          if (!dialog.answer(data.response, data.error)) dialog = null;
        }
        break;
      case 'lookup_result':
        lookups.settle(data.interaction_id, data);
        break;
      default:
    }
  }

  function connect() {
    closeStream();
    title.textContent = `~${seat.channel_name || seat.channel_id}`;
    title.title = `${seat.team_name} / ${seat.channel_name} as @${seat.username}`;
    status.textContent = `as @${seat.username} · connecting…`;
    const path = '/api/playground/stream' + api.query({ channel_id: seat.channel_id, user_id: seat.user_id });
    closeStream = api.stream(path, onEvent, (state, error) => {
      status.textContent = `as @${seat.username} · ` + (state === 'open' ? 'live'
        : state === 'error' ? `disconnected: ${error && error.message}` : 'reconnecting…');
      status.dataset.state = state;
    });
  }

  async function refreshDirectory() {
    try {
      const d = await api.get('/api/playground/directory');
      directory.users = d.users || [];
      directory.channels = d.channels || [];
    } catch (e) {
      return;
    }
    replace(known,
      h('h2', {}, 'Seen so far'),
      h('div', { class: 'pg-known-list' },
        h('span', { class: 'muted' }, 'Users: '),
        ...directory.users.map((u) => h('button', {
          type: 'button', class: 'link', onclick: () => switchSeat({ user_id: u.id, username: u.username }),
        }, '@' + u.username)),
        h('br'),
        h('span', { class: 'muted' }, 'Channels: '),
        ...directory.channels.map((c) => h('button', {
          type: 'button',
          class: 'link',
          onclick: () => switchSeat({ channel_id: c.id, channel_name: c.name, team_id: c.team_id, team_name: c.team_name }),
        }, '~' + c.name))));
  }

  function switchSeat(change) {
    seat = { ...seat, ...change };
    for (const [name] of SEAT_FIELDS) seatForm.elements[name].value = seat[name];
    localStorage.setItem(SEAT_KEY, JSON.stringify(seat));
    if (dialog) { dialog.close(); dialog = null; }
    stopReply();
    connect();
  }

  function startReply(view) {
    replyTo = view.post.root_id || view.post.id;
    const root = views.get(replyTo);
    replace(replyBar, 'Replying in the thread of ',
      h('strong', {}, root ? (root.post.message || '').slice(0, 60) : replyTo), ' ',
      h('button', { type: 'button', class: 'link', onclick: stopReply }, 'cancel'));
    replyBar.hidden = false;
    message.focus();
  }

  function stopReply() {
    replyTo = null;
    replyBar.hidden = true;
  }

  seatForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(seatForm);
    const change = {};
    for (const [name] of SEAT_FIELDS) change[name] = seatForm.elements[name].value.trim();
    try {
      await api.post('/api/playground/seat', change);
    } catch (error) {
      showErrors(seatForm, error);
      return;
    }
    switchSeat(change);
  });

  message.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      compose.requestSubmit();
    }
  });

  compose.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(compose);
    try {
      await api.post('/api/playground/posts', seatBody({ message: message.value, root_id: replyTo || '' }));
      message.value = '';
      stopReply();
    } catch (error) {
      // a problem with the seat (an id) is shown by the seat's fields
      if (!showErrors(compose, error)) showErrors(seatForm, error);
    }
  });

  connect();
  refreshDirectory();
  return () => {
    closeStream();
    if (dialog) dialog.close();
  };
}
