import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
const seen = new Map(); const pkgs = new Map();
function walk(file, from) {
  if (seen.has(file)) return; seen.set(file, from);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) { let f = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'); if (!existsSync(f)) f = f.replace(/\.ts$/, '.js'); walk(f, file); }
    else if (!spec.startsWith('node:')) { const p = spec.startsWith('@') ? spec.split('/').slice(0,2).join('/') : spec.split('/')[0]; if (!pkgs.has(p)) pkgs.set(p, file); }
  }
}
walk(path.resolve(process.argv[2]), null);
console.log(seen.size, 'files');
for (const [p, f] of pkgs) console.log(p, '<-', path.relative(process.cwd(), f));
