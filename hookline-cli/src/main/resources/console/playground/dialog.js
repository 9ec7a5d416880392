// An interactive dialog as Mattermost's client shows it: every element type (text with its subtypes, textarea,
// select with static options, users, channels or dynamic lookups, multiselect, bool, radio, date, datetime), the
// client's own checks before sending (required fields, minimum length, email, number, URL), the integration's
// inline errors under their fields and its general error at the bottom, cancel, and multi-step forms (a "form"
// answer replaces the form; the values of every step are sent with each later submit).

import { el, remoteImage, renderMarkdown } from './markdown.js';


const pad = (n) => String(n).padStart(2, '0');
const isoDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * A date Mattermost accepts (YYYY-MM-DD, a datetime's date part, today/tomorrow/yesterday, or +Nd/-Nw/+Nm) as
 * YYYY-MM-DD, relative to {@code now}; '' when it is none of those.
 */
export function resolveDate(value, now = new Date()) {
  const v = String(value ?? '').trim();
  if (!v) return '';
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const words = { today: 0, tomorrow: 1, yesterday: -1 };
  if (v.toLowerCase() in words) {
    d.setDate(d.getDate() + words[v.toLowerCase()]);
    return isoDate(d);
  }
  const rel = /^([+-])(\d{1,3})([dwm])$/i.exec(v);
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    const unit = rel[3].toLowerCase();
    if (unit === 'd') d.setDate(d.getDate() + n);
    if (unit === 'w') d.setDate(d.getDate() + 7 * n);
    if (unit === 'm') d.setMonth(d.getMonth() + n);
    return isoDate(d);
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  return iso ? iso[1] : '';
}

/** A datetime-local input's value ("YYYY-MM-DDTHH:MM") as RFC 3339 with the browser's offset, as the client sends. */
export function toRfc3339(local) {
  if (!local) return '';
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return '';
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${isoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
      + `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function toLocalInput(value, now) {
  const v = String(value ?? '').trim();
  if (!v) return '';
  const date = resolveDate(v, now);
  const time = /T(\d{2}:\d{2})/.exec(v);
  if (!date) return '';
  return `${date}T${time ? time[1] : '00:00'}`;
}

/**
 * What Mattermost's client says about a value before sending it, or null: required fields, then for text and
 * textarea the minimum length and the email, number and url subtypes.
 */
export function clientError(element, value) {
  // as Mattermost's client: an unchecked required checkbox is missing too
  const empty = value === undefined || value === null || value === '' || value === false
      || (Array.isArray(value) && !value.length);
  if (empty) return element.optional ? null : 'This field is required.';
  if (element.type === 'text' || element.type === 'textarea') {
    const s = String(value);
    if (Number(element.min_length) > 0 && [...s].length < Number(element.min_length)) {
      return `Minimum input length is ${element.min_length}.`;
    }
    if (element.subtype === 'email' && !s.includes('@')) return 'Must be a valid email address.';
    if (element.subtype === 'number' && Number.isNaN(Number(s))) return 'Must be a number.';
    if (element.subtype === 'url' && !s.includes('http://') && !s.includes('https://')) {
      return 'URL must include http:// or https://.';
    }
  }
  return null;
}

const TEXT_SUBTYPES = { email: 'email', number: 'number', tel: 'tel', url: 'url', password: 'password' };

/**
 * Opens the dialog {@code form} in {@code host}. {@code handlers}: {@code submit(values)} and {@code cancel()}
 * (each returns a promise; the answer comes later through {@link DialogView#answer}), optional
 * {@code lookup(name, query, values)} returning a promise of {@code [{text, value}]}, {@code refresh(values, name)},
 * {@code knownUsers()}, {@code knownChannels()}.
 */
export class DialogView {
  constructor(host, form, handlers, now = new Date()) {
    this.host = host;
    this.handlers = handlers;
    this.now = now;
    this.accumulated = {};
    this.backdrop = el('div', 'dialog-backdrop');
    this.backdrop.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.cancel();
    });
    host.append(this.backdrop);
    this.show(form, {});
  }

  /** Replaces the form (a multi-step answer or a refresh), keeping the values of fields that still exist. */
  show(form, keep) {
    this.form = form || {};
    this.fields = new Map();
    this.backdrop.replaceChildren();
    const dialog = el('form', 'dialog');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.noValidate = true;
    dialog.dataset.callbackId = this.form.callback_id || '';
    const header = el('header', 'dialog-header');
    const icon = remoteImage(this.form.icon_url, 'dialog-icon');
    if (icon) header.append(icon);
    header.append(el('h2', 'dialog-title', this.form.title || ''));
    const close = el('button', 'dialog-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => this.cancel());
    header.append(close);
    dialog.append(header);
    const body = el('div', 'dialog-body');
    if (this.form.introduction_text) {
      const intro = el('div', 'dialog-intro');
      intro.append(renderMarkdown(this.form.introduction_text));
      body.append(intro);
    }
    for (const element of Array.isArray(this.form.elements) ? this.form.elements : []) {
      if (!element || typeof element !== 'object' || !element.name) continue;
      body.append(this.field(element, keep[element.name]));
    }
    dialog.append(body);
    this.generalError = el('div', 'dialog-error');
    this.generalError.setAttribute('role', 'alert');
    dialog.append(this.generalError);
    const footer = el('footer', 'dialog-footer');
    const cancel = el('button', 'dialog-cancel', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.cancel());
    this.submitButton = el('button', 'dialog-submit', this.form.submit_label || 'Submit');
    this.submitButton.type = 'submit';
    footer.append(cancel, this.submitButton);
    dialog.append(footer);
    dialog.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.backdrop.append(dialog);
    this.element = dialog;
    const first = dialog.querySelector('input, textarea, select');
    if (first) first.focus();
  }

  field(element, kept) {
    const wrap = el('div', 'dialog-field');
    wrap.dataset.name = element.name;
    const id = 'dialog-field-' + element.name.replace(/[^A-Za-z0-9_-]/g, '_');
    const label = el('label', 'dialog-label', element.display_name || element.name);
    label.htmlFor = id;
    if (element.optional) label.append(el('span', 'dialog-optional', ' (optional)'));
    else label.append(el('span', 'dialog-required', ' *'));
    const initial = kept !== undefined ? kept : element.default;
    let read;
    let input;
    let appended = false;
    switch (element.type) {
      case 'textarea': {
        input = el('textarea', 'dialog-input');
        input.value = initial ?? '';
        read = () => input.value;
        break;
      }
      case 'bool': {
        input = el('input', 'dialog-checkbox');
        input.type = 'checkbox';
        input.checked = initial === true || String(initial) === 'true';
        const box = el('label', 'dialog-bool');
        box.append(input, document.createTextNode(' ' + (element.placeholder || '')));
        wrap.append(label, box);
        appended = true;
        read = () => input.checked;
        break;
      }
      case 'radio': {
        const group = el('div', 'dialog-radio');
        group.setAttribute('role', 'radiogroup');
        const options = Array.isArray(element.options) ? element.options : [];
        options.forEach((o, i) => {
          const r = el('input');
          r.type = 'radio';
          r.name = id;
          r.value = String(o.value ?? '');
          if (i === 0) r.id = id;
          r.checked = initial !== undefined && String(initial) === r.value;
          const l = el('label', 'dialog-radio-option');
          l.append(r, document.createTextNode(' ' + (o.text ?? o.value)));
          group.append(l);
        });
        wrap.append(label, group);
        appended = true;
        read = () => {
          const c = group.querySelector('input:checked');
          return c ? c.value : '';
        };
        input = group;
        break;
      }
      case 'select': {
        const r = this.select(element, initial);
        input = r.input;
        read = r.read;
        if (r.search) {
          wrap.append(label, r.search, input);
          appended = true;
        }
        break;
      }
      case 'date': {
        input = el('input', 'dialog-input');
        input.type = 'date';
        input.value = resolveDate(initial, this.now);
        if (element.min_date) input.min = resolveDate(element.min_date, this.now);
        if (element.max_date) input.max = resolveDate(element.max_date, this.now);
        read = () => input.value;
        break;
      }
      case 'datetime': {
        input = el('input', 'dialog-input');
        input.type = 'datetime-local';
        input.value = toLocalInput(initial, this.now);
        const interval = Number(element.time_interval || (element.datetime_config || {}).time_interval || 0);
        if (interval > 0) input.step = String(interval * 60);
        if (element.min_date) input.min = resolveDate(element.min_date, this.now) + 'T00:00';
        if (element.max_date) input.max = resolveDate(element.max_date, this.now) + 'T23:59';
        read = () => toRfc3339(input.value);
        break;
      }
      default: {
        input = el('input', 'dialog-input');
        input.type = TEXT_SUBTYPES[element.subtype] || 'text';
        input.value = initial ?? '';
        read = () => input.value;
      }
    }
    if (element.type !== 'radio') {
      input.id = id;
      input.name = element.name;
    }
    if (element.placeholder && element.type !== 'bool' && 'placeholder' in input) {
      input.placeholder = element.placeholder;
    }
    if ((element.type === 'text' || element.type === 'textarea' || !element.type) && element.max_length > 0) {
      input.maxLength = element.max_length;
    }
    if (!appended) wrap.append(label, input);
    if (element.help_text) wrap.append(el('div', 'dialog-help', element.help_text));
    const error = el('div', 'dialog-field-error');
    error.setAttribute('role', 'alert');
    wrap.append(error);
    if (element.refresh && this.form.source_url && this.handlers.refresh) {
      input.addEventListener('change', () => this.handlers.refresh(this.values(), element.name));
    }
    this.fields.set(element.name, { element, read, error, wrap });
    return wrap;
  }

  select(element, initial) {
    const input = el('select', 'dialog-input');
    input.multiple = element.multiselect === true;
    const defaults = input.multiple
        ? (Array.isArray(initial) ? initial : String(initial ?? '').replace(/\s/g, '').split(',').filter(Boolean))
        : [String(initial ?? '')];
    const fill = (options) => {
      const before = [...input.selectedOptions].map((o) => o.value);
      input.replaceChildren();
      if (!input.multiple) {
        const none = el('option', null, element.placeholder || 'Select an option...');
        none.value = '';
        input.append(none);
      }
      for (const o of options) {
        const opt = el('option', null, o.text ?? o.value);
        opt.value = String(o.value ?? '');
        opt.selected = (before.length ? before : defaults).includes(opt.value);
        input.append(opt);
      }
    };
    let search = null;
    if (element.data_source === 'users') {
      fill((this.handlers.knownUsers ? this.handlers.knownUsers() : [])
          .map((u) => ({ text: '@' + u.username, value: u.id })));
    } else if (element.data_source === 'channels') {
      fill((this.handlers.knownChannels ? this.handlers.knownChannels() : [])
          .map((c) => ({ text: '~' + c.name, value: c.id })));
    } else if (element.data_source === 'dynamic') {
      fill(defaults.filter(Boolean).map((v) => ({ text: v, value: v })));
      search = el('input', 'dialog-lookup');
      search.type = 'search';
      search.placeholder = 'Type to search...';
      search.setAttribute('aria-label', (element.display_name || element.name) + ' search');
      let timer = null;
      search.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          if (!this.handlers.lookup) return;
          const items = await this.handlers.lookup(element.name, search.value, this.values());
          fill(Array.isArray(items) ? items.filter((i) => i && typeof i === 'object') : []);
        }, 250);
      });
    } else {
      fill(Array.isArray(element.options) ? element.options.filter((o) => o && typeof o === 'object') : []);
    }
    const read = () => {
      const chosen = [...input.selectedOptions].map((o) => o.value).filter((v) => v !== '');
      return input.multiple ? chosen : (chosen[0] ?? '');
    };
    return { input, read, search };
  }

  /** The current form's values as Mattermost's client sends them; empty fields are left out. */
  values() {
    const values = {};
    for (const [name, f] of this.fields) {
      const v = f.read();
      if (v === '' || (Array.isArray(v) && !v.length)) continue;
      values[name] = v;
    }
    return values;
  }

  /** Shows the integration's (or the client's) errors: by field name, and a general one. */
  showErrors(errors, general) {
    for (const [name, f] of this.fields) {
      const message = errors && typeof errors === 'object' ? errors[name] : null;
      f.error.textContent = message ? String(message) : '';
      f.wrap.classList.toggle('has-error', Boolean(message));
    }
    this.generalError.textContent = general ? String(general) : '';
  }

  async submit() {
    const current = {};
    const errors = {};
    let any = false;
    for (const [name, f] of this.fields) {
      const v = f.read();
      const problem = clientError(f.element, v);
      if (problem) {
        errors[name] = problem;
        any = true;
      }
      current[name] = v;
    }
    if (any) {
      this.showErrors(errors, null);
      return;
    }
    this.showErrors({}, null);
    this.busy(true);
    try {
      await this.handlers.submit({ ...this.accumulated, ...this.values() });
    } catch (e) {
      this.busy(false);
      this.showErrors(e.errors || {}, e.message || String(e));
    }
  }

  async cancel() {
    this.close();
    if (this.handlers.cancel) await this.handlers.cancel();
  }

  busy(on) {
    this.submitButton.disabled = on;
    this.element.classList.toggle('busy', on);
  }

  /**
   * The integration's answer to a submission ({@code response}: a SubmitDialogResponse; {@code error}: the AppError
   * when the call failed): errors keep the dialog open, a form replaces it, anything else closes it. Returns whether
   * the dialog is still open.
   */
  answer(response, error) {
    this.busy(false);
    if (error) {
      this.showErrors({}, error.message || 'Submission failed.');
      return true;
    }
    const r = response && typeof response === 'object' ? response : {};
    const hasErrors = r.errors && typeof r.errors === 'object' && Object.keys(r.errors).length > 0;
    if (r.error || hasErrors) {
      this.showErrors(hasErrors ? r.errors : {}, r.error || null);
      return true;
    }
    if (r.type === 'form' && r.form && typeof r.form === 'object') {
      const values = { ...this.accumulated, ...this.values() };
      this.accumulated = values;
      this.show(r.form, values);
      return true;
    }
    this.close();
    return false;
  }

  close() {
    this.backdrop.remove();
  }
}
