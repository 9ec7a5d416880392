// Deliveries: the delivery log (every attempt), filters, one delivery's whole story from the post to the commands its
// answer became, and redelivery of a failed delivery with one click.
import { h, replace, time, toast } from '../ui.js';

const STATUS_PILL = { succeeded: 'ok', failed: 'bad', retrying: 'warn', pending: '' };

function pill(status) {
  return h('span', { class: `pill ${STATUS_PILL[status] || ''}`, 'data-status': status }, status);
}

function json(value) {
  return h('pre', {}, JSON.stringify(value, null, 2));
}

function attemptsTable(attempts) {
  if (!attempts || !attempts.length) return h('p', { class: 'muted' }, 'No attempt yet.');
  return h('table', { class: 'attempts' },
    h('thead', {}, h('tr', {}, ['#', 'Started', 'Status', 'Latency', 'Error', 'Response excerpt'].map((t) => h('th', {}, t)))),
    h('tbody', {}, attempts.map((a) => h('tr', {},
      h('td', {}, a.number), h('td', {}, time(a.started_at)), h('td', {}, a.http_status ?? '—'),
      h('td', {}, `${a.latency_ms} ms`), h('td', { class: 'error' }, a.error || ''),
      h('td', {}, a.body_excerpt ? h('pre', {}, a.body_excerpt) : '')))));
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
  const listSlot = h('div', { id: 'delivery-list' }, h('p', { class: 'muted' }, 'Loading the delivery log…'));
  const storySlot = h('div', { id: 'delivery-story' });
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
  const scheduleNote = h('p', { class: 'muted', id: 'retry-schedule' });
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

  function iso(local) {
    return local ? new Date(local).toISOString() : '';
  }

  async function load() {
    try {
      const data = await api.get(`/api/deliveries${api.query({ hook: filters.hook, status: filters.status, post_id: filters.post_id, since: iso(filters.since), until: iso(filters.until) })}`);
      if (!alive) return;
      scheduleNote.textContent = `Retry schedule: after ${data.retry_delays} (hookline.dispatcher.retry-delays), then the delivery fails.`;
      render(data.deliveries, data.limit);
    } catch (e) {
      if (alive) replace(listSlot, h('p', { class: 'error' }, `Could not read the delivery log: ${e.message}`));
    }
  }

  function render(rows, limit) {
    if (!rows.length) {
      replace(listSlot, h('p', { class: 'muted' }, 'No delivery matches.'));
      return;
    }
    replace(listSlot, h('table', { id: 'deliveries-table' },
      h('thead', {}, h('tr', {}, ['When', 'Status', 'Hook', 'Post', 'URL', 'HTTP', 'Attempts', 'Error / response', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((d) => h('tr', { class: 'clickable', 'data-delivery': d.delivery_id, onclick: () => story(d.delivery_id) },
        h('td', {}, time(d.at)),
        h('td', {}, pill(d.status), d.next_attempt_at ? h('div', { class: 'muted' }, `next ${time(d.next_attempt_at)}`) : null,
          d.redelivered_as ? h('div', { class: 'muted' }, 'redelivered') : null,
          d.redelivery_of ? h('div', { class: 'muted' }, 'a redelivery') : null),
        h('td', {}, d.kind === 'interaction' ? h('span', { class: 'muted' }, `interaction (${d.hook_display_name || ''})`)
          : [h('div', {}, d.hook_display_name || ''), h('div', { class: 'mono muted' }, d.hook_id || '')]),
        h('td', {}, h('div', {}, d.text || ''), h('div', { class: 'mono muted' }, d.post_id || '')),
        h('td', { class: 'mono' }, d.callback_url || ''),
        h('td', {}, d.http_status ?? '—'),
        h('td', {}, (d.attempts || []).length, d.attempts && d.attempts.length
          ? h('div', { class: 'muted' }, `${d.attempts[d.attempts.length - 1].latency_ms} ms`) : null),
        h('td', {}, d.error ? h('div', { class: 'error' }, d.error) : null, d.response_excerpt ? h('div', { class: 'mono muted' }, d.response_excerpt.slice(0, 120)) : null),
        h('td', {}, d.status === 'failed' && d.kind === 'webhook' && !d.redelivered_as
          ? h('button', { 'data-action': 'redeliver', onclick: (ev) => { ev.stopPropagation(); redeliver(d.delivery_id); } }, 'Redeliver') : null))))),
    rows.length >= limit ? h('p', { class: 'muted' }, `The newest ${limit} are shown; narrow the filters to see older ones.`) : null);
  }

  async function redeliver(id) {
    try {
      const report = await api.post(`/api/deliveries/${encodeURIComponent(id)}/redeliver`);
      const r = report.redelivered[0];
      toast(`Redelivering ${id} as ${r.redelivery_id}`);
      load();
      story(id);
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  async function story(id) {
    replace(storySlot, h('p', { class: 'muted' }, 'Loading the story…'));
    try {
      const s = await api.get(`/api/deliveries/${encodeURIComponent(id)}`);
      if (!alive) return;
      const d = s.delivery;
      const p = s.post && s.post.post;
      const steps = [
        h('div', { class: 'step' }, h('h3', {}, '1. The post'),
          p ? [h('div', {}, h('strong', {}, (s.post.user && s.post.user.username) || p.user_id), ' in ',
            (s.post.channel && (s.post.channel.display_name || s.post.channel.name)) || p.channel_id, ' at ', time(p.create_at)),
          h('pre', {}, p.message || '')]
            : h('p', { class: 'muted' }, d.post_id ? `Post ${d.post_id} is no longer on the posts topic.` : 'No post.')),
        h('div', { class: 'step' }, h('h3', {}, '2. The trigger'),
          s.trigger ? h('div', {}, `Matched hook ${s.trigger.hook_display_name || ''} (${s.trigger.hook_id}) on “${s.trigger.payload.trigger_word}” at ${time(s.trigger.triggered_at)}, to ${s.trigger.callback_url}`)
            : h('p', { class: 'muted' }, 'No trigger (an interaction call).')),
        h('div', { class: 'step' }, h('h3', {}, '3. The attempts'), pill(d.status),
          d.next_attempt_at ? h('span', {}, ` next attempt ${time(d.next_attempt_at)}`) : null,
          d.error ? h('p', { class: 'error' }, d.error) : null,
          attemptsTable(d.attempts),
          s.outcome && s.outcome.response_body ? [h('div', { class: 'muted' }, 'Response'), h('pre', {}, s.outcome.response_body)] : null),
        s.redelivery_of ? h('div', { class: 'step' }, h('h3', {}, 'Redelivery of'),
          h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); story(s.redelivery_of.delivery_id); } }, s.redelivery_of.delivery_id), ' ', pill(s.redelivery_of.status)) : null,
        s.redeliveries.length ? h('div', { class: 'step' }, h('h3', {}, 'Redeliveries'),
          s.redeliveries.map((r) => h('div', {}, h('span', { class: 'mono' }, r.delivery_id), ' ', pill(r.status), ' ', time(r.at)))) : null,
        h('div', { class: 'step', id: 'story-commands' }, h('h3', {}, '4. What the answer became'),
          s.commands.length ? s.commands.map((c) => h('div', { class: 'command' },
            h('span', { class: 'pill' }, c.type), ' ', c.post ? h('span', {}, c.post.message || '') : '',
            h('details', {}, h('summary', {}, 'JSON'), json(c))))
            : h('p', { class: 'muted' }, d.status === 'succeeded' ? 'No command (yet): the ingestor writes them shortly after.' : 'No command: nothing was answered.')),
      ];
      replace(storySlot, h('div', { class: 'panel', 'data-story': id },
        h('div', { class: 'toolbar' }, h('h2', {}, `Delivery ${id}`), h('span', { style: 'flex:1' }),
          d.status === 'failed' && d.kind === 'webhook' && !d.redelivered_as
            ? h('button', { class: 'primary', 'data-action': 'redeliver-story', onclick: () => redeliver(id) }, 'Redeliver') : null,
          h('button', { onclick: () => story(id) }, 'Refresh'),
          h('button', { onclick: () => replace(storySlot) }, 'Close')),
        h('div', { class: 'story' }, steps)));
    } catch (e) {
      replace(storySlot, h('p', { class: 'error' }, e.message));
    }
  }

  load();
  if (params.get('delivery')) story(params.get('delivery'));
  return () => { alive = false; };
}
