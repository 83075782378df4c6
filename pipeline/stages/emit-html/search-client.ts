/**
 * The site's search script (assets/search.js), a static file of our own: it turns the box that
 * reads "Contents" without JavaScript into a search form over the Pagefind index. Pagefind loads
 * on first use only. Excerpts are copied as text and <mark>s, never as HTML.
 */
export const searchScript = `// Search for the web edition: progressive enhancement of [data-search].
const boxes = document.querySelectorAll('[data-search]');
let engine;
function load(root) {
  engine ??= import(new URL(root + 'pagefind/pagefind.js', document.baseURI).href).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return engine;
}
function excerpt(html) {
  const p = document.createElement('p');
  const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      p.append(mark);
    } else p.append(document.createTextNode(node.textContent || ''));
  }
  return p;
}
function link(root, url, text) {
  const a = document.createElement('a');
  a.href = root + url.replace(/^\\//, '');
  a.textContent = text;
  return a;
}
boxes.forEach((box, n) => {
  const root = box.getAttribute('data-root') || './';
  const id = 'search-' + n;
  const form = document.createElement('form');
  form.setAttribute('role', 'search');
  form.className = 'search-form';
  const label = document.createElement('label');
  label.htmlFor = id;
  // The page gives the words in the edition's language (layout.ts); English only as a last resort.
  const say = (name, fallback) => box.getAttribute('data-' + name) || fallback;
  label.textContent = say('label', 'Search');
  const input = document.createElement('input');
  input.type = 'search';
  input.id = id;
  input.autocomplete = 'off';
  input.spellcheck = false;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-results';
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  panel.hidden = true;
  panel.append(status, list);
  form.append(label, input);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  box.prepend(form);
  box.append(panel);
  let timer;
  let asked = '';
  input.addEventListener('focus', () => load(root).catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      input.value = '';
      run();
    }
  });
  async function run() {
    const q = input.value.trim();
    asked = q;
    if (q === '') {
      panel.hidden = true;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    panel.hidden = false;
    let pf;
    try {
      pf = await load(root);
    } catch {
      status.textContent = say('unavailable', 'Search is not available here; use the contents.');
      return;
    }
    const found = await pf.search(q);
    if (asked !== q || !found) return;
    const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    if (asked !== q) return;
    const count = found.results.length;
    const said = count === 0 ? say('none', 'No pages found for “{query}”.') : count === 1 ? say('one', '1 page found.') : count > 10 ? say('first', '{count} pages found, the first 10 shown.') : say('many', '{count} pages found.');
    status.textContent = said.split('{query}').join(q).split('{count}').join(String(count));
    list.replaceChildren(
      ...top.map((r) => {
        const li = document.createElement('li');
        const h = document.createElement('p');
        h.className = 'search-title';
        h.append(link(root, r.url, (r.meta && r.meta.title) || r.url));
        li.append(h, excerpt(r.excerpt));
        const subs = (r.sub_results || []).filter((s) => s.url !== r.url && s.url.includes('#')).slice(0, 3);
        if (subs.length > 0) {
          const ul = document.createElement('ul');
          for (const s of subs) {
            const item = document.createElement('li');
            item.append(link(root, s.url, s.title));
            ul.append(item);
          }
          li.append(ul);
        }
        return li;
      }),
    );
  }
});
`;
