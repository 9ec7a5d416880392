// The console's only way to the server: JSON over fetch with the CSRF header and the admin token, and
// Server-Sent Events read through fetch (EventSource cannot send the Authorization header).

const TOKEN_KEY = 'hookline-console-token';
const CSRF_HEADER = 'X-Hookline-Console';

/** A failed API call: the server's message, its field, and every field's message by field name. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.field = (body && body.field) || null;
    this.errors = {};
    for (const e of (body && body.errors) || []) {
      if (e.field && !(e.field in this.errors)) this.errors[e.field] = e.message;
    }
  }
}

let askToken = async () => window.prompt('Admin token (hookline.console-admin-token)') || '';

/** Sets how the page asks for the admin token when the server wants one (a function returning a Promise). */
export function setTokenPrompt(fn) {
  askToken = fn;
}

let pendingToken = null;

/** One prompt for every call that met a 401 at the same time. */
function token(body) {
  if (!pendingToken) {
    pendingToken = Promise.resolve(askToken(body)).then((t) => {
      sessionStorage.setItem(TOKEN_KEY, t || '');
      return t;
    }).finally(() => { pendingToken = null; });
  }
  return pendingToken;
}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function call(method, path, body, retried) {
  const init = { method, headers: headers(method === 'GET' ? {} : { [CSRF_HEADER]: '1' }), credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !retried) {
    await token(await response.json().catch(() => ({})));
    return call(method, path, body, true);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = { error: text };
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Opens the event stream at path; onEvent(name, data) for each event. Reconnects after a pause when the stream
 * ends; returns a function that closes it for good.
 */
function stream(path, onEvent, onStatus = () => {}) {
  const controller = new AbortController();
  let closed = false;
  const run = async () => {
    while (!closed) {
      try {
        const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
        if (response.status === 401) {
          await token({});
          continue;
        }
        if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
        onStatus('open');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            const data = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
            }
            if (data.length) onEvent(name, JSON.parse(data.join('\n')));
          }
        }
      } catch (e) {
        if (closed) return;
        onStatus('error', e);
      }
      if (!closed) {
        onStatus('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  };
  run();
  return () => {
    closed = true;
    controller.abort();
  };
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body = {}) => call('POST', path, body),
  put: (path, body = {}) => call('PUT', path, body),
  del: (path) => call('DELETE', path),
  stream,
  query,
};
