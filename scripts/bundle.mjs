#!/usr/bin/env node
// Bundle the pipeline into dist/ with esbuild (a dependency of tsx), so `monitor` starts without
// compiling TypeScript on every run. bin/monitor.js uses the bundle only while dist/.source-hash
// matches the sources, and falls back to running the sources through tsx otherwise: an edited
// pipeline is never run from a stale bundle. Run again with `node scripts/bundle.mjs`.
import { build } from 'esbuild';
import { rmSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './source-hash.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const temp = join(root, `dist.tmp-${process.pid}`);
const hash = sourceHash(root);
const external = [
  '@resvg/resvg-js',
  '@fontsource/*',
  'esbuild',
  'hyphen',
  'hyphen/*',
  'pagefind',
  'pdfjs-dist',
  'pdfjs-dist/*',
  'puppeteer',
  'puppeteer-core',
  'tinypool',
  'tsx',
  'tsx/*',
  'typescript',
  'world-atlas',
  'world-atlas/*',
];
try {
  await build({
    // The chart and PNG workers are entries of their own: threads load them by file name (dist/chart-worker.js, dist/png-worker.js).
    entryPoints: {
      cli: join(root, 'pipeline/cli.ts'),
      'chart-worker': join(root, 'pipeline/stages/charts/chart-worker.ts'),
      'png-worker': join(root, 'pipeline/stages/charts/png-worker.ts'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages are bundled too: loading a few large files is much faster than resolving and
    // compiling hundreds of small modules on every start (`monitor check`, each chart thread's
    // Vega). Left outside: packages with native code, binaries, worker files or data read from
    // their own folder at run time.
    external,
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: { js: "import { createRequire as __monitorCreateRequire } from 'node:module'; const require = __monitorCreateRequire(import.meta.url);" },
    outdir: temp,
    logLevel: 'warning',
  });
  writeFileSync(join(temp, '.source-hash'), `${hash}\n`);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  renameSync(temp, join(root, 'dist'));
  console.log('[monitor] bundled the pipeline into dist/');
} catch (error) {
  rmSync(temp, { recursive: true, force: true });
  console.log(`[monitor] could not bundle the pipeline (${error.message}); monitor will run the sources through tsx`);
}
