/**
 * The script injected into preview pages only (served as /__monitor/reload.js, because the pages'
 * CSP forbids inline scripts). It listens for rebuilds on /__monitor/events, reloads the page when
 * its file changed, and shows content errors in an overlay over the last good page.
 */
export const reloadScript = `(() => {
  'use strict';
  const page = () => {
    let p = decodeURIComponent(location.pathname).replace(/^\\/+/, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    return p;
  };
  let overlay;
  const hide = () => { if (overlay) { overlay.remove(); overlay = undefined; } };
  const show = (problems) => {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'monitor-overlay';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-label', 'Build errors');
    Object.assign(overlay.style, { position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', background: 'rgba(20,20,20,0.94)', color: '#fff', font: '15px/1.5 ui-monospace, monospace', padding: '2rem' });
    const h = document.createElement('h2');
    h.textContent = 'The edition has errors: the last good version is shown behind this message.';
    Object.assign(h.style, { font: 'bold 18px/1.4 sans-serif', margin: '0 0 1rem', color: '#ffb4b4' });
    overlay.append(h);
    for (const p of problems) {
      const item = document.createElement('pre');
      item.className = 'monitor-problem';
      Object.assign(item.style, { whiteSpace: 'pre-wrap', margin: '0 0 1rem' });
      item.textContent = p.file + ':' + p.line + ':' + p.column + ' ' + p.severity + ' ' + p.message + '  ' + p.rule + (p.hint ? '\\n  hint: ' + p.hint : '');
      overlay.append(item);
    }
    const close = document.createElement('button');
    close.textContent = 'Hide';
    close.addEventListener('click', hide);
    overlay.append(close);
    document.body.append(overlay);
  };
  const state = (s) => {
    if (s.problems && s.problems.some((p) => p.severity === 'error')) show(s.problems.filter((p) => p.severity === 'error'));
    else hide();
  };
  const pdf = document.createElement('a');
  pdf.href = '/__monitor/pdf';
  pdf.textContent = 'Regenerate PDF';
  pdf.id = 'monitor-pdf';
  Object.assign(pdf.style, { position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483646', background: '#003f7d', color: '#fff', padding: '0.5rem 0.9rem', borderRadius: '4px', font: '14px sans-serif', textDecoration: 'none' });
  document.addEventListener('DOMContentLoaded', () => document.body.append(pdf));
  let version;
  const events = new EventSource('/__monitor/events');
  events.addEventListener('state', (e) => {
    const s = JSON.parse(e.data);
    const first = version === undefined;
    const mine = s.changed.includes(page()) || s.changed.some((c) => !c.endsWith('.html'));
    if (!first && s.version !== version && mine) { location.reload(); return; }
    version = s.version;
    const apply = () => state(s);
    if (document.body) apply(); else document.addEventListener('DOMContentLoaded', apply);
  });
})();
`;
