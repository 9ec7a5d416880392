// Deliveries: the delivery log (every attempt), filters, one delivery's whole story from the post to the commands its
// answer became, and redelivery of a failed delivery with one click. The log and the open story refresh themselves.
import { h, replace, time, toast } from '../ui.js';

const STATUS_PILL = { succeeded: 'ok', failed: 'bad', retrying: 'warn', pending: '' };
const REFRESH_MS = 4000;

function pill(status) {
  return h('span', { class: `pill ${STATUS_PILL[status] || ''}`, 'data-status': status }, status);
}

function head(...titles) {
  return h('thead', {}, h('tr', {}, titles.map((t) => h('th', {}, t))));
}

function muted(text) {
  return h('p', { class: 'muted' }, text);
}

function redeliverable(d) {
  return d.status === 'failed' && d.kind === 'webhook' && !d.redelivered_as;
}

function attemptsTable(attempts) {
  if (!attempts || !attempts.length) return muted('No attempt yet.');
  return h('table', { class: 'attempts' },
    head('#', 'Started', 'Status', 'Latency', 'Error', 'Response excerpt'),
    h('tbody', {}, attempts.map((a) => h('tr', {},
      h('td', {}, a.number),
      h('td', {}, time(a.started_at)),
      h('td', {}, a.http_status ?? '—'),
      h('td', {}, `${a.latency_ms} ms`),
      h('td', { class: 'error' }, a.error || ''),
      h('td', {}, a.body_excerpt ? h('pre', {}, a.body_excerpt) : '')))));
}

function statusCell(d) {
  return h('td', {}, pill(d.status),
    d.next_attempt_at ? h('div', { class: 'muted' }, `next ${time(d.next_attempt_at)}`) : null,
    d.redelivered_as ? h('div', { class: 'muted' }, 'redelivered') : null,
    d.redelivery_of ? h('div', { class: 'muted' }, 'a redelivery') : null);
}

function hookCell(d) {
  if (d.kind === 'interaction') {
    return h('td', {}, h('span', { class: 'muted' }, `interaction (${d.hook_display_name || ''})`));
  }
  return h('td', {}, h('div', {}, d.hook_display_name || ''), h('div', { class: 'mono muted' }, d.hook_id || ''));
}

function resultCell(d) {
  const attempts = d.attempts || [];
  const last = attempts[attempts.length - 1];
  return [
    h('td', {}, attempts.length, last ? h('div', { class: 'muted' }, `${last.latency_ms} ms`) : null),
    h('td', {},
      d.error ? h('div', { class: 'error' }, d.error) : null,
      d.response_excerpt ? h('div', { class: 'mono muted' }, d.response_excerpt.slice(0, 120)) : null),
  ];
}

export function mount(element, api, params) {
  const filters = {
    hook: params.get('hook') || '',
    status: params.get('status') || '',
    post_id: params.get('post_id') || '',
    since: '',
    until: '',
  };
  let alive = true;
  let shown = '';
  let openStory = null;
  let storyShown = '';
  let busy = false;
  const listSlot = h('div', { id: 'delivery-list' }, muted('Loading the delivery log…'));
  const storySlot = h('div', { id: 'delivery-story' });
  const scheduleNote = h('p', { class: 'muted', id: 'retry-schedule' });
  const input = (name, placeholder, type = 'text') => {
    const el = h('input', { type, name, placeholder, value: filters[name] });
    el.addEventListener('change', () => {
      filters[name] = el.value;
      load();
    });
    return el;
  };
  const status = h('select', { name: 'status' }, ['', 'failed', 'succeeded', 'retrying', 'pending']
    .map((s) => h('option', { value: s, selected: filters.status === s }, s || 'any')));
  status.addEventListener('change', () => {
    filters.status = status.value;
    load();
  });
  replace(element,
    h('h1', {}, 'Deliveries'),
    h('div', { class: 'toolbar', id: 'delivery-filters' },
      h('label', {}, 'Hook id', input('hook', 'any hook')),
      h('label', {}, 'Status', status),
      h('label', {}, 'Post id', input('post_id', 'any post')),
      h('label', {}, 'From', input('since', '', 'datetime-local')),
      h('label', {}, 'To', input('until', '', 'datetime-local')),
      h('button', { onclick: load }, 'Refresh')),
    scheduleNote, storySlot, listSlot);

  const iso = (local) => (local ? new Date(local).toISOString() : '');

  async function load() {
    try {
      const data = await api.get(`/api/deliveries${api.query({
        hook: filters.hook,
        status: filters.status,
        post_id: filters.post_id,
        since: iso(filters.since),
        until: iso(filters.until),
      })}`);
      if (!alive) return;
      scheduleNote.textContent = `Retry schedule: after ${data.retry_delays} (hookline.dispatcher.retry-delays), `
        + 'then the delivery fails.';
      // re-render only what changed, so that a refresh never moves a row under the pointer for nothing
      const seen = JSON.stringify(data.deliveries);
      if (seen !== shown) {
        shown = seen;
        render(data.deliveries, data.limit);
      }
    } catch (e) {
      if (alive) replace(listSlot, h('p', { class: 'error' }, `Could not read the delivery log: ${e.message}`));
    }
  }

  function row(d) {
    const button = redeliverable(d) ? h('button', {
      'data-action': 'redeliver',
      onclick: (ev) => {
        ev.stopPropagation();
        redeliver(d.delivery_id);
      },
    }, 'Redeliver') : null;
    return h('tr', { class: 'clickable', 'data-delivery': d.delivery_id, onclick: () => story(d.delivery_id) },
      h('td', {}, time(d.at)),
      statusCell(d),
      hookCell(d),
      h('td', {}, h('div', {}, d.text || ''), h('div', { class: 'mono muted' }, d.post_id || '')),
      h('td', { class: 'mono' }, d.callback_url || ''),
      h('td', {}, d.http_status ?? '—'),
      resultCell(d),
      h('td', {}, button));
  }

  function render(rows, limit) {
    if (!rows.length) {
      replace(listSlot, muted('No delivery matches.'));
      return;
    }
    replace(listSlot,
      h('table', { id: 'deliveries-table' },
        head('When', 'Status', 'Hook', 'Post', 'URL', 'HTTP', 'Attempts', 'Error / response', ''),
        h('tbody', {}, rows.map(row))),
      rows.length >= limit ? muted(`The newest ${limit} are shown; narrow the filters to see older ones.`) : null);
  }

  async function redeliver(id) {
    try {
      const report = await api.post(`/api/deliveries/${encodeURIComponent(id)}/redeliver`);
      toast(`Redelivering ${id} as ${report.redelivered[0].redelivery_id}`);
      load();
      story(id);
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  function postStep(s, d) {
    const p = s.post && s.post.post;
    if (!p) return muted(d.post_id ? `Post ${d.post_id} is no longer on the posts topic.` : 'No post.');
    const who = (s.post.user && s.post.user.username) || p.user_id;
    const where = (s.post.channel && (s.post.channel.display_name || s.post.channel.name)) || p.channel_id;
    return [
      h('div', {}, h('strong', {}, who), ' in ', where, ' at ', time(p.create_at)),
      h('pre', {}, p.message || ''),
    ];
  }

  function triggerStep(t) {
    if (!t) return muted('No trigger (an interaction call).');
    return h('div', {}, `Matched hook ${t.hook_display_name || ''} (${t.hook_id}) on “${t.payload.trigger_word}” `
      + `at ${time(t.triggered_at)}, to ${t.callback_url}`);
  }

  function commandsStep(s, d) {
    if (!s.commands.length) {
      return muted(d.status === 'succeeded' ? 'No command (yet): the ingestor writes them shortly after.'
        : 'No command: nothing was answered.');
    }
    return s.commands.map((c) => h('div', { class: 'command' },
      h('span', { class: 'pill' }, c.type), ' ', c.post ? h('span', {}, c.post.message || '') : '',
      h('details', {}, h('summary', {}, 'JSON'), h('pre', {}, JSON.stringify(c, null, 2)))));
  }

  function chainSteps(s) {
    const link = (r) => h('a', {
      href: '#',
      onclick: (ev) => {
        ev.preventDefault();
        story(r.delivery_id);
      },
    }, r.delivery_id);
    return [
      s.redelivery_of ? h('div', { class: 'step' }, h('h3', {}, 'Redelivery of'),
        link(s.redelivery_of), ' ', pill(s.redelivery_of.status)) : null,
      s.redeliveries.length ? h('div', { class: 'step' }, h('h3', {}, 'Redeliveries'),
        s.redeliveries.map((r) => h('div', {}, link(r), ' ', pill(r.status), ' ', time(r.at)))) : null,
    ];
  }

  async function story(id, quietly = false) {
    if (!quietly) {
      openStory = id;
      storyShown = '';
      replace(storySlot, muted('Loading the story…'));
    }
    try {
      const s = await api.get(`/api/deliveries/${encodeURIComponent(id)}`);
      if (!alive || openStory !== id) return;
      const seen = JSON.stringify(s);
      if (seen === storyShown) return;
      storyShown = seen;
      const d = s.delivery;
      const response = s.outcome && s.outcome.response_body;
      const steps = [
        h('div', { class: 'step' }, h('h3', {}, '1. The post'), postStep(s, d)),
        h('div', { class: 'step' }, h('h3', {}, '2. The trigger'), triggerStep(s.trigger)),
        h('div', { class: 'step' }, h('h3', {}, '3. The attempts'), pill(d.status),
          d.next_attempt_at ? h('span', {}, ` next attempt ${time(d.next_attempt_at)}`) : null,
          d.error ? h('p', { class: 'error' }, d.error) : null,
          attemptsTable(d.attempts),
          response ? [h('div', { class: 'muted' }, 'Response'), h('pre', {}, response)] : null),
        chainSteps(s),
        h('div', { class: 'step', id: 'story-commands' }, h('h3', {}, '4. What the answer became'),
          commandsStep(s, d)),
      ];
      const close = () => {
        openStory = null;
        replace(storySlot);
      };
      replace(storySlot, h('div', { class: 'panel', 'data-story': id },
        h('div', { class: 'toolbar' }, h('h2', {}, `Delivery ${id}`), h('span', { style: 'flex:1' }),
          redeliverable(d) ? h('button', {
            class: 'primary', 'data-action': 'redeliver-story', onclick: () => redeliver(id),
          }, 'Redeliver') : null,
          h('button', { onclick: () => story(id) }, 'Refresh'),
          h('button', { onclick: close }, 'Close')),
        h('div', { class: 'story' }, steps)));
    } catch (e) {
      if (!quietly) replace(storySlot, h('p', { class: 'error' }, e.message));
    }
  }

  // live: the log and the open story are read again every few seconds while the page is open
  const timer = setInterval(async () => {
    if (busy || document.hidden) return;
    busy = true;
    try {
      await load();
      if (openStory) await story(openStory, true);
    } finally {
      busy = false;
    }
  }, REFRESH_MS);

  load();
  if (params.get('delivery')) story(params.get('delivery'));
  return () => {
    alive = false;
    clearInterval(timer);
  };
}
