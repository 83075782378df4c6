#!/usr/bin/env node
/**
 * Does package.json match the imports? Collects the packages the code names (import/export
 * from, import(), require(), require.resolve(), `hyphen/${id}`-style templates, and quoted
 * package names handed to a resolver) and compares them with the manifest:
 *   - pipeline/, bin/, scripts/ may use only `dependencies` (a type-only package may come from
 *     `@types/<name>` among the devDependencies);
 *   - tests/, bench/ and vitest.config.ts may also use `devDependencies`;
 *   - every declared package must be used by that code, or be a command in package.json scripts.
 * Prints each difference and exits 1 if there is one.
 * Usage: node scripts/check-dependencies.mjs
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const deps = new Set(Object.keys(manifest.dependencies ?? {}));
const devDeps = new Set(Object.keys(manifest.devDependencies ?? {}));
const builtins = new Set(builtinModules);

function* sources(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    yield full;
    return;
  }
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const child = path.join(entry, name);
    if (statSync(path.join(root, child)).isDirectory()) yield* sources(child);
    else if (/\.(?:[cm]?[jt]s)$/.test(name) && child !== path.join('scripts', 'check-dependencies.mjs')) yield path.join(root, child);
  }
}

const call = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\.resolve\s*\(\s*)(['"`])((?:node:)?[@a-z0-9][a-z0-9._/@-]*)(?:\1|\$\{)/g;
const literal = /['"]((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)(?:\/[^'"]*)?['"]/g;

function packageOf(spec) {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (spec.startsWith('node:') || builtins.has(name) || name === '') return undefined;
  return name;
}

/** Packages named by the files of `entries`, each with the first file that names it. */
function usedBy(entries) {
  const used = new Map();
  const note = (name, file) => {
    if (name !== undefined && !used.has(name)) used.set(name, path.relative(root, file));
  };
  for (const entry of entries) {
    for (const file of sources(entry)) {
      // Comments may quote imports as examples; they use nothing.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(call)) note(packageOf(m[2]), file);
      // A declared package handed over by name (e.g. a font table resolved at run time).
      for (const m of text.matchAll(literal)) if (deps.has(m[1]) || devDeps.has(m[1])) note(m[1], file);
    }
  }
  return used;
}

/** Packages whose command package.json's scripts run (tsc, tsx, vitest…). */
function commands() {
  const out = new Set();
  const words = new Set(Object.values(manifest.scripts ?? {}).join(' ').split(/[\s;&|]+/));
  for (const name of [...deps, ...devDeps]) {
    const file = path.join(root, 'node_modules', name, 'package.json');
    if (!existsSync(file)) continue;
    const bin = JSON.parse(readFileSync(file, 'utf8')).bin;
    const names = typeof bin === 'string' ? [name.split('/').pop()] : Object.keys(bin ?? {});
    if (names.some((n) => words.has(n))) out.add(name);
  }
  return out;
}

const runtime = usedBy(['pipeline', 'bin', 'scripts']);
const dev = usedBy(['tests', 'bench', 'vitest.config.ts']);
const run = commands();
const typesFor = (name) => devDeps.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`);

const problems = [];
for (const [name, file] of runtime) {
  if (deps.has(name) || typesFor(name)) continue;
  problems.push(`used but not in dependencies: ${name} (first in ${file})${devDeps.has(name) ? '; it is in devDependencies' : ''}`);
}
for (const [name, file] of dev) {
  if (deps.has(name) || devDeps.has(name) || typesFor(name) || runtime.has(name)) continue;
  problems.push(`used by the tests but not declared: ${name} (first in ${file})`);
}
for (const name of deps) {
  if (runtime.has(name) || run.has(name)) continue;
  problems.push(dev.has(name) ? `in dependencies but used only by tests or benchmarks: ${name} (move it to devDependencies)` : `in dependencies but never used: ${name}`);
}
for (const name of devDeps) {
  const typed = name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__/, '@$1/') : undefined;
  if (dev.has(name) || runtime.has(name) || run.has(name) || (typed && (runtime.has(typed) || dev.has(typed)))) continue;
  if (name === '@types/node') continue; // the types of the node: built-ins every module imports
  problems.push(`in devDependencies but never used: ${name}`);
}

for (const p of problems) console.log(p);
if (problems.length === 0) console.log(`package.json matches the imports (${runtime.size} packages at run time, ${dev.size} in tests and benchmarks).`);
process.exitCode = problems.length > 0 ? 1 : 0;
