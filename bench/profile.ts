/**
 * Where the time of one `monitor build --verbose` went, read from its own log: the reporter's
 * stage lines ("  charts (20)      3.09 s") and the PDF emitter's pass lines. Whatever the log
 * does not account for (Node and tsx start-up, module loading, exit) is `start-up and exit`.
 */
export type Profile = ReadonlyMap<string, number>;

const stageLine = /^ {2}(\S+)(?: \(\d+\))?\s+([\d.]+) (ms|s)$/;
const passLine = /^pdf: pass (\d) \((\w+)\): \d+ pages, build (\d+) ms, load (\d+) ms, pdf\(\) (\d+) ms, outline (\d+) ms/;
const columnsLine = /^pdf: pass (\d) \(measure, in columns\): \d+ pages, load (\d+) ms, layout (\d+) ms/;
const readyLine = /^pdf: browser ready in (\d+) ms/;
// The steps after a final print: the text layer, the save, and the read-back that checks the pages.
const finishLines: readonly [string, RegExp][] = [
  ['text layer', /^pdf: text layer: .*, (\d+) ms$/],
  ['save', /^pdf: .*saved in (\d+) ms$/],
  ['read back and check', /^pdf: read back \d+ pages \(\w+(?:\.\w+)?\), (\d+) ms$/],
];

export function parseProfile(log: string, wallMs: number): Profile {
  const out = new Map<string, number>();
  let pdfDetailed = 0;
  // A part of the PDF stage, summed over the lines that give it (a final pass printed again, a
  // browser launched again), and counted in what the stage's remainder leaves out.
  const pdfPart = (name: string, value: string | undefined): void => {
    out.set(name, (out.get(name) ?? 0) + Number(value));
    pdfDetailed += Number(value);
  };
  let total: number | undefined;
  for (const line of log.split('\n')) {
    let m = stageLine.exec(line);
    if (m) {
      const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
      if (m[1] === 'total') total = ms;
      else out.set(`stage ${m[1]}`, ms);
      continue;
    }
    m = passLine.exec(line);
    if (m) {
      const pass = `pdf pass ${m[1]} (${m[2]})`;
      pdfPart(`${pass}: print HTML`, m[3]);
      pdfPart(`${pass}: load in Chromium`, m[4]);
      pdfPart(`${pass}: page.pdf()`, m[5]);
      pdfPart(`${pass}: outline read`, m[6]);
      continue;
    }
    m = columnsLine.exec(line);
    if (m) {
      pdfPart(`pdf pass ${m[1]} (in columns): load in Chromium`, m[2]);
      pdfPart(`pdf pass ${m[1]} (in columns): layout and read`, m[3]);
      continue;
    }
    m = readyLine.exec(line);
    if (m) {
      pdfPart('pdf: browser launch', m[1]);
      continue;
    }
    for (const [name, pattern] of finishLines) {
      m = pattern.exec(line);
      if (m) {
        pdfPart(`pdf: ${name}`, m[1]);
        break;
      }
    }
  }
  const pdfStage = out.get('stage pdf');
  if (pdfStage !== undefined && pdfDetailed > 0) out.set('pdf: other (fonts, layout planning, outline fixes, close)', Math.max(0, pdfStage - pdfDetailed));
  if (total !== undefined) out.set('start-up and exit (outside the stages)', Math.max(0, wallMs - total));
  return out;
}

/** Median of each entry over several runs (entries missing from a run are left out of it). */
export function medianProfile(profiles: readonly Profile[]): Profile {
  const names = [...new Set(profiles.flatMap((p) => [...p.keys()]))];
  return new Map(names.map((n) => [n, median(profiles.map((p) => p.get(n)).filter((v): v is number => v !== undefined))]));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
