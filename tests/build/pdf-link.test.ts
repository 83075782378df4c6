import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { miniEdition } from '../safety/helpers.js';

const run = promisify(execFile);
const project = path.resolve(import.meta.dirname, '../..');

/** An HTML-only build links the PDF left by a full build only when it came from the same sources. */
describe('PDF link in an HTML-only build', () => {
  let root: string;
  let out: string;
  const build = (format: string) => run(process.execPath, [path.join(project, 'bin/monitor.js'), 'build', '--root', root, '--out', out, '--format', format, '--quiet']);
  const index = () => readFile(path.join(out, 'html/index.html'), 'utf8');

  beforeAll(async () => {
    root = await miniEdition('link');
    out = path.join(root, 'out');
    await build('all');
  }, 180_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('links the PDF after a full build and after an HTML rebuild of the same sources', async () => {
    expect(await index()).toMatch(/href="moniteur-de-test\.pdf"/);
    await build('html');
    expect(await index()).toMatch(/href="moniteur-de-test\.pdf"/);
  });

  it('drops the link once the sources differ from the PDF’s', async () => {
    const chapter = path.join(root, 'chapters/logement.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')) + '\nUne phrase de plus.\n');
    await build('html');
    const html = await index();
    expect(html).not.toMatch(/\.pdf"/);
  });
});
