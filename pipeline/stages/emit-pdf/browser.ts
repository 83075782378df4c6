import { accessSync, constants, existsSync, statSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { systemBrowserPaths } from '../../../scripts/find-browser.mjs';
import { PdfEmitError } from './errors.js';

// Where a system Chrome or Chromium usually lives: one list, shared with the postinstall step
// (plain JavaScript, so it runs before anything is compiled).
export { systemBrowserPaths };

export interface BrowserProbe {
  readonly env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  /** False when the file exists but cannot be run (missing execute permission, a folder). */
  executable?(path: string): boolean;
  /** Path of Puppeteer's cached browser for its pinned revision (it may not exist). */
  puppeteerCachePath(): string | undefined;
}

export const defaultProbe: BrowserProbe = {
  env: process.env,
  exists: existsSync,
  executable(path) {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  puppeteerCachePath() {
    try {
      return puppeteer.executablePath();
    } catch {
      return undefined;
    }
  },
};

export interface ResolvedBrowser {
  readonly path: string;
  readonly source: 'option' | 'env' | 'system' | 'puppeteer-cache';
}

/**
 * Find the browser to print with: an explicit option, then PUPPETEER_EXECUTABLE_PATH, then a
 * system Chrome/Chromium, then Puppeteer's cache. Throws `pdf-browser` saying how to get one.
 */
export function resolveBrowser(explicit: string | undefined, probe: BrowserProbe = defaultProbe): ResolvedBrowser {
  const asked: [string, ResolvedBrowser['source'], string][] = [];
  if (explicit !== undefined && explicit !== '') asked.push([explicit, 'option', 'the executablePath option']);
  const fromEnv = probe.env['PUPPETEER_EXECUTABLE_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') asked.push([fromEnv, 'env', 'PUPPETEER_EXECUTABLE_PATH']);
  // A path the user named explicitly must exist: silently falling back would hide a typo.
  for (const [path, source, name] of asked) {
    if (!probe.exists(path)) throw new PdfEmitError('pdf-browser', `No browser at ${path} (from ${name}).`);
    if (probe.executable && !probe.executable(path)) throw new PdfEmitError('pdf-browser', `${path} (from ${name}) is not an executable program.`);
    return { path, source };
  }
  for (const path of systemBrowserPaths) {
    if (probe.exists(path)) return { path, source: 'system' };
  }
  const cached = probe.puppeteerCachePath();
  if (cached !== undefined && probe.exists(cached)) return { path: cached, source: 'puppeteer-cache' };
  throw new PdfEmitError(
    'pdf-browser',
    'No Chrome or Chromium found for the PDF edition. Looked at PUPPETEER_EXECUTABLE_PATH, ' +
      `${systemBrowserPaths.slice(0, 4).join(', ')}… and Puppeteer's cache. ` +
      'Install one (Debian/Ubuntu: sudo apt-get install chromium), or point PUPPETEER_EXECUTABLE_PATH at a Chrome binary, ' +
      'or build the HTML edition only with --format html.',
  );
}
