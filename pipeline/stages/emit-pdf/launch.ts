import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { track } from '../../output/resources.js';
import type { BrowserState } from './errors.js';

/** Chromium features a headless print never uses that cost CPU at start (see launchArgs). */
export const UNUSED_FEATURES: readonly string[] = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Flags from research/platform.md: without the background-networking group Chromium keeps
 * trying to reach the network; QUIC and sync would too. No sandbox only when running as root,
 * where Chromium refuses to start with one.
 *
 * Headless Chromium (156) also loads the address bar's two WebUI pop-ups at start, in a renderer
 * of their own, although a headless browser never shows them: about 0.6 s of CPU (launch and
 * first page 1.1 core-seconds with them, 0.5 without), taken from the chart threads on a machine
 * with two cores. The two features that make them are turned off; a Chromium that does not know
 * a feature ignores it. Puppeteer merges this list with its own `--disable-features`.
 */
export function launchArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-extensions',
    '--disable-default-apps',
    '--mute-audio',
    '--font-render-hinting=none',
    `--disable-features=${UNUSED_FEATURES.join(',')}`,
  ];
}

export interface LaunchedBrowser {
  readonly browser: Browser;
  readonly userDataDir: string;
  /** A folder for scratch files inside the profile, removed with it (even after a kill). */
  readonly scratch: string;
  /** Close the browser, kill its process group if that hangs, remove the profile. Never throws. */
  close(): Promise<void>;
  /** Kill the whole process group at once and remove the profile (a stop request). Never throws. */
  kill(): Promise<void>;
  /** How the browser is doing, to explain a failed print. */
  state(): BrowserState;
}

const closeGraceMs = 3000;

export async function launchBrowser(executablePath: string, log: (line: string) => void, signal?: AbortSignal): Promise<LaunchedBrowser> {
  signal?.throwIfAborted();
  const userDataDir = await mkdtemp(join(tmpdir(), 'monitor-pdf-'));
  // Tracked from the start, so a run stopped at any moment can still remove it.
  const untrackDir = track({ kind: 'dir', path: userDataDir });
  const scratch = join(userDataDir, 'tmp');
  let browser: Browser;
  try {
    await mkdir(scratch);
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      // A pipe instead of a DevTools port: nothing listens on loopback while we print.
      pipe: true,
      args: launchArgs(process.getuid?.() === 0),
      timeout: 30_000,
      // Chromium's own scratch files go inside the profile, so removing the profile removes them
      // too, even after Chromium was killed.
      env: { ...process.env, TMPDIR: scratch },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    untrackDir();
    throw error;
  }
  const child = browser.process();
  const untrackGroup = child?.pid === undefined ? () => {} : track({ kind: 'process-group', pid: child.pid, dir: userDataDir });
  let exit: BrowserState['exit'];
  child?.once('exit', (code, sig) => (exit = { code, signal: sig }));
  let pageCrashed = false;
  browser.on('targetcreated', (target) => {
    void target.page().then((page) => page?.on('error', () => (pageCrashed = true)), () => undefined);
  });
  for (const page of await browser.pages().catch(() => [])) page.on('error', () => (pageCrashed = true));
  log(`pdf: Chromium pid ${child?.pid ?? '?'}, profile ${userDataDir}`);
  let closed = false;
  let closing: Promise<void> | undefined;

  async function finishClose(): Promise<void> {
    const removed = await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).then(
      () => true,
      () => false,
    );
    untrackGroup();
    // A killed Chromium can still be writing into its profile on a busy machine (ENOTEMPTY): the
    // folder then stays tracked, and the command removes it once more as it ends (bin/monitor.js).
    if (removed) untrackDir();
  }

  async function kill(): Promise<void> {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid);
      await waitForExit(child, 2000);
    }
    browser.disconnect().catch(() => undefined);
    closed = true;
    await (closing ?? (closing = finishClose()));
  }

  async function close(): Promise<void> {
    if (closed) return closing;
    closed = true;
    closing = closeGently();
    return closing;
  }

  async function closeGently(): Promise<void> {
    const done = browser.close().then(
      () => true,
      () => false,
    );
    const inTime = await Promise.race([done, delay(closeGraceMs).then(() => false)]);
    // Puppeteer starts Chromium detached, so it leads its own process group: kill the group
    // whenever close() failed or the main process is still there (renderers included).
    const pid = child?.pid;
    if (pid !== undefined && (!inTime || (child?.exitCode === null && child.signalCode === null))) {
      log(`pdf: Chromium did not close in time; killing process group ${pid}`);
      killGroup(pid);
      await waitForExit(child, 2000);
    }
    await finishClose();
  }

  // A stop request: no graceful close, which may wait seconds for a busy renderer.
  const onAbort = () => void kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  child?.once('exit', () => signal?.removeEventListener('abort', onAbort));
  if (signal?.aborted) await kill();

  return { browser, userDataDir, scratch, close, kill, state: () => ({ exit, pageCrashed }) };
}

function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // ESRCH: already gone.
    }
  }
}

async function waitForExit(child: ReturnType<Browser['process']>, ms: number): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([new Promise((resolve) => child.once('exit', resolve)), delay(ms)]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
