// Markdown as Mattermost renders messages, built as DOM nodes: text only ever becomes text nodes, so a message
// from a callback cannot inject HTML (Mattermost also shows inline HTML as text). Links and images keep only
// http(s) (and mailto for links) URLs.

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^https?:\/\//i;

/** A URL a link may point to, or null. */
export function safeLink(url) {
  const u = String(url ?? '').trim();
  return SAFE_LINK.test(u) ? u : null;
}

/** A URL an image may be loaded from, or null. */
export function safeImage(url) {
  const u = String(url ?? '').trim();
  return SAFE_IMAGE.test(u) ? u : null;
}

/** An element with an optional class and text (always a text node, never parsed as HTML). */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/**
 * An image from a message, attachment or dialog: only from an http(s) URL (else null), and without telling that
 * server which page showed it.
 */
export function remoteImage(url, className, alt = '') {
  const src = safeImage(url);
  if (!src) return null;
  const img = el('img', className);
  img.src = src;
  img.alt = alt;
  img.referrerPolicy = 'no-referrer';
  return img;
}

/** An anchor opening in a new tab without telling the target where it came from. */
export function link(href, content) {
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  if (typeof content === 'string') a.textContent = content; else if (content) a.append(content);
  return a;
}

// Inline syntax, earliest match wins; alternatives in priority order at the same position.
const INLINE = new RegExp([
  '(?<code>(`+)([\\s\\S]+?)\\2)',
  '(?<image>!\\[([^\\]]*)\\]\\(\\s*([^)\\s]+)(?:\\s+"[^"]*")?\\s*\\))',
  '(?<link>\\[((?:[^\\[\\]]|\\[[^\\]]*\\])+)\\]\\(\\s*([^)\\s]+)(?:\\s+"[^"]*")?\\s*\\))',
  '(?<auto><(https?:\\/\\/[^>\\s]+|mailto:[^>\\s]+)>)',
  '(?<url>\\bhttps?:\\/\\/[^\\s<]*[^\\s<.,;:!?)\\]\'"])',
  '(?<strong>\\*\\*(?=\\S)([\\s\\S]+?)\\*\\*|\\b__(?=\\S)([\\s\\S]+?)__\\b)',
  '(?<strike>~~(?=\\S)([\\s\\S]+?)~~)',
  '(?<em>\\*(?=[^\\s*])([^*]+?)\\*|\\b_(?=[^\\s_])([^_]+?)_\\b)',
  '(?<mention>(?:^|(?<=[\\s(]))@[a-z0-9][a-z0-9._-]*[a-z0-9_])',
  '(?<br>\\n)',
].join('|'), 'giu');

/** Appends the inline Markdown of {@code text} to {@code parent}. */
export function renderInline(text, parent) {
  const source = String(text ?? '');
  const re = new RegExp(INLINE.source, INLINE.flags);
  let last = 0;
  let m;
  while ((m = re.exec(source)) !== null) {
    if (m.index > last) parent.append(document.createTextNode(source.slice(last, m.index)));
    last = m.index + m[0].length;
    const g = m.groups;
    if (g.code !== undefined) {
      parent.append(el('code', null, m[3].trim() === '' ? m[3] : m[3].replace(/^ (.*) $/s, '$1')));
    } else if (g.image !== undefined) {
      const img = remoteImage(m[6], 'md-image', m[5]);
      if (img) {
        parent.append(img);
      } else {
        parent.append(document.createTextNode(m[0]));
      }
    } else if (g.link !== undefined) {
      const href = safeLink(m[9]);
      if (href) {
        const a = link(href);
        renderInline(m[8], a);
        parent.append(a);
      } else {
        renderInline(m[8], parent);
      }
    } else if (g.auto !== undefined) {
      parent.append(link(m[11], m[11].replace(/^mailto:/i, '')));
    } else if (g.url !== undefined) {
      parent.append(link(m[0], m[0]));
    } else if (g.strong !== undefined) {
      const s = el('strong');
      renderInline(m[14] ?? m[15], s);
      parent.append(s);
    } else if (g.strike !== undefined) {
      const s = el('del');
      renderInline(m[17], s);
      parent.append(s);
    } else if (g.em !== undefined) {
      const s = el('em');
      renderInline(m[19] ?? m[20], s);
      parent.append(s);
    } else if (g.mention !== undefined) {
      parent.append(el('span', 'mention', m[0]));
    } else if (g.br !== undefined) {
      parent.append(el('br'));
    }
  }
  if (last < source.length) parent.append(document.createTextNode(source.slice(last)));
}

const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const BULLET = /^(\s*)([-*+])\s+(.*)$/;
const ORDERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line) {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  return s.split('|').map((c) => c.trim());
}

/**
 * The Markdown {@code text} as a {@code div.markdown}: paragraphs (single line breaks kept, as Mattermost does),
 * headings, code blocks, block quotes, lists, tables, rules, and the inline syntax.
 */
export function renderMarkdown(text) {
  const root = el('div', 'markdown');
  appendBlocks(String(text ?? '').replace(/\r\n?/g, '\n').split('\n'), root);
  return root;
}

function appendBlocks(lines, parent) {
  let i = 0;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) {
      const p = el('p');
      renderInline(paragraph.join('\n'), p);
      parent.append(p);
      paragraph = [];
    }
  };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (line.trim() === '') {
      flush();
      i++;
    } else if ((m = FENCE.exec(line))) {
      flush();
      const close = m[1];
      const code = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(close)) code.push(lines[i++]);
      i++;
      const pre = el('pre');
      const c = el('code', m[2] ? 'language-' + m[2] : null, code.join('\n'));
      pre.append(c);
      parent.append(pre);
    } else if ((m = HEADING.exec(line))) {
      flush();
      const h = el('h' + m[1].length);
      renderInline(m[2], h);
      parent.append(h);
      i++;
    } else if (RULE.test(line) && paragraph.length === 0) {
      flush();
      parent.append(el('hr'));
      i++;
    } else if (QUOTE.test(line)) {
      flush();
      const quoted = [];
      while (i < lines.length && (m = QUOTE.exec(lines[i]))) {
        quoted.push(m[1]);
        i++;
      }
      const q = el('blockquote');
      appendBlocks(quoted, q);
      parent.append(q);
    } else if (BULLET.test(line) || ORDERED.test(line)) {
      flush();
      i = appendList(lines, i, parent);
    } else if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1])) {
      flush();
      const table = el('table', 'md-table');
      const head = el('thead');
      const tr = el('tr');
      for (const c of cells(line)) {
        const th = el('th');
        renderInline(c, th);
        tr.append(th);
      }
      head.append(tr);
      table.append(head);
      const body = el('tbody');
      i += 2;
      while (i < lines.length && lines[i].includes('|') && lines[i].trim() !== '') {
        const row = el('tr');
        for (const c of cells(lines[i])) {
          const td = el('td');
          renderInline(c, td);
          row.append(td);
        }
        body.append(row);
        i++;
      }
      table.append(body);
      parent.append(table);
    } else {
      paragraph.push(line);
      i++;
    }
  }
  flush();
}

function appendList(lines, start, parent) {
  const first = BULLET.exec(lines[start]) || ORDERED.exec(lines[start]);
  const ordered = !BULLET.test(lines[start]);
  const indent = first[1].length;
  const list = el(ordered ? 'ol' : 'ul');
  if (ordered && first[2] !== '1') list.start = Number(first[2]);
  let i = start;
  let item = null;
  let itemLines = [];
  const close = () => {
    if (item) {
      appendBlocks(itemLines, item);
      // a one-paragraph item shows its text directly, as a tight list does
      if (item.childElementCount === 1 && item.firstElementChild.tagName === 'P') {
        item.firstElementChild.replaceWith(...item.firstElementChild.childNodes);
      }
      list.append(item);
    }
  };
  while (i < lines.length) {
    const line = lines[i];
    const m = (ordered ? ORDERED : BULLET).exec(line);
    if (m && m[1].length === indent) {
      close();
      item = el('li');
      itemLines = [m[3]];
    } else if (line.trim() === '') {
      if (i + 1 < lines.length && /^\s+/.test(lines[i + 1]) && lines[i + 1].trim() !== '') itemLines.push('');
      else break;
    } else if (/^\s+/.test(line) && line.search(/\S/) > indent) {
      itemLines.push(line.slice(Math.min(line.search(/\S/), indent + 2)));
    } else if (!BULLET.test(line) && !ORDERED.test(line) && !FENCE.test(line) && !HEADING.test(line)) {
      itemLines.push(line.trim());
    } else {
      break;
    }
    i++;
  }
  close();
  parent.append(list);
  return i;
}
