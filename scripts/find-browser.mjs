// Find a Chrome/Chromium for the PDF edition, the way pipeline/stages/emit-pdf/browser.ts does.
// Plain JavaScript without dependencies: it runs from the npm postinstall hook.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a system Chrome or Chromium usually lives; pipeline/stages/emit-pdf/browser.ts uses this list
 * too. The real Debian binary comes before the /usr/bin/chromium shell wrapper, which prints noise.
 */
export const systemBrowserPaths = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium-browser/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Any browser in Puppeteer's cache (~/.cache/puppeteer or PUPPETEER_CACHE_DIR). */
function cachedBrowser(env) {
  const root = env.PUPPETEER_CACHE_DIR || join(homedir(), '.cache', 'puppeteer');
  const chrome = join(root, 'chrome');
  if (!existsSync(chrome)) return undefined;
  for (const version of readdirSync(chrome)) {
    for (const sub of ['chrome-linux64/chrome', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing']) {
      const path = join(chrome, version, sub);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** @returns {{ path: string, source: string } | undefined} */
export function findBrowser(env = process.env) {
  if (env.PUPPETEER_EXECUTABLE_PATH) {
    return existsSync(env.PUPPETEER_EXECUTABLE_PATH) ? { path: env.PUPPETEER_EXECUTABLE_PATH, source: 'PUPPETEER_EXECUTABLE_PATH' } : undefined;
  }
  for (const path of systemBrowserPaths) if (existsSync(path)) return { path, source: 'system' };
  const cached = cachedBrowser(env);
  return cached ? { path: cached, source: "Puppeteer's cache" } : undefined;
}
