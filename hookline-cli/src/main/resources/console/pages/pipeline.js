// Pipeline: each stage's processes, health, lag and rates, live from the ops endpoints' /health and /metrics and the
// consumer groups' lag (a picture every 2 s while the page is open), with small charts of the last two minutes.
import { h, replace, time } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const POINTS = 60;
const MAIN_RATE = { matcher: 'triggers', dispatcher: 'attempts', ingestor: 'post_commands', 'integration-api': 'requests' };
const LABELS = {
  triggers: 'triggers/s', dead_letters: 'dead letters/s', attempts: 'attempts/s', attempts_failed: 'failed attempts/s',
  succeeded: 'succeeded/s', failed: 'failed/s', post_commands: 'commands/s', requests: 'requests/s',
  in_flight: 'in flight', retry_backlog: 'retry backlog',
};

/** A small line chart of values (numbers, oldest first). */
function spark(values, label) {
  const width = 260;
  const height = 48;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const max = Math.max(1e-9, ...values);
  const step = width / (POINTS - 1);
  const offset = POINTS - values.length;
  const points = values.map((v, i) => `${((offset + i) * step).toFixed(1)},${(height - 2 - (v / max) * (height - 6)).toFixed(1)}`);
  const base = document.createElementNS(SVG, 'line');
  base.setAttribute('x1', 0); base.setAttribute('x2', width); base.setAttribute('y1', height - 1); base.setAttribute('y2', height - 1);
  base.setAttribute('stroke', '#e2e4e8');
  svg.append(base);
  if (points.length > 1) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', '#1c58d9');
    line.setAttribute('stroke-width', '1.5');
    svg.append(line);
  }
  return svg;
}

const fmt = (v) => (v === null || v === undefined ? '—' : Math.abs(v) >= 100 ? Math.round(v).toString() : (Math.round(v * 100) / 100).toString());

export function mount(element, api) {
  const history = {};
  const state = h('span', { class: 'muted', id: 'pipeline-state' }, 'connecting…');
  const body = h('div', { id: 'pipeline' });
  replace(element, h('div', { class: 'toolbar' }, h('h1', {}, 'Pipeline'), h('span', { style: 'flex:1' }), state), body);

  function remember(key, value) {
    const list = history[key] || (history[key] = []);
    list.push(value || 0);
    if (list.length > POINTS) list.shift();
    return list;
  }

  function render(p) {
    state.textContent = `live · ${time(p.at)}`;
    const cards = p.stages.map((s) => {
      const main = MAIN_RATE[s.name];
      const rate = main ? remember(`${s.name}:rate`, s.rates[main]) : null;
      const lag = s.lag === null ? null : remember(`${s.name}:lag`, s.lag);
      const status = { UP: 'ok', NOT_READY: 'warn', DOWN: 'bad' }[s.status] || '';
      return h('div', { class: 'panel', 'data-stage': s.name },
        h('div', { class: 'toolbar' }, h('h2', {}, s.name), h('span', { class: `pill ${status}`, 'data-status': s.status }, s.status)),
        h('div', { class: 'muted' }, s.processes.length
          ? s.processes.map((x) => `${x.process}: ${x.state}`).join(' · ') : 'no process reports this stage'),
        main ? [h('div', {}, h('span', { class: 'stat', 'data-rate': main }, fmt(s.rates[main])), ` ${LABELS[main]}`), spark(rate, `${s.name} ${LABELS[main]}`)] : null,
        lag ? [h('div', {}, 'lag ', h('span', { class: 'stat', 'data-lag': s.name }, fmt(s.lag))), spark(lag, `${s.name} lag`)] : null,
        s.mean_latency_ms !== undefined ? h('div', {}, `mean latency ${fmt(s.mean_latency_ms)} ms`) : null,
        h('table', {}, h('tbody', {},
          Object.entries(s.rates).filter(([k]) => k !== main).map(([k, v]) => h('tr', {}, h('td', {}, LABELS[k] || k), h('td', {}, fmt(v)))),
          Object.entries(s.gauges).map(([k, v]) => h('tr', {}, h('td', {}, LABELS[k] || k), h('td', {}, fmt(v)))),
          Object.entries(s.totals).map(([k, v]) => h('tr', { class: 'muted' }, h('td', {}, `${k.replace(/_/g, ' ')} (total)`), h('td', {}, fmt(v)))))));
    });
    replace(body,
      h('div', { class: 'grid' }, cards),
      h('h2', {}, 'Processes'),
      p.processes.length ? h('table', { id: 'processes-table' }, h('tbody', {}, p.processes.map((x) => h('tr', {},
        h('td', {}, x.name), h('td', {}, x.status), h('td', { class: 'error' }, x.error || '')))))
        : h('p', { class: 'muted' }, 'No ops endpoint to read: run the console inside hookline up, or give hookline console --ops URL.'),
      h('h2', {}, 'Consumer groups'),
      p.groups_error ? h('p', { class: 'error' }, p.groups_error) : null,
      h('table', { id: 'groups-table' },
        h('thead', {}, h('tr', {}, ['Group', 'State', 'Partitions', 'Lag'].map((t) => h('th', {}, t)))),
        h('tbody', {}, p.groups.map((g) => h('tr', {}, h('td', { class: 'mono' }, g.group_id), h('td', {}, g.state),
          h('td', {}, g.partitions), h('td', {}, g.lag)))))));
  }

  const close = api.stream('/api/pipeline/stream', (event, data) => {
    if (event === 'pipeline') render(data);
  }, (status, error) => {
    if (status !== 'open') state.textContent = error ? `${status}: ${error.message}` : status;
  });
  return close;
}
