import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measure } from './measure.js';

/**
 * Pathological chapters, each in an edition of its own, timed with `monitor check` (parse,
 * validate, typography, links: every per-paragraph pass, no Chromium). Each case should finish in
 * seconds: a quadratic pass shows here first. The unit tests only check the results, never times.
 */
export interface PathologicalFigure {
  readonly id: string;
  readonly label: string;
  readonly bytes: number;
  readonly wallMs: number;
  /** `monitor check` exits 0 for accepted chapters, 1 for refused ones; both are fine here. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

const SENTENCE = 'The mayor said "we\'ll build -- and build again" in \'26... then left - quickly. ';
const LINE = `${'Lorem ipsum dolor sit amet. '.repeat(3)}\n`;

const cases: { id: string; label: string; body: () => string }[] = [
  { id: 'quotes-2mb', label: '1.9 MB single paragraph, quotes and dashes', body: () => SENTENCE.repeat(Math.ceil(1_900_000 / SENTENCE.length)) },
  { id: 'lines-2mb', label: '1.9 MB paragraph of 22,000 lines (refused)', body: () => LINE.repeat(22_000) },
  { id: 'stars', label: '30,000 runs of * in one paragraph (refused)', body: () => 'a* '.repeat(30_000) },
  { id: 'divs', label: '2,000 nested <div>s (refused)', body: () => `${'<div>'.repeat(2_000)}\n` },
  { id: 'short-lines', label: '500,000 short paragraphs, one bracket at the end', body: () => `${'a\n\n'.repeat(500_000)}[end]\n` },
];

export async function pathologicalCases(projectDir: string, work: string, timeoutMs: number, log: (line: string) => void): Promise<PathologicalFigure[]> {
  const figures: PathologicalFigure[] = [];
  const editionYaml = await readFile(path.join(projectDir, 'edition.yaml'), 'utf8');
  for (const c of cases) {
    const root = path.join(work, `pathological-${c.id}`);
    await mkdir(path.join(root, 'chapters'), { recursive: true });
    await cp(path.join(projectDir, 'data'), path.join(root, 'data'), { recursive: true });
    await writeFile(path.join(root, 'edition.yaml'), editionYaml.replace(/^chapters:\n(?:  - .*\n?)+/m, 'chapters:\n  - case.md\n'));
    const text = `---\ntitle: Case\nkind: essay\nsummary: A pathological chapter.\n---\n\n${c.body()}`;
    await writeFile(path.join(root, 'chapters', 'case.md'), text);
    log(`bench: pathological ${c.id}`);
    const m = await measure({ cmd: process.execPath, args: [path.join(projectDir, 'bin', 'monitor.js'), 'check', '--no-cache', '--quiet', '--root', root], cwd: root, env: { CI: '1', NO_COLOR: '1' } }, { timeoutMs, scratch: work });
    figures.push({ id: c.id, label: c.label, bytes: Buffer.byteLength(text), wallMs: m.wallMs, exitCode: m.exitCode, timedOut: m.timedOut });
  }
  return figures;
}

export function pathologicalReport(figures: readonly PathologicalFigure[]): string {
  if (figures.length === 0) return '';
  const rows = figures.map((f) => `| ${f.label} | ${(f.bytes / 1e6).toFixed(2)} MB | ${f.timedOut ? 'timed out' : `${(f.wallMs / 1000).toFixed(1)} s`} | ${f.exitCode ?? '–'} |`);
  return ['', '## Pathological chapters (`monitor check`)', '', '| case | size | wall | exit |', '|---|---|---|---|', ...rows, ''].join('\n');
}

// `npx tsx bench/pathological.ts`: the cases alone, against this working tree.
if (import.meta.url === `file://${process.argv[1]}`) {
  const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const work = await mkdtemp(path.join(tmpdir(), 'monitor-bench-pathological-'));
  try {
    console.log(pathologicalReport(await pathologicalCases(projectDir, work, 600_000, (l) => process.stderr.write(`${l}\n`))));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
