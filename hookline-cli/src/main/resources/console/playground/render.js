// A post as Mattermost's web app shows it: author (the webhook's display name and overrides), time, priority
// labels, "(Only visible to you)" for ephemeral posts, the reply marker of a thread, the Markdown message and the
// message attachments (colour bar, pretext, author, title link, short and long fields, image, thumbnail, footer,
// buttons and menus). DOM only: nothing from a post is ever parsed as HTML.

import { el, link, remoteImage, renderInline, renderMarkdown, safeLink } from './markdown.js';

const NAMED_COLOURS = { good: '#2eb886', warning: '#daa038', danger: '#a30200' };
const HEX = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
const BUTTON_STYLES = ['default', 'primary', 'success', 'good', 'warning', 'danger'];

/** The attachment's bar colour: good, warning, danger or a hex colour; anything else is no colour. */
export function barColour(colour) {
  const c = String(colour ?? '').trim();
  if (NAMED_COLOURS[c]) return NAMED_COLOURS[c];
  return HEX.test(c) ? c : null;
}

/**
 * Who a post shows as: the override username of an integration's post, else the webhook's display name, else the
 * author's username, else their id.
 */
export function authorName(post, username) {
  const props = post.props || {};
  if (props.from_webhook === 'true') {
    if (typeof props.override_username === 'string' && props.override_username) return props.override_username;
    if (typeof props.webhook_display_name === 'string' && props.webhook_display_name) {
      return props.webhook_display_name;
    }
  }
  return username || post.user_id || 'unknown';
}

function time(ms) {
  const t = el('time', 'post-time');
  const d = new Date(Number(ms) || 0);
  t.dateTime = d.toISOString();
  t.textContent = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  t.title = d.toLocaleString();
  return t;
}

function avatar(post, name) {
  const props = post.props || {};
  const box = el('div', 'post-avatar');
  const icon = props.from_webhook === 'true' ? remoteImage(props.override_icon_url) : null;
  if (icon) {
    box.append(icon);
  } else if (props.from_webhook === 'true' && typeof props.override_icon_emoji === 'string'
      && props.override_icon_emoji) {
    box.textContent = ':' + props.override_icon_emoji.replace(/:/g, '') + ':';
    box.classList.add('emoji');
  } else {
    box.textContent = (name || '?').charAt(0).toUpperCase();
  }
  return box;
}

/** The priority labels of a root post's metadata.priority: urgent, important, acknowledgement, persistent. */
export function priorityLabels(post) {
  const p = post.metadata && post.metadata.priority;
  const labels = [];
  if (!p || typeof p !== 'object') return labels;
  if (p.priority === 'urgent') labels.push(el('span', 'priority-label urgent', 'URGENT'));
  if (p.priority === 'important') labels.push(el('span', 'priority-label important', 'IMPORTANT'));
  if (p.requested_ack === true) labels.push(el('span', 'priority-label ack', 'Acknowledgement requested'));
  if (p.persistent_notifications === true) labels.push(el('span', 'priority-label persistent', 'Persistent notifications'));
  return labels;
}

function tsText(ts) {
  if (ts === null || ts === undefined || ts === '') return null;
  const n = Number(ts);
  if (!Number.isFinite(n)) return String(ts);
  return new Date(n * 1000).toLocaleString();
}

function fieldValue(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isShort(short) {
  return short === true || (typeof short === 'string' && short.toLowerCase() === 'true');
}

/**
 * The actions Mattermost's client shows: those with an id and a name. {@code ctx.onAction(post, action, value)}
 * is called on a click ({@code value} empty) or a menu choice.
 */
function renderActions(post, actions, ctx) {
  const box = el('div', 'attachment-actions');
  for (const action of actions) {
    if (!action || typeof action !== 'object' || !action.id || !action.name) continue;
    if (action.type === 'select') {
      box.append(renderMenu(post, action, ctx));
    } else {
      const b = el('button', 'action-button', action.name);
      b.type = 'button';
      b.dataset.actionId = action.id;
      const style = String(action.style ?? '');
      if (BUTTON_STYLES.includes(style)) b.classList.add('style-' + style);
      else if (HEX.test(style)) { b.style.color = style; b.style.borderColor = style; }
      if (action.tooltip) b.title = action.tooltip;
      if (action.disabled === true) b.disabled = true;
      b.addEventListener('click', () => ctx.onAction(post, action, ''));
      box.append(b);
    }
  }
  return box;
}

function renderMenu(post, action, ctx) {
  const select = el('select', 'action-menu');
  select.dataset.actionId = action.id;
  select.setAttribute('aria-label', action.name);
  const placeholder = el('option', null, action.name);
  placeholder.value = '';
  placeholder.disabled = true;
  select.append(placeholder);
  let options = [];
  if (action.data_source === 'users') {
    options = (ctx.knownUsers ? ctx.knownUsers() : []).map((u) => ({ text: '@' + u.username, value: u.id }));
  } else if (action.data_source === 'channels') {
    options = (ctx.knownChannels ? ctx.knownChannels() : []).map((c) => ({ text: '~' + c.name, value: c.id }));
  } else if (Array.isArray(action.options)) {
    options = action.options.filter((o) => o && typeof o === 'object');
  }
  let chosen = false;
  for (const o of options) {
    const opt = el('option', null, o.text ?? o.value);
    opt.value = String(o.value ?? '');
    if (action.default_option !== undefined && String(action.default_option) === opt.value) {
      opt.selected = true;
      chosen = true;
    }
    select.append(opt);
  }
  if (!chosen) placeholder.selected = true;
  if (action.disabled === true) select.disabled = true;
  select.addEventListener('change', () => {
    if (select.value) ctx.onAction(post, action, select.value);
  });
  return select;
}

/** One message attachment (Slack's format, as Mattermost renders it). */
export function renderAttachment(post, attachment, ctx) {
  const wrap = el('div', 'attachment');
  if (attachment.pretext) {
    const pre = el('div', 'attachment-pretext');
    pre.append(renderMarkdown(attachment.pretext));
    wrap.append(pre);
  }
  const box = el('div', 'attachment-box');
  const colour = barColour(attachment.color);
  if (colour) box.style.borderLeftColor = colour;
  const content = el('div', 'attachment-content');
  const thumb = remoteImage(attachment.thumb_url, 'attachment-thumb');
  if (thumb) content.append(thumb);
  if (attachment.author_name) {
    const author = el('div', 'attachment-author');
    const icon = remoteImage(attachment.author_icon, 'attachment-author-icon');
    if (icon) author.append(icon);
    const href = safeLink(attachment.author_link);
    author.append(href ? link(href, String(attachment.author_name)) : el('span', null, attachment.author_name));
    content.append(author);
  }
  if (attachment.title) {
    const title = el('h4', 'attachment-title');
    const href = safeLink(attachment.title_link);
    if (href) {
      const a = link(href);
      renderInline(String(attachment.title), a);
      title.append(a);
    } else {
      renderInline(String(attachment.title), title);
    }
    content.append(title);
  }
  if (attachment.text) {
    const text = el('div', 'attachment-text');
    text.append(renderMarkdown(attachment.text));
    content.append(text);
  }
  if (Array.isArray(attachment.fields) && attachment.fields.length) {
    const fields = el('div', 'attachment-fields');
    for (const f of attachment.fields) {
      if (!f || typeof f !== 'object') continue;
      const field = el('div', 'attachment-field' + (isShort(f.short) ? ' short' : ''));
      if (f.title) field.append(el('div', 'attachment-field-title', f.title));
      const value = el('div', 'attachment-field-value');
      value.append(renderMarkdown(fieldValue(f.value)));
      field.append(value);
      fields.append(field);
    }
    content.append(fields);
  }
  const image = remoteImage(attachment.image_url, 'attachment-image');
  if (image) content.append(image);
  if (Array.isArray(attachment.actions) && attachment.actions.length) {
    content.append(renderActions(post, attachment.actions, ctx));
  }
  const ts = tsText(attachment.ts);
  if (attachment.footer || ts) {
    const footer = el('div', 'attachment-footer');
    const icon = remoteImage(attachment.footer_icon, 'attachment-footer-icon');
    if (icon) footer.append(icon);
    if (attachment.footer) footer.append(el('span', 'attachment-footer-text', attachment.footer));
    if (attachment.footer && ts) footer.append(el('span', 'attachment-footer-separator', ' | '));
    if (ts) footer.append(el('span', 'attachment-footer-ts', ts));
    content.append(footer);
  }
  box.append(content);
  wrap.append(box);
  return wrap;
}

/**
 * A post of the channel view: {@code view} is what the playground stream sends ({@code post}, {@code ephemeral},
 * {@code username}); {@code ctx} gives {@code onAction}, {@code findPost(id)} (for a reply's marker),
 * {@code knownUsers()} and {@code knownChannels()} (for user and channel menus).
 */
export function renderPost(view, ctx) {
  const post = view.post || {};
  const props = post.props || {};
  const name = authorName(post, view.username);
  const article = el('article', 'post');
  article.dataset.postId = post.id || '';
  if (view.ephemeral) article.classList.add('ephemeral');
  if (post.root_id) article.classList.add('reply');
  article.append(avatar(post, name));
  const body = el('div', 'post-body');
  const header = el('header', 'post-header');
  header.append(el('span', 'post-author', name));
  if (props.from_webhook === 'true') header.append(el('span', 'bot-tag', 'BOT'));
  header.append(time(post.create_at));
  if (post.edit_at) header.append(el('span', 'post-edited', '(edited)'));
  for (const label of priorityLabels(post)) header.append(label);
  if (view.ephemeral) header.append(el('span', 'ephemeral-label', '(Only visible to you)'));
  body.append(header);
  if (post.root_id) {
    const root = ctx.findPost ? ctx.findPost(post.root_id) : null;
    const marker = el('div', 'reply-marker');
    if (root) {
      marker.textContent = 'Commented on ' + authorName(root.post || {}, root.username) + "'s message: "
          + excerpt(root.post && root.post.message);
    } else {
      marker.textContent = 'Replied in a thread';
    }
    body.append(marker);
  }
  if (post.message) {
    const message = el('div', 'post-message');
    message.append(renderMarkdown(post.message));
    body.append(message);
  }
  if (Array.isArray(props.attachments)) {
    const attachments = el('div', 'attachments');
    for (const a of props.attachments) {
      if (a && typeof a === 'object') attachments.append(renderAttachment(post, a, ctx));
    }
    body.append(attachments);
  }
  body.append(el('div', 'post-action-error'));
  article.append(body);
  return article;
}

function excerpt(message) {
  const m = String(message ?? '').replace(/\s+/g, ' ').trim();
  return m.length > 80 ? m.slice(0, 79) + '…' : m;
}
