// Hooks: list, create, edit, delete, regenerate token, rotate signing secret. Validation, the conflict rule and
// their messages are the server's (the CLI's own); errors are shown at their field. Token and secret only appear
// in the answer that creates or replaces them, and only here, once.
import { h, replace, field, showErrors, clearErrors, time, toast } from '../ui.js';

const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

export function mount(element, api) {
  const secretSlot = h('div', { id: 'hook-secret' });
  const formSlot = h('div', { id: 'hook-form-slot' });
  const listSlot = h('div', { id: 'hook-list' }, h('p', { class: 'muted' }, 'Loading hooks…'));
  const newButton = h('button', { class: 'primary', id: 'new-hook', onclick: () => openForm(null) }, 'New hook');
  replace(element,
    h('div', { class: 'toolbar' }, h('h1', {}, 'Outgoing webhooks'), h('span', { style: 'flex:1' }), newButton,
      h('button', { onclick: load }, 'Refresh')),
    secretSlot, formSlot, listSlot);
  let alive = true;

  function showSecret(title, hook, keys) {
    replace(secretSlot, h('div', { class: 'secret', role: 'alert' },
      h('strong', {}, title), h('p', {}, 'Copy it now: it is not shown again.'),
      keys.filter((k) => hook[k]).map((k) => h('div', {}, h('span', { class: 'muted' }, `${k}: `),
        h('code', { 'data-secret': k }, hook[k]))),
      h('div', { class: 'actions' }, h('button', { onclick: () => replace(secretSlot) }, 'Done'))));
  }

  async function load() {
    try {
      const data = await api.get('/api/hooks');
      if (!alive) return;
      render(data);
    } catch (e) {
      if (alive) replace(listSlot, h('p', { class: 'error' }, `Could not read the hooks: ${e.message}`));
    }
  }

  function render(data) {
    if (!data.hooks.length) {
      replace(listSlot, h('p', { class: 'muted' }, 'No hooks yet. Create one with “New hook”.'));
      return;
    }
    const rows = data.hooks.map((hook) => {
      if (hook.status === 'rejected') {
        return h('tr', { 'data-hook': hook.id },
          h('td', { class: 'mono' }, hook.id), h('td', {}, h('span', { class: 'pill bad' }, 'rejected')),
          h('td', { colspan: 5, class: 'error' }, hook.rejected_reason),
          h('td', {}, h('button', { class: 'danger', onclick: () => remove(hook) }, 'Delete')));
      }
      return h('tr', { 'data-hook': hook.id },
        h('td', {}, h('div', {}, hook.display_name || h('span', { class: 'muted' }, '(no name)')),
          h('div', { class: 'mono muted' }, hook.id)),
        h('td', {}, h('span', { class: 'pill ok' }, 'live')),
        h('td', { class: 'mono' }, hook.team_id, h('br'), hook.channel_id || h('span', { class: 'muted' }, '(any channel)')),
        h('td', {}, (hook.trigger_words || []).join(', ') || h('span', { class: 'muted' }, '(every post)'),
          h('div', { class: 'muted' }, hook.trigger_when === 1 ? 'starts with' : 'exact')),
        h('td', { class: 'mono' }, (hook.callback_urls || []).map((u) => h('div', {}, u))),
        h('td', {}, time(hook.update_at)),
        h('td', {}, h('a', { href: `#/deliveries?hook=${encodeURIComponent(hook.id)}` }, 'Deliveries')),
        h('td', { class: 'row-actions' },
          h('button', { onclick: () => openForm(hook), 'data-action': 'edit' }, 'Edit'), ' ',
          h('button', { onclick: () => regen(hook), 'data-action': 'regen-token' }, 'Regenerate token'), ' ',
          h('button', { onclick: () => rotate(hook), 'data-action': 'rotate-secret' }, 'Rotate secret'), ' ',
          h('button', { class: 'danger', onclick: () => remove(hook), 'data-action': 'delete' }, 'Delete')));
    });
    replace(listSlot, h('table', { id: 'hooks-table' },
      h('thead', {}, h('tr', {}, ['Hook', 'Status', 'Team / channel', 'Trigger words', 'Callback URLs', 'Updated', '', '']
        .map((t) => h('th', {}, t)))),
      h('tbody', {}, rows)),
    data.keyless ? h('p', { class: 'warn' }, `${data.keyless} record(s) without a key were skipped.`) : null);
  }

  function openForm(hook) {
    const editing = Boolean(hook);
    const v = hook || {};
    const input = (name, value, attrs = {}) => h('input', { type: 'text', name, value: value || '', ...attrs });
    const form = h('form', { id: 'hook-form', class: 'panel', novalidate: true },
      h('h2', {}, editing ? `Edit hook ${hook.display_name || hook.id}` : 'New outgoing webhook'),
      field('Team id', input('team_id', v.team_id, { disabled: editing }), editing ? 'A hook’s team never changes.' : '26-character id'),
      field('Channel id', input('channel_id', v.channel_id), 'Empty: every public channel of the team (then trigger words are required).'),
      field('Trigger words', h('textarea', { name: 'trigger_words', rows: 2 }, (v.trigger_words || []).join('\n')), 'One per line; none: every post of the channel.'),
      field('Trigger when', h('select', { name: 'trigger_when' },
        h('option', { value: 'exact', selected: v.trigger_when !== 1 }, 'First word matches exactly'),
        h('option', { value: 'starts-with', selected: v.trigger_when === 1 }, 'First word starts with'))),
      field('Callback URLs', h('textarea', { name: 'callback_urls', rows: 2 }, (v.callback_urls || []).join('\n')), 'One per line; every one is called.'),
      field('Creator id', input('creator_id', v.creator_id, { disabled: editing }), 'User the response posts are created as.'),
      field('Display name', input('display_name', v.display_name)),
      field('Description', input('description', v.description)),
      field('Content type', input('content_type', v.content_type || 'application/json'), 'application/json sends JSON; anything else a form.'),
      field('Username override', input('username', v.username)),
      field('Icon URL override', input('icon_url', v.icon_url)),
      h('p', { class: 'form-error' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => replace(formSlot) }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, editing ? 'Save' : 'Create hook')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const get = (name) => form.elements[name].value;
      const body = {
        channel_id: get('channel_id'),
        trigger_words: lines(get('trigger_words')),
        trigger_when: get('trigger_when'),
        callback_urls: lines(get('callback_urls')),
        display_name: get('display_name'),
        description: get('description'),
        content_type: get('content_type'),
        username: get('username'),
        icon_url: get('icon_url'),
      };
      if (!editing) {
        body.team_id = get('team_id');
        body.creator_id = get('creator_id');
      }
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const saved = editing ? await api.put(`/api/hooks/${encodeURIComponent(hook.id)}`, body)
          : await api.post('/api/hooks', body);
        replace(formSlot);
        if (editing) toast(`Saved hook ${saved.id}`);
        else showSecret(`Created hook ${saved.id}`, saved, ['token', 'signing_secret']);
        load();
      } catch (e) {
        showErrors(form, e);
      } finally {
        submit.disabled = false;
      }
    });
    replace(formSlot, form);
    form.querySelector('input:not([disabled]), textarea').focus();
  }

  async function regen(hook) {
    if (!confirm(`Give hook ${hook.display_name || hook.id} a new token? The old one stops being sent at once.`)) return;
    try {
      showSecret(`New token for hook ${hook.id}`, await api.post(`/api/hooks/${encodeURIComponent(hook.id)}/regen-token`), ['token']);
      load();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  function rotate(hook) {
    const form = h('form', { class: 'panel', id: 'rotate-form' },
      h('h2', {}, `Rotate the signing secret of ${hook.display_name || hook.id}`),
      field('Grace period', h('input', { type: 'text', name: 'grace', value: '24h' }),
        'How long the old secret keeps signing too: 30m, 24h, 7d (at most 30d); 0 ends it at once.'),
      h('p', { class: 'form-error' }),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => replace(formSlot) }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, 'Rotate secret')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const rotated = await api.post(`/api/hooks/${encodeURIComponent(hook.id)}/rotate-secret`, { grace: form.elements.grace.value });
        replace(formSlot);
        showSecret(`New signing secret for hook ${hook.id}`, rotated, ['signing_secret']);
        load();
      } catch (e) {
        showErrors(form, e);
      }
    });
    replace(formSlot, form);
  }

  async function remove(hook) {
    if (!confirm(`Delete hook ${hook.display_name || hook.id}? It stops triggering at once.`)) return;
    try {
      await api.del(`/api/hooks/${encodeURIComponent(hook.id)}`);
      toast(`Deleted hook ${hook.id}`);
      load();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  load();
  return () => { alive = false; };
}
