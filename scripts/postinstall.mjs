#!/usr/bin/env node
// npm postinstall: make sure a Chrome/Chromium exists for the PDF edition (Puppeteer's own
// download is switched off in .puppeteerrc.cjs; it cannot work without general internet access),
// and that the PDF tools the tests and `monitor audit` read PDFs with are there.
//
// - A browser is found: say which, done.
// - None, running as root on Debian/Ubuntu with apt-get: install Debian's chromium, saying so.
// - Otherwise: print how to get one.
// - The PDF tools (poppler-utils: pdftotext, pdffonts, pdftoppm; qpdf) and EPUBCheck (Debian's
//   epubcheck) are installed the same way when missing and we can; without them only some tests
//   cannot run, so they never fail the install.
// - Ace by DAISY, the EPUB accessibility checker the tests run, goes into .tools/ace/ with its
//   install scripts off: no Electron download, it drives the same Chromium as the PDF. Skip it with
//   MONITOR_SKIP_ACE_INSTALL=1.
// Never fails the npm install: the HTML edition builds without a browser, and `monitor build`
// reports rule pdf-browser with the same advice if a PDF is asked for. The one exception is
// MONITOR_REQUIRE_BROWSER=1 (CI images that must be able to print): then a missing browser
// after the install attempt exits 1.
// Skip all of it with MONITOR_SKIP_BROWSER_INSTALL=1 (PUPPETEER_SKIP_DOWNLOAD only concerns
// Puppeteer's own download, which is always off here).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findBrowser } from './find-browser.mjs';

const env = process.env;
const say = (line) => console.log(`[monitor] ${line}`);
const required = env.MONITOR_REQUIRE_BROWSER === '1';

function main() {
  if (env.MONITOR_SKIP_BROWSER_INSTALL === '1' || env.MONITOR_SKIP_BROWSER_INSTALL === 'true') {
    say('MONITOR_SKIP_BROWSER_INSTALL is set: not looking for a browser.');
    return 0;
  }
  installPdfTools();
  installAce();
  const found = findBrowser(env);
  if (found) {
    say(`PDF edition will print with ${found.path} (${found.source}).`);
    return 0;
  }
  if (env.PUPPETEER_EXECUTABLE_PATH) {
    say(`PUPPETEER_EXECUTABLE_PATH is set to ${env.PUPPETEER_EXECUTABLE_PATH}, which does not exist.`);
    return advise();
  }
  if (canAptInstall()) {
    say('No Chrome or Chromium found. Installing Debian\'s chromium for the PDF edition:');
    say('  apt-get update && apt-get install -y chromium   (about a minute; skip with MONITOR_SKIP_BROWSER_INSTALL=1)');
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = updated ? { status: 0 } : spawnSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: aptEnv }) : update;
    const after = findBrowser(env);
    if (install.status === 0 && after) {
      say(`Installed: the PDF edition will print with ${after.path}.`);
      return 0;
    }
    say('Installing chromium with apt-get failed.');
  }
  return advise();
}

/** Debian packages the test suite reads PDFs and ZIPs and checks EPUBs with, by one binary each ships. */
const pdfTools = [
  { pkg: 'poppler-utils', bin: 'pdftotext' },
  { pkg: 'qpdf', bin: 'qpdf' },
  { pkg: 'epubcheck', bin: 'epubcheck' },
  { pkg: 'unzip', bin: 'unzip' },
];

/** Ace by DAISY, pinned; the tests find it in .tools/ace/ (see tests/epub/). */
const ace = '@daisy/ace@1.4.6';
const aceDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '.tools', 'ace');

function installAce() {
  if (env.MONITOR_SKIP_ACE_INSTALL === '1' || env.MONITOR_SKIP_ACE_INSTALL === 'true') return;
  if (existsSync(path.join(aceDir, 'node_modules', '@daisy', 'ace', 'package.json'))) return;
  say(`Installing ${ace} (the EPUB accessibility checker the tests run) into .tools/ace/, without install scripts:`);
  mkdirSync(aceDir, { recursive: true });
  // Its own package.json, so npm installs here and never into the project.
  writeFileSync(path.join(aceDir, 'package.json'), '{ "private": true }\n');
  const run = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', ace], {
    cwd: aceDir,
    stdio: 'inherit',
    env: { ...env, PUPPETEER_SKIP_DOWNLOAD: '1', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (run.status !== 0) say('Installing Ace failed: the EPUB accessibility test will say how to install it.');
}

/** Whether this run already refreshed apt's lists (the browser step then skips its own update). */
let updated = false;

function installPdfTools() {
  const missing = pdfTools.filter((t) => !onPath(t.bin)).map((t) => t.pkg);
  if (missing.length === 0 || !canAptInstall()) return;
  say(`Installing Debian's ${missing.join(' and ')} (PDF tools the tests use):`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env: aptEnv });
  if (update.status === 0) spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env: aptEnv });
  updated = update.status === 0;
}

function onPath(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

function advise() {
  say('No Chrome or Chromium found: `monitor build --format html` works, the PDF edition needs a browser.');
  say('  Debian/Ubuntu: sudo apt-get install chromium');
  say('  Fedora: sudo dnf install chromium;  macOS: install Google Chrome');
  say('  Or point PUPPETEER_EXECUTABLE_PATH at a Chrome/Chromium binary.');
  return required ? 1 : 0;
}

function canAptInstall() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  if (!existsSync('/etc/debian_version')) {
    try {
      if (!/^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'))) return false;
    } catch {
      return false;
    }
  }
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

process.exitCode = main();
