import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { launchArgs, launchBrowser, UNUSED_FEATURES, type LaunchedBrowser } from '../../pipeline/stages/emit-pdf/launch.js';

let launched: LaunchedBrowser;

beforeAll(async () => {
  launched = await launchBrowser(resolveBrowser(undefined).path, () => undefined);
});

afterAll(async () => {
  await launched.close();
});

describe('the Chromium the PDF stage launches', () => {
  it('turns the unused features off in one --disable-features flag, merged with Puppeteer’s own', () => {
    const flags = launchArgs(false).filter((a) => a.startsWith('--disable-features='));
    expect(flags).toEqual([`--disable-features=${UNUSED_FEATURES.join(',')}`]);
    // Chromium reads only the last --disable-features: Puppeteer's list and ours must arrive as one.
    const spawned = (launched.browser.process()?.spawnargs ?? []).filter((a) => a.startsWith('--disable-features='));
    expect(spawned).toHaveLength(1);
    for (const feature of UNUSED_FEATURES) expect(spawned[0]?.split('=')[1]?.split(',')).toContain(feature);
  });

  it('opens no address-bar pop-up page while it prints', async () => {
    // Without the flag, Chromium 156 opened chrome://omnibox-popup.top-chrome/ (and its AI-mode
    // page) within half a second of the first page; each cost a renderer and about 0.3 s of CPU.
    const page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
    await page.setContent('<p>Eurocities Monitor</p>');
    const popup = await launched.browser
      .waitForTarget((t) => t.url().startsWith('chrome://omnibox'), { timeout: 2000 })
      .then((t) => t.url())
      .catch(() => undefined);
    expect(popup).toBeUndefined();
    expect((await launched.browser.targets()).map((t) => t.url()).filter((u) => u.startsWith('chrome://'))).toEqual([]);
  });
});
