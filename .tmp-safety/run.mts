import { writeEdition, buildEdition, tempDir, chapter, readOutputTree, grepTree } from '../tests/safety/helpers.ts';
import { hostileBody, hostileMarkers } from '../tests/safety/hostile.ts';
const root = await writeEdition({ 'evil.md': chapter('title: Evil\nkind: guest-essay\nsummary: Hostile.', hostileBody) });
const out = await tempDir('out');
const r = await buildEdition(root, out, 'html');
console.log(r.ok, r.problems);
const files = await readOutputTree(out);
for (const m of hostileMarkers) { const h = grepTree(files, m); if (h.length) console.log(m, h); }
const html = files.get('html/evil/index.html')!.toString();
console.log(html.slice(html.indexOf('chapter-body'), html.indexOf('</article>')));
