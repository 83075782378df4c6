/**
 * An edition in German (HTML and PDF) and one in French (HTML) print none of the pipeline's
 * English words, English country names, decimal points, English dates or English quotes: read
 * from what readers get, the pages' text and the PDF's text (pdftotext), not from the model.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniEdition } from '../safety/helpers.js';

const run = promisify(execFile);
const project = path.resolve(import.meta.dirname, '../..');
// The build date comes from SOURCE_DATE_EPOCH: 2 December 2026.
const epoch = String(Date.UTC(2026, 11, 2) / 1000);

/** The pipeline's English words, as an editor of a German or French edition reported them. */
const english = [
  'Skip to content', 'Contents', 'Chapters', 'Download', 'Previous:', 'Next:', 'Reading time', 'minutes',
  'Key facts', 'City', 'Themes', 'Period', 'Partners', 'Funding', 'Contact', 'Eurocities Award',
  'Base:', 'Multiple answers possible', 'fewer than', 'responses', 'not shown', 'All cities', "Don't know", 'Don’t know', 'No answer',
  'Data table', 'Value', 'Share of cities', 'Answer', 'Country', 'Responding cities', 'Population',
  'One answer', 'Scale from 0 to 10', 'Number', 'Nordic', 'Western Europe', 'Central and Eastern Europe', 'South-Eastern Europe',
  'Full members', 'Foreword', 'Voices from cities', 'Best practice', 'Methodology',
  'Published', 'Publisher', 'Suggested citation', 'Online edition', 'Public edition', 'Licence', 'Imprint',
  'Accessibility statement', 'Conformance status', 'Known limitations', 'How the editions are checked', 'screen reader',
  'Figure', 'Table', 'synthetic data', 'Sample edition', 'winner', 'Members', 'Search', 'Anonymous',
];
const englishCountries = ['Poland', 'Germany', 'Sweden', 'Romania'];
const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
const englishDate = new RegExp(`\\b\\d{1,2} (${months}) \\d{4}\\b|\\b(${months}) \\d{1,2}, \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`);

/** Every text a reader or a screen reader meets on a page: text, SVG text, alt and ARIA names, titles. */
function pageText(html: string): string {
  const names = [...html.matchAll(/\s(?:aria-label|alt|title|data-label|data-none|data-one|data-many|data-first|data-unavailable)="([^"]*)"/g)].map((m) => m[1]);
  const meta = [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]);
  const body = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
  return decode([body, ...names, ...meta].join(' \n '));
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\u00ad/g, '');
}

async function htmlTexts(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.html')) out.set(entry, pageText(await readFile(path.join(dir, entry), 'utf8')));
  }
  return out;
}

/** Numbers with a decimal point, leaving out figure and table numbers and standard versions. */
function decimalPoints(text: string): string[] {
  const cleaned = text
    .replace(/(Abbildung|Tabelle|Figure|Tableau|figure|tableau|Abb\.)\s\d+\.\d+/g, '')
    .replace(/WCAG\)? 2\.[01]( und 2\.1| et 2\.1)?|PDF\/UA-1|EN 301 549|CC BY(-[A-Z]+)* \d\.\d/g, '');
  return [...cleaned.matchAll(/(?<![\d.,])\d+\.\d{1,2}(?![\d.])/g)].map((m) => cleaned.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 30));
}

/** `shared`: words the edition's language spells the same way (French "Figure", "Licence"). */
function expectNoEnglish(texts: Map<string, string>, shared: readonly string[] = []): void {
  const found: string[] = [];
  for (const [name, text] of texts) {
    for (const word of [...english, ...englishCountries].filter((w) => !shared.includes(w))) if (new RegExp(`(?<![\\p{L}-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text)) found.push(`${name}: ${word}`);
    const date = englishDate.exec(text);
    if (date) found.push(`${name}: date ${date[0]}`);
    for (const d of decimalPoints(text)) found.push(`${name}: decimal point in “${d}”`);
    // English double quotes (“…”): German closes with “ and opens with „, French uses « ».
    const quote = /“[^“”„«»\n]{1,80}”/.exec(text);
    if (quote) found.push(`${name}: English quotes ${quote[0]}`);
    if (/NaN/.test(text)) found.push(`${name}: NaN`);
  }
  expect(found).toEqual([]);
}

describe('a German edition', () => {
  let root: string;
  let html: Map<string, string>;
  let pdfText: string;
  let pdfPath: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'monitor-de-'));
    await cp(path.join(project, 'tests/fixtures/de-edition'), root, { recursive: true });
    const out = path.join(root, 'out');
    await run(process.execPath, [path.join(project, 'bin/monitor.js'), 'build', '--root', root, '--out', out, '--quiet'], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
    html = await htmlTexts(path.join(out, 'html'));
    pdfPath = path.join(out, 'pdf', (await readdir(path.join(out, 'pdf'))).find((f) => f.endsWith('.pdf')) ?? '');
    pdfText = (await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'])).stdout.replace(/\u00ad/g, '');
  }, 300_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('prints no English interface text, countries, decimal points, dates or quotes on its web pages', () => {
    expect(html.size).toBeGreaterThan(5);
    expectNoEnglish(html);
  });

  it('prints none in its PDF either', () => {
    expectNoEnglish(new Map([['PDF', pdfText]]));
  });

  it('says it in German: navigation, tables, numbers, dates, quotes, countries and regions', () => {
    const page = html.get('wohnen/index.html') ?? '';
    expect(page).toContain('Zum Inhalt springen');
    expect(page).toContain('Datentabelle zu Abbildung 1.1');
    expect(page).toMatch(/Stadt\s+Wert \(%\)/);
    expect(page).toMatch(/\b2,5\b/);
    expect(page).toContain('Mittel- und Osteuropa');
    expect(page).toContain('Stimmen aus Städten'); // the kind label edition.yaml overrides
    expect(html.get('vorwort/index.html')).toContain('„wir handeln“');
    expect(html.get('methodik/index.html')).toContain('Polen');
    expect(html.get('methodik/index.html')).toContain('Eine Antwort.');
    expect(pdfText).toContain('2. Dezember 2026');
    expect(pdfText).toContain('Erklärung zur Barrierefreiheit');
  });

  it('draws no size legend on the map when cities.csv has no population column', () => {
    const page = html.get('wohnen/index.html') ?? '';
    expect(page).not.toContain('Einwohnerzahl');
    expect(page).not.toContain('NaN');
  });

  it('declares German as the PDF’s language', async () => {
    const pdf = await PDFDocument.load(await readFile(pdfPath), { updateMetadata: false });
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(de)');
  });
});

describe('a French edition', () => {
  let root: string;
  let html: Map<string, string>;

  beforeAll(async () => {
    root = await miniEdition('fr');
    const out = path.join(root, 'out');
    await run(process.execPath, [path.join(project, 'bin/monitor.js'), 'build', '--root', root, '--out', out, '--format', 'html', '--quiet'], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
    html = await htmlTexts(path.join(out, 'html'));
  }, 300_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('prints no English interface text on its web pages', () => {
    expect(html.size).toBeGreaterThan(2);
    expectNoEnglish(html, ['Figure', 'Licence', 'Contact', 'Introduction']);
    const page = html.get('logement/index.html') ?? '';
    expect(page).toContain('Aller au contenu');
    expect(page).toContain('Tableau de données de la figure 1.1');
    expect(html.get('avant-propos/index.html')).toContain('«\u00a0nous agissons\u00a0»');
    expect(html.get('accessibility/index.html') ?? html.get('accessibilite/index.html') ?? '').toContain('2 décembre 2026');
  });
});
