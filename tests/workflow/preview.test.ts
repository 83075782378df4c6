import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySampleEdition, monitorBin, projectRoot } from './helpers.js';

const chromium = process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/lib/chromium/chromium';

/** `monitor preview` in a real browser: live reload after an edit, and the error overlay. */
describe('monitor preview', () => {
  let root: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let log = '';
  const essay = () => path.join(root, 'chapters/culture.md');

  beforeAll(async () => {
    root = await copySampleEdition();
    server = spawn(process.execPath, [monitorBin, 'preview', '--root', root, '--port', '0'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /Preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${log}`)));
    });
    browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(root, { recursive: true, force: true });
  });

  it('listens on the loopback address only, by default', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('shows a saved change to an essay in the open page', async () => {
    await page.goto(`${url}culture/`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof EventSource !== 'undefined' && document.querySelector('script[src="/__monitor/reload.js"]') !== null);
    // Let the event stream connect before editing.
    await new Promise((r) => setTimeout(r, 300));
    const marker = `Live preview marker ${Date.now()}`;
    const started = performance.now();
    await writeFile(essay(), `${await readFile(essay(), 'utf8')}\n\n${marker}\n`);
    await page.waitForFunction((text: string) => document.body?.innerText.includes(text), { timeout: 10_000, polling: 20 }, marker);
    const latency = performance.now() - started;
    console.log(`preview: edit → visible in the browser in ${Math.round(latency)} ms`);
    expect(await page.content()).toContain(marker);
  }, 30_000);

  it('shows a syntax error with its position over the page, and keeps serving the last good version', async () => {
    const good = await readFile(essay(), 'utf8');
    await page.goto(`${url}culture/`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 300));
    // Break the front matter: an unclosed quote in the title (line 2).
    await writeFile(essay(), good.replace(/^title: .*$/m, 'title: "Culture: unclosed'));
    await page.waitForSelector('#monitor-overlay', { timeout: 10_000 });
    const overlay = await page.$eval('#monitor-overlay', (el) => (el as HTMLElement).innerText);
    expect(overlay).toMatch(/chapters\/culture\.md:\d+:\d+ error .*frontmatter-yaml/);
    // The page behind the overlay, and a fresh request, still show the last good version.
    const served = await (await fetch(`${url}culture/`)).text();
    expect(served).toContain('Live preview marker');
    await writeFile(essay(), good);
    await page.waitForSelector('#monitor-overlay', { hidden: true, timeout: 10_000 });
  }, 30_000);

  it('adds the reload script only to preview responses and allows it in the page CSP', async () => {
    const html = await (await fetch(`${url}culture/`)).text();
    expect(html).toContain('<script src="/__monitor/reload.js" defer></script>');
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*script-src 'self'/);
    const built = await readFile(path.join(projectRoot, 'pipeline/stages/emit-html/layout.ts'), 'utf8');
    expect(built).not.toContain('reload.js');
  });
});
