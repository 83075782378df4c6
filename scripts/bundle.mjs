#!/usr/bin/env node
// Bundle the pipeline into dist/ with esbuild (a dependency of tsx), so `monitor` starts without
// compiling TypeScript on every run. bin/monitor.js uses the bundle only while dist/.source-hash
// matches the sources, and falls back to running the sources through tsx otherwise: an edited
// pipeline is never run from a stale bundle. Run again with `node scripts/bundle.mjs`.
//
// Two bundles. dist/cli.cjs is the command in one CommonJS file, which bin/load-bundle.js compiles
// with V8's code cache: Node 20 keeps no compiled code for ES modules, and compiling the bundle
// took about a tenth of a one-essay rebuild. The ES-module bundle (dist/cli.js and the chart and
// PNG threads' entries) is for the threads, and for a Node that cannot require ES-module packages.
import { build } from 'esbuild';
import { readFileSync, rmSync, renameSync, writeFileSync } from 'node:fs';
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
  try {
    await commonJsBundle();
  } catch (error) {
    rmSync(join(temp, 'cli.cjs'), { force: true });
    console.log(`[monitor] could not make the CommonJS bundle (${error.message}); monitor will load the ES-module bundle`);
  }
  writeFileSync(join(temp, '.source-hash'), `${hash}\n`);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  renameSync(temp, join(root, 'dist'));
  console.log('[monitor] bundled the pipeline into dist/');
} catch (error) {
  rmSync(temp, { recursive: true, force: true });
  console.log(`[monitor] could not bundle the pipeline (${error.message}); monitor will run the sources through tsx`);
}

/**
 * dist/cli.cjs. Its `import.meta.url` is the file's own URL, as in the ES-module bundle beside it.
 * vega-canvas's Node build waits at its top level for the optional `canvas` package, which
 * CommonJS cannot do; without that package it is the same as the browser build, used here.
 * Packages left outside that are ES modules only cannot be required, so each `import("package")`
 * becomes `__monitorImport("package")`, the loader's own import().
 */
async function commonJsBundle() {
  const file = join(temp, 'cli.cjs');
  await build({
    entryPoints: { cli: join(root, 'pipeline/cli.ts') },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external,
    define: { 'import.meta.url': '__monitorModuleUrl' },
    banner: { js: "const __monitorModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    outExtension: { '.js': '.cjs' },
    // Comments would be a third of the file, read and kept in memory on every start.
    minifyWhitespace: true,
    plugins: [
      {
        name: 'vega-canvas-without-canvas',
        setup(b) {
          b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js') }));
        },
      },
    ],
    outdir: temp,
    logLevel: 'warning',
  });
  const isExternal = (specifier) => external.some((e) => (e.endsWith('/*') ? specifier.startsWith(e.slice(0, -1)) : specifier === e || specifier.startsWith(`${e}/`)));
  const code = readFileSync(file, 'utf8')
    .replace(/\bimport\((["'])([^"'./][^"']*)\1\)/g, (call, quote, specifier) => (isExternal(specifier) ? `__monitorImport(${quote}${specifier}${quote})` : call))
    // esbuild writes strings and names in ASCII but leaves regular expressions as written. As
    // \uXXXX escapes (surrogate pairs for the rest) they match the same, with or without the u
    // flag, and the whole file is ASCII: Node reads it as a one-byte string, without decoding.
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, code);
}
