import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map(); // node id -> self time
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const group = (url, fn) => { if (!url) return '(' + fn + ')'; const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url); if (m) return 'pkg ' + m[1]; const q = /\/work\/main\/(.*)/.exec(url); return q ? q[1] : url.slice(0, 60); };
const self = new Map(), incl = new Map();
let total = 0;
for (const [id, t] of dt) {
  total += t; const n = byId.get(id); const g = group(n.callFrame.url, n.callFrame.functionName); self.set(g, (self.get(g) ?? 0) + t);
  // inclusive by pipeline file: walk up, count each file once
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nn = byId.get(cur); const u = nn.callFrame.url; if (u && u.includes('/work/main/pipeline/')) { const f = group(u); if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + t); } } cur = parent.get(cur); }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([g, t]) => `${(t / 1000).toFixed(0).padStart(6)} ms  ${g}`).join('\n');
console.log('total', (total / 1000).toFixed(0), 'ms\n-- self by module\n' + top(self, 25) + '\n-- inclusive by pipeline file\n' + top(incl, 30));
// inclusive by package under a given pipeline file
if (process.argv[3]) {
  const target = process.argv[3]; const under = new Map();
  for (const [id, t] of dt) {
    let cur = id, hit = false; const chain = [];
    while (cur !== undefined) { const nn = byId.get(cur); chain.push(nn); if ((nn.callFrame.url || '').includes(target)) { hit = true; break; } cur = parent.get(cur); }
    if (!hit) continue;
    const seen = new Set();
    for (const nn of chain) { const g = group(nn.callFrame.url, nn.callFrame.functionName) + ' ' + nn.callFrame.functionName; if (!seen.has(g)) { seen.add(g); under.set(g, (under.get(g) ?? 0) + t); } }
  }
  console.log('-- under', target); console.log(top(under, 40));
}
