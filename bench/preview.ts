// Preview latency: how long after an editor saves an essay does the browser show the edit?
// Runs `monitor preview` as a user would, opens the essay's page in Chromium (Puppeteer) and, for
// each run, saves one more edit and waits for the page to reload with the new sentence in it.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { editEssay } from './edition.js';
import { median } from './profile.js';

export interface PreviewFigures {
  readonly scale: number;
  /** Save (the edited file written) → page reloaded and showing the edit, per run. */
  readonly latenciesMs: readonly number[];
  readonly medianMs: number | undefined;
  readonly failure?: string | undefined;
}

export interface PreviewInputs {
  readonly projectDir: string;
  readonly root: string;
  /** The essay to edit, a file name in chapters/. */
  readonly essay: string;
  readonly chromium: string;
  readonly launchArgs: readonly string[];
  readonly runs: number;
  readonly timeoutMs: number;
}

/** The sentence editEssay writes for `serial`: the text the page must show. */
const marker = (serial: number) => `This sentence is benchmark edit ${serial}.`;

/** Serial numbers of preview edits, apart from the CLI rebuild's, so every edit is new text. */
const FIRST_SERIAL = 10_000;

export async function previewLatency(inputs: PreviewInputs, log: (line: string) => void): Promise<PreviewFigures> {
  const scale = Number(/x(\d+)/.exec(path.basename(path.dirname(inputs.root)))?.[1] ?? 1);
  const child = spawn(process.execPath, [path.join(inputs.projectDir, 'bin', 'monitor.js'), 'preview', '--root', inputs.root, '--port', '0'], {
    cwd: inputs.root,
    env: { ...process.env, CI: '1', NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: inputs.chromium },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  const latencies: number[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the preview did not start within ${inputs.timeoutMs / 1000} s`)), inputs.timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /Preview at (\S+)/.exec(out)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      void exited.then(() => reject(new Error(`the preview exited: ${stderr.split('\n').slice(-5).join(' ')}`)));
    });
    const text = await readFile(path.join(inputs.root, 'chapters', inputs.essay), 'utf8');
    const slug = /^slug:\s*["']?([A-Za-z0-9_-]+)/m.exec(text)?.[1] ?? inputs.essay.replace(/\.md$/, '');
    browser = await puppeteer.launch({ executablePath: inputs.chromium, headless: true, pipe: true, args: [...inputs.launchArgs] });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const first = await page.goto(new URL(`${slug}/`, url).href, { waitUntil: 'load', timeout: inputs.timeoutMs });
    if (!first?.ok()) throw new Error(`the essay's page ${slug}/ answered ${first?.status()}`);
    // Let the page's event stream connect before the first edit.
    await page.waitForFunction(() => document.body !== null, { timeout: inputs.timeoutMs });
    await new Promise((r) => setTimeout(r, 300));
    for (let run = 1; run <= inputs.runs; run++) {
      const serial = FIRST_SERIAL + run;
      const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: inputs.timeoutMs });
      await editEssay(inputs.root, inputs.essay, serial);
      const saved = performance.now();
      await reloaded;
      const ms = performance.now() - saved;
      // Verify against what the reader sees: the new sentence on the reloaded page.
      const shown = await page.evaluate((m) => document.body.innerText.includes(m), marker(serial));
      if (!shown) throw new Error(`the page reloaded without the edit "${marker(serial)}"`);
      latencies.push(ms);
      const rebuilt = [...stderr.matchAll(/rebuilt in (\d+) ms/g)].at(-1)?.[1];
      log(`bench: ${scale}× preview edit ${run}/${inputs.runs}: ${ms.toFixed(0)} ms from save to the reloaded page${rebuilt ? ` (the rebuild itself: ${rebuilt} ms)` : ''}`);
      // Quiet time between edits, as between two saves of a person.
      await new Promise((r) => setTimeout(r, 500));
    }
    return { scale, latenciesMs: latencies, medianMs: median(latencies) };
  } catch (error) {
    log(`bench: preview latency failed: ${(error as Error).message}`);
    return { scale, latenciesMs: latencies, medianMs: latencies.length > 0 ? median(latencies) : undefined, failure: (error as Error).message };
  } finally {
    await browser?.close().catch(() => {});
    child.kill('SIGINT');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
  }
}
