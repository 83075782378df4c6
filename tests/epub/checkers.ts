import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, project } from '../safety/helpers.js';

const run = promisify(execFile);

export interface CheckMessage {
  readonly severity: string;
  readonly id: string;
  readonly message: string;
}

/**
 * EPUBCheck (Debian's epubcheck, installed by the postinstall): its errors, warnings and fatals.
 * Debian ships it as an executable JAR, which runs through java where no binfmt handler is set up.
 */
export async function epubcheck(file: string): Promise<CheckMessage[]> {
  const found = spawnSync('sh', ['-c', 'command -v epubcheck'], { encoding: 'utf8' }).stdout.trim();
  if (found === '') throw new Error('EPUBCheck is not installed: run `npm install` (its postinstall installs Debian\'s epubcheck) or `apt-get install epubcheck`.');
  const isJar = readFileSync(found).subarray(0, 2).toString('latin1') === 'PK';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-epubcheck-'));
  try {
    const json = path.join(dir, 'report.json');
    const [cmd, args] = isJar ? ['java', ['-jar', found, file, '--json', json]] : [found, [file, '--json', json]];
    await run(cmd, args, { maxBuffer: 1 << 26 }).catch(() => undefined); // exits 1 on errors; the report says which
    const report = JSON.parse(await readFile(json, 'utf8')) as { messages: { severity: string; ID: string; message: string; locations?: { path?: string; line?: number }[] }[] };
    return report.messages
      .filter((m) => ['ERROR', 'WARNING', 'FATAL'].includes(m.severity))
      .map((m) => ({ severity: m.severity, id: m.ID, message: `${m.message} (${m.locations?.[0]?.path ?? ''}:${m.locations?.[0]?.line ?? ''})` }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where the postinstall puts Ace by DAISY (scripts off, so no Electron: it drives the system Chromium). */
export const aceBin = path.join(project, '.tools/ace/node_modules/@daisy/ace/bin/ace-puppeteer.js');

/** Ace's violations: one line per failed assertion, with the file it is in. */
export async function ace(file: string): Promise<string[]> {
  if (!existsSync(aceBin)) throw new Error('Ace by DAISY is not installed: run `npm install` (its postinstall puts @daisy/ace into .tools/ace/).');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-ace-'));
  try {
    await run(process.execPath, [aceBin, '--force', '--silent', '--outdir', dir, file], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium },
      maxBuffer: 1 << 26,
      timeout: 300_000,
    });
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as {
      assertions: { 'earl:testSubject': { url: string }; assertions?: { 'earl:test': { 'dct:title': string; 'earl:impact': string } }[] }[];
    };
    return report.assertions.flatMap((doc) => (doc.assertions ?? []).map((a) => `${doc['earl:testSubject'].url}: ${a['earl:test']['dct:title']} (${a['earl:test']['earl:impact']})`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
