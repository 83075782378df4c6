import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalEditionYaml, writeTempEdition } from '../helpers/edition-fixture.js';
import { buildInto, describeViolations, launchChromium, removeDir, runAxe, serveDir, type LaunchedChromium, type StaticServer } from './harness.js';

// Passages in other languages (WCAG 3.1.2): an author's <span lang> survives sanitizing, and a
// chapter's front-matter `lang` reaches its page.
const files = new Map([
  ['edition.yaml', minimalEditionYaml.replace('  - essay.md\n', '  - essay.md\n  - essai.md\n')],
  [
    'chapters/essay.md',
    `---
title: Living together
kind: essay
summary: Cities on the meaning of a shared motto.
---

## A shared motto

Lyon's programme is called <span lang="fr">Vivre ensemble</span>, and Vienna speaks of <i lang="de">Miteinander</i>.

<p lang="it">La città è di tutti.</p>
`,
  ],
  [
    'chapters/essai.md',
    `---
title: Vivre ensemble
kind: essay
lang: fr
summary: Un essai en français sur la ville partagée.
---

## Une devise partagée

La ville appartient à celles et ceux qui y vivent.
`,
  ],
]);

let root: string | undefined;
let out: string | undefined;
let server: StaticServer | undefined;
let chromium: LaunchedChromium | undefined;

beforeAll(async () => {
  root = await writeTempEdition(files);
  out = (await buildInto('html', root)).out;
  server = await serveDir(path.join(out, 'html'));
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await removeDir(out);
  await removeDir(root);
});

describe('language of parts', () => {
  it('keeps lang on authors’ inline and block passages, and puts a chapter’s lang on its main', async () => {
    const page = await chromium!.browser.newPage();
    await page.setBypassCSP(true);
    const first = await page.goto(`${server!.origin}essay/`);
    expect(first?.status()).toBe(200);
    const langs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main [lang]')).map((el) => `${el.tagName.toLowerCase()}[lang=${el.getAttribute('lang')}] ${el.textContent}`),
    );
    expect(langs).toEqual(['span[lang=fr] Vivre ensemble', 'i[lang=de] Miteinander', 'p[lang=it] La città è di tutti.']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(describeViolations('essay', await runAxe(page))).toEqual([]);

    const second = await page.goto(`${server!.origin}essai/`);
    expect(second?.status()).toBe(200);
    expect(await page.evaluate(() => document.querySelector('main')?.getAttribute('lang'))).toBe('fr');
    // The page's own chrome (banner, navigation, footer) stays in the edition's language.
    expect(await page.evaluate(() => document.querySelector('nav')?.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    expect(describeViolations('essai', await runAxe(page))).toEqual([]);
    await page.close();
  });
});
