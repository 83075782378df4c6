// The floor: bare Puppeteer printing the pipeline's final print HTML once, with no pipeline.
// Plain JavaScript run by plain node, so it pays no TypeScript loader at start-up.
// Usage: node bench/floor.mjs <print.html> <out.pdf> <chromium> <launch args as JSON>
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';

const [input, output, executablePath, argsJson] = process.argv.slice(2);
if (!input || !output || !executablePath || !argsJson) {
  console.error('usage: node bench/floor.mjs <print.html> <out.pdf> <chromium> <launch args as JSON>');
  process.exit(2);
}
const userDataDir = await mkdtemp(join(tmpdir(), 'monitor-floor-'));
const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, userDataDir, args: JSON.parse(argsJson) });
try {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.setContent(await readFile(input, 'utf8'), { waitUntil: 'load', timeout: 600_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 600_000 });
  await writeFile(output, pdf);
} finally {
  await browser.close();
  await rm(userDataDir, { recursive: true, force: true });
}
