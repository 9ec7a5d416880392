// The console's shell: hash routes to page modules (pages/<name>.js exporting mount(element, api, params) that
// returns an unmount function), the admin token dialog, and the cluster name in the header.
import { api, setTokenPrompt } from './api.js';
import { h, replace } from './ui.js';

const PAGES = ['playground', 'hooks', 'deliveries', 'dead-letters', 'pipeline'];
const DEFAULT_PAGE = 'playground';

let unmount = null;
let mounting = 0;

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, search] = hash.split('?');
  return { name: PAGES.includes(name) ? name : DEFAULT_PAGE, params: new URLSearchParams(search || '') };
}

async function show() {
  const { name, params } = route();
  const ticket = ++mounting;
  if (unmount) {
    try { unmount(); } catch (e) { console.error(e); }
    unmount = null;
  }
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === name));
  const element = document.getElementById('page');
  replace(element, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const page = await import(`./pages/${name}.js`);
    if (ticket !== mounting) return;
    replace(element);
    element.dataset.page = name;
    unmount = (await page.mount(element, api, params)) || null;
    if (ticket !== mounting && unmount) { unmount(); unmount = null; }
  } catch (e) {
    if (ticket !== mounting) return;
    replace(element, h('p', { class: 'error' }, `This page failed: ${e.message}`));
  }
}

setTokenPrompt(() => new Promise((resolve) => {
  const dialog = document.getElementById('token-dialog');
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  input.value = '';
  form.onsubmit = () => resolve(input.value.trim());
  dialog.showModal();
}));

window.addEventListener('hashchange', show);
show();
api.get('/api/console').then((info) => {
  document.getElementById('cluster').textContent = `Kafka ${info.bootstrap_servers}`;
}).catch(() => {});
