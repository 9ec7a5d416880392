// Small DOM helpers shared by the pages. Text always goes in as text nodes, never as HTML: whatever a callback or
// a hook's owner wrote cannot become markup here.

/** h('button', {class: 'primary', onclick: fn}, 'Save') builds an element; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'disabled' || k === 'selected') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A time as the operator reads it: local date and time with seconds (ISO strings and epoch millis). */
export function time(value) {
  if (value === null || value === undefined || value === '') return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(undefined, { hour12: false });
}

/**
 * Shows an ApiError in a form: each field's message under the input named like the field (data-field), the rest
 * in the form's .form-error element. Returns true when every message found its field.
 */
export function showErrors(form, error) {
  clearErrors(form);
  let placed = true;
  const general = form.querySelector('.form-error');
  const errors = (error && error.errors) || {};
  for (const [field, message] of Object.entries(errors)) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    if (slot) {
      slot.textContent = message;
      const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
      if (input) input.setAttribute('aria-invalid', 'true');
    } else placed = false;
  }
  if (general && (!placed || Object.keys(errors).length === 0)) general.textContent = error.message;
  return placed;
}

export function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  if (general) general.textContent = '';
}

/** A labelled input with its error slot: field(label, input, help). The input's name is the API field. */
export function field(label, input, help) {
  return h('div', { class: 'field' },
    h('label', {}, h('span', { class: 'label' }, label), input),
    help ? h('div', { class: 'help' }, help) : null,
    h('div', { class: 'field-error', 'data-error-for': input.name }));
}

/** A transient message at the top of the page. */
export function toast(text, kind = 'info') {
  const el = h('div', { class: `toast ${kind}`, role: 'status' }, text);
  document.body.append(el);
  setTimeout(() => el.remove(), 6000);
}
