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
      const parts: [string, string | undefined][] = [
        ['print HTML', m[3]],
        ['load in Chromium', m[4]],
        ['page.pdf()', m[5]],
        ['outline read', m[6]],
      ];
      for (const [name, value] of parts) {
        out.set(`${pass}: ${name}`, Number(value));
        pdfDetailed += Number(value);
      }
      continue;
    }
    m = columnsLine.exec(line);
    if (m) {
      for (const [name, value] of [['load in Chromium', m[2]], ['layout and read', m[3]]] as const) {
        out.set(`pdf pass ${m[1]} (in columns): ${name}`, Number(value));
        pdfDetailed += Number(value);
      }
      continue;
    }
    m = readyLine.exec(line);
    if (m) {
      out.set('pdf: browser launch', Number(m[1]));
      pdfDetailed += Number(m[1]);
      continue;
    }
    for (const [name, pattern] of finishLines) {
      m = pattern.exec(line);
      if (m) {
        // Summed over the final passes (normally one).
        out.set(`pdf: ${name}`, (out.get(`pdf: ${name}`) ?? 0) + Number(m[1]));
        pdfDetailed += Number(m[1]);
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
