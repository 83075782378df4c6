import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly scales: readonly number[];
  readonly runs: number;
  readonly smoke: boolean;
  /** Per command; a peer that takes longer is reported as timed out. */
  readonly timeoutMs: number;
  /** Per peer command (WeasyPrint, pagedjs-cli…); a timeout is reported as a lower bound. */
  readonly peerTimeoutMs: number;
  readonly json: string | undefined;
  readonly markdown: string | undefined;
  readonly work: string | undefined;
  readonly keep: boolean;
  readonly skip: ReadonlySet<string>;
  /** Re-render the report of an earlier run from its --json file, measuring nothing. */
  readonly reportFrom: string | undefined;
  /** Where the dated results file goes (default bench/results/); undefined with --no-results. */
  readonly resultsDir: string | undefined;
  /** Leave missing peers uninstalled (full runs install them when they can). */
  readonly noInstall: boolean;
}

const defaultResultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

export const usage = `Usage: npm run bench -- [--scales 1,5,20] [--runs N] [--smoke] [--json FILE] [--markdown FILE]

Builds synthetic editions N times the sample and times the pipeline against a bare-Puppeteer
floor and peers (WeasyPrint, pagedjs-cli, pandoc) on the same content.
  --scales LIST   scale factors (default 1,5,20)
  --runs N        runs per figure; figures are medians (default 3)
  --smoke         1x, one run, installed peers only (CI)
  --timeout S     seconds allowed per pipeline command (default 1200)
  --peer-timeout S  seconds allowed per peer command (default 600); reported as "more than S"
  --skip LIST     task ids to leave out, e.g. pagedjs,check-warm,preview,pathological
  --json FILE     write every measurement as JSON
  --results DIR   folder of the dated results file <date>[-smoke].{md,json} (default bench/results)
  --no-results    write no dated results file
  --no-install    do not install missing peers (full runs install WeasyPrint and pandoc as
                  root with apt-get, and pagedjs-cli into the bench's prefix; --smoke never does)
  --markdown FILE write the report as Markdown
  --report-from FILE  print the report of an earlier run's --json file (measures nothing)
  --work DIR      scratch folder (default: a new temp folder, removed at the end)
  --keep          keep the scratch folder (editions, outputs, print HTML)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        scales: { type: 'string' },
        runs: { type: 'string' },
        smoke: { type: 'boolean' },
        timeout: { type: 'string' },
        'peer-timeout': { type: 'string' },
        skip: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        work: { type: 'string' },
        keep: { type: 'boolean' },
        'report-from': { type: 'string' },
        results: { type: 'string' },
        'no-results': { type: 'boolean' },
        'no-install': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (values.help) return '';
  const smoke = values.smoke === true;
  const scales = (values.scales ?? (smoke ? '1' : '1,5,20')).split(',').map((s) => Number(s.trim()));
  if (scales.length === 0 || !scales.every((s) => Number.isInteger(s) && s >= 1 && s <= 100)) return '--scales takes whole numbers from 1 to 100, e.g. 1,5,20';
  const runs = Number(values.runs ?? (smoke ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) return '--runs takes a whole number of at least 1';
  const timeout = Number(values.timeout ?? 1200);
  const peerTimeout = Number(values['peer-timeout'] ?? 600);
  if (![timeout, peerTimeout].every((t) => Number.isFinite(t) && t > 0)) return '--timeout and --peer-timeout take a number of seconds';
  return {
    scales,
    runs,
    smoke,
    timeoutMs: timeout * 1000,
    peerTimeoutMs: peerTimeout * 1000,
    json: values.json,
    markdown: values.markdown,
    work: values.work,
    keep: values.keep === true,
    reportFrom: values['report-from'],
    noInstall: values['no-install'] === true,
    resultsDir: values['no-results'] ? undefined : (values.results ?? defaultResultsDir),
    skip: new Set((values.skip ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
  };
}
