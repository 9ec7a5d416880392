// Dead letters: what a stage could not process, with stage, reason and source position; replay one or a selection
// back to its source topic.
import { h, replace, time, toast } from '../ui.js';

export function mount(element, api) {
  let alive = true;
  const selected = new Set();
  const filters = { stage: '', source_topic: '' };
  const listSlot = h('div', { id: 'dead-letter-list' }, h('p', { class: 'muted' }, 'Loading the dead letters…'));
  const replayButton = h('button', { class: 'primary', id: 'replay-selected', disabled: true, onclick: () => replay([...selected]) }, 'Replay selected');
  const stage = h('select', { name: 'stage' }, ['', 'matcher', 'dispatcher', 'ingestor'].map((s) => h('option', { value: s }, s || 'any')));
  stage.addEventListener('change', () => { filters.stage = stage.value; load(); });
  const topic = h('input', { type: 'text', name: 'source_topic', placeholder: 'any topic' });
  topic.addEventListener('change', () => { filters.source_topic = topic.value.trim(); load(); });
  const summary = h('p', { class: 'muted' });
  replace(element, h('h1', {}, 'Dead letters'),
    h('div', { class: 'toolbar' }, h('label', {}, 'Stage', stage), h('label', {}, 'Source topic', topic),
      h('button', { onclick: load }, 'Refresh'), h('span', { style: 'flex:1' }), replayButton),
    summary, listSlot);

  function updateButton() {
    replayButton.disabled = selected.size === 0;
    replayButton.textContent = selected.size ? `Replay ${selected.size} selected` : 'Replay selected';
  }

  async function load() {
    try {
      const data = await api.get(`/api/dead-letters${api.query(filters)}`);
      if (!alive) return;
      selected.clear();
      updateButton();
      summary.textContent = `${data.total} dead letter(s) on ${data.topic}${data.total > data.dead_letters.length ? `; the newest ${data.dead_letters.length} are shown` : ''}.`;
      render(data.dead_letters);
    } catch (e) {
      if (alive) replace(listSlot, h('p', { class: 'error' }, `Could not read the dead letters: ${e.message}`));
    }
  }

  function render(letters) {
    if (!letters.length) {
      replace(listSlot, h('p', { class: 'muted' }, 'No dead letters: every record was processed.'));
      return;
    }
    replace(listSlot, h('table', { id: 'dead-letters-table' },
      h('thead', {}, h('tr', {}, ['', 'Position', 'When', 'Stage', 'Reason', 'Source', 'Record', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, letters.map((l) => {
        const box = h('input', { type: 'checkbox', disabled: !l.replayable, 'data-position': l.position });
        box.addEventListener('change', () => {
          if (box.checked) selected.add(l.position); else selected.delete(l.position);
          updateButton();
        });
        return h('tr', { 'data-position': l.position },
          h('td', {}, box),
          h('td', { class: 'mono' }, l.position),
          h('td', {}, time(l.timestamp)),
          h('td', {}, l.stage || '?'),
          h('td', { class: 'error' }, l.reason || ''),
          h('td', { class: 'mono' }, l.source_topic ? `${l.source_topic} ${l.source_partition}:${l.source_offset}` : '?'),
          h('td', {}, h('details', {}, h('summary', {}, 'record'), h('pre', {}, JSON.stringify(l.record, null, 2)))),
          h('td', {}, l.replayable ? h('button', { 'data-action': 'replay', onclick: () => replay([l.position]) }, 'Replay')
            : h('span', { class: 'muted', title: l.not_replayable }, 'not replayable')));
      }))));
  }

  async function replay(positions) {
    if (!positions.length) return;
    try {
      const report = await api.post('/api/dead-letters/replay', { positions });
      const skipped = report.skipped.map((s) => `${s.partition}:${s.offset}: ${s.why}`);
      toast(`Replayed ${report.replayed.length} of ${report.selected}${skipped.length ? `; skipped ${skipped.join('; ')}` : ''}`, skipped.length ? 'error' : 'info');
      load();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  load();
  return () => { alive = false; };
}
