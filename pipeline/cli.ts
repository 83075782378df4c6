import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultCacheDir, projectRoot } from './paths.js';
import { collectProblems, formatProblems } from './diagnostics/format.js';
import type { Audience } from './model/figure.js';
import { createReporter, type Verbosity } from './progress/reporter.js';

/** Exit codes are a contract: 0 success, 1 content errors, 2 usage errors, 128 + signal number when stopped. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;
export const EXIT_SIGINT = 130;
export const EXIT_SIGTERM = 143;

export { watchResources, type Resource, type ResourceEvent } from './output/resources.js';

/** The reason a command was stopped, as given to AbortController.abort(). */
export class StopRequest extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`Stopped by ${signal}`);
    this.name = 'StopRequest';
  }
}

function stopCode(signal: AbortSignal | undefined): number | undefined {
  if (!signal?.aborted) return undefined;
  return (signal.reason as { signal?: string } | undefined)?.signal === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM;
}

const usage = `Usage: monitor <command> [options]

Commands:
  build      build the HTML and PDF editions
  check      check the edition's sources without building
  preview    serve the HTML edition locally and rebuild it on every change
  new        start a new essay, guest essay or case study
  audit      check the built PDF against the machine-checkable part of PDF/UA-1
  help       show this help

Run "monitor <command> --help" for the options of a command.`;

const commands: Record<string, { help: string; options: NonNullable<ParseArgsConfig['options']> }> = {
  build: {
    help: `Usage: monitor build [--root DIR] [--out DIR] [--format html,pdf|all] [--profile public|members] [--keep-print-html] [--force]

Builds the edition into <out>/html/, <out>/pdf/<edition-slug>.pdf and, when edition.yaml lists
epub in its formats, <out>/epub/<edition-slug>.epub.
  --root DIR          edition root with edition.yaml, chapters/ and data/ (default: the project)
  --out DIR           output folder (default: output/, or output/members/ for --profile members)
  --format FORMATS    a comma list of html, pdf and epub, e.g. html or html,pdf (default, or all:
                      the formats edition.yaml lists, html and pdf when it lists none)
  --profile PROFILE   public (default) or members: members-only content is included and marked
  --keep-print-html   keep the HTML given to Chromium beside the PDF
  --force             write into a folder that holds other files and was not made by a build;
                      html/ and pdf/ are written beside them, and they are never changed or deleted
  --browser PATH      Chromium or Chrome executable (default: PUPPETEER_EXECUTABLE_PATH or a system browser)
  --no-cache          rebuild everything (the cache is <root>/.monitor-cache/, safe to delete)
  --quiet             print only problems
  --verbose           print every stage with its time, and cache use`,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      profile: { type: 'string' },
      'keep-print-html': { type: 'boolean' },
      force: { type: 'boolean' },
      browser: { type: 'string' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  check: {
    help: `Usage: monitor check [--root DIR] [--profile public|members] [--strict] [--format text|json]

Checks edition.yaml, front matter, directives, chart references, codebooks and CSVs, and prints
every problem as path:line:col severity message rule-id.
  --root DIR       edition root (default: the project)
  --strict         fail on warnings too
  --format FORMAT  text (default) or json
  --no-cache       check everything from scratch
  --quiet          print only problems (no progress)
  --verbose        print every stage with its time`,
    options: {
      root: { type: 'string' },
      profile: { type: 'string' },
      strict: { type: 'boolean' },
      format: { type: 'string' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  preview: {
    help: `Usage: monitor preview [--root DIR] [--port N] [--host ADDRESS] [--profile public|members]

Serves the HTML edition from memory (nothing is written to output/) and rebuilds it whenever a
file in chapters/, data/, styles/ or edition.yaml changes; open pages reload by themselves.
Content errors show over the page while the last good version stays served.
The "Regenerate PDF" button (or /__monitor/pdf) makes the PDF edition on demand.
  --root DIR        edition root (default: the project)
  --port N          port (default: 4321; 0 picks a free one)
  --host ADDRESS    address to listen on (default: 127.0.0.1, this computer only)
  --browser PATH    Chromium for the PDF button`,
    options: {
      root: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      profile: { type: 'string' },
      browser: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  new: {
    help: `Usage: monitor new essay|guest-essay|case-study <slug> [--root DIR]

Writes chapters/<slug>.md with the front matter and sections of its kind, and lists it in
edition.yaml after the last chapter of the same kind. Fill in every value marked ✎.
  --root DIR   edition root (default: the project)`,
    options: {
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  audit: {
    help: `Usage: monitor audit [--root DIR] [--out DIR] [PDF]

Checks a built PDF (default: <out>/pdf/<edition-slug>.pdf) against the machine-checkable part of
PDF/UA-1 (Matterhorn Protocol): tags, /Lang, title, figures' /Alt, heading levels, table headers,
bookmarks. Prints each failure as "<pdf>: page N: <message> <checkpoint>"; exits 1 on failures.
  --root DIR   edition root, for the edition's slug (default: the project)
  --out DIR    output folder of the build (default: output/)`,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
};

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly color: boolean;
  /** stderr is a terminal: progress updates one line in place. */
  readonly tty?: boolean;
  /** Writes to stderr without adding a newline (for the updating progress line). */
  readonly errRaw?: (text: string) => void;
  /** Resolves when the user asks a long-running command (preview) to stop. */
  readonly interrupted?: Promise<void>;
  /** Aborted (with a StopRequest) on SIGINT or SIGTERM: every command stops, cleans up and exits 130 or 143. */
  readonly signal?: AbortSignal;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const code = await run(argv, io);
    return stopCode(io.signal) ?? code;
  } catch (error) {
    const stopped = stopCode(io.signal);
    if (stopped === undefined) throw error;
    return stopped;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  const spec = commands[command];
  if (!spec) {
    io.err(`Unknown command "${command}".\n\n${usage}`);
    return EXIT_USAGE;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...rest], options: spec.options, allowPositionals: command === 'audit' || command === 'new', strict: true });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${spec.help}`);
    return EXIT_USAGE;
  }
  if (values['help']) {
    io.out(spec.help);
    return EXIT_OK;
  }
  if (command === 'audit') return audit(values, positionals, io, spec.help);
  const profile = oneOf(values['profile'], ['public', 'members'] as const, 'public');
  if (profile === undefined) return usageError(io, `--profile must be public or members`, spec.help);
  const root = path.resolve(io.cwd, String(values['root'] ?? projectRoot));
  const buildDate = dateFromEnv(io.env);
  if (buildDate === undefined) return usageError(io, 'SOURCE_DATE_EPOCH must be a whole number of seconds', spec.help);

  if (command === 'new') return runNew(io, root, positionals, spec.help);
  if (command === 'preview') return runPreview(io, root, values, profile, buildDate, spec.help);
  if (values['quiet'] === true && values['verbose'] === true) return usageError(io, '--quiet and --verbose cannot be used together', spec.help);
  const verbosity: Verbosity = values['quiet'] === true ? 'quiet' : values['verbose'] === true ? 'verbose' : 'normal';
  const reporter = createReporter({ verbosity, tty: io.tty === true && !io.env['CI'], line: io.err, raw: io.errRaw, now: () => performance.now() });
  const cacheDir = values['no-cache'] === true ? undefined : defaultCacheDir(root);

  if (command === 'check') {
    const format = oneOf(values['format'], ['text', 'json'] as const, 'text');
    if (format === undefined) return usageError(io, '--format must be text or json', spec.help);
    const { check } = await import('./build.js');
    const result = await check(root, profile, buildDate, { cacheDir, progress: reporter.progress, signal: io.signal });
    reporter.finish();
    const problems = collectProblems(result.files, { root, cwd: io.cwd });
    if (format === 'json') io.out(JSON.stringify({ problems }, null, 2));
    else io.out(formatProblems(problems, { color: io.color }));
    const failing = problems.some((p) => p.severity === 'error' || (values['strict'] === true && p.severity === 'warning'));
    return failing ? EXIT_CONTENT : EXIT_OK;
  }

  const { parseFormats } = await import('./sequence.js');
  let format: ReturnType<typeof parseFormats>;
  try {
    format = parseFormats(typeof values['format'] === 'string' ? values['format'] : undefined);
  } catch (error) {
    return usageError(io, `--format: ${(error as Error).message}`, spec.help);
  }
  const defaultOut = path.join(projectRoot, 'output', profile === 'members' ? 'members' : '');
  const out = path.resolve(io.cwd, String(values['out'] ?? defaultOut));
  const quiet = verbosity === 'quiet';
  const started = performance.now();
  const { build } = await import('./build.js');
  const result = await build({
    root,
    out,
    format: format === 'edition' ? undefined : format,
    profile,
    keepPrintHtml: values['keep-print-html'] === true,
    buildDate,
    runToken: `${process.pid}-${Date.now().toString(36)}`,
    browserPath: typeof values['browser'] === 'string' ? values['browser'] : io.env['PUPPETEER_EXECUTABLE_PATH'],
    log: reporter.log,
    cacheDir,
    progress: reporter.progress,
    force: values['force'] === true,
    home: io.env['HOME'],
    signal: io.signal,
  }).catch((error: unknown) => error as Error);
  reporter.finish();
  const stopped = stopCode(io.signal);
  if (stopped !== undefined) {
    io.err(`Build stopped by ${(io.signal?.reason as StopRequest | undefined)?.signal ?? 'a signal'}. The previous output was left as it was.`);
    return stopped;
  }
  if (result instanceof Error && (result as Error & { exitCode?: number }).exitCode === EXIT_USAGE) {
    // The output folder was refused: nothing was written.
    const { ruleId, hint } = result as Error & { ruleId?: string; hint?: string };
    io.err(`error ${result.message}${ruleId ? `  ${ruleId}` : ''}`);
    if (hint) io.err(`  hint: ${hint}`);
    return EXIT_USAGE;
  }
  if (result instanceof Error) {
    // Failures outside the editors' files (no browser, a crashed print, an unwritable folder).
    const { ruleId, hint } = result as Error & { ruleId?: string; hint?: string };
    io.err(`error ${result.message}${ruleId ? `  ${ruleId}` : ''}`);
    if (hint) io.err(`  hint: ${hint}`);
    else if (!ruleId) io.err(result.stack ?? '');
    io.err('Build failed. The previous output was left as it was.');
    return EXIT_CONTENT;
  }
  const problems = collectProblems(result.files, { root, cwd: io.cwd });
  if (problems.length > 0) io.err(formatProblems(problems, { color: io.color }));
  if (!result.ok) {
    io.err('Build stopped: fix the errors above. The previous output was left as it was.');
    return EXIT_CONTENT;
  }
  if (!quiet) {
    const where = Object.values(result.written).map((file) => path.relative(io.cwd, file));
    io.err(`Built ${where.join(' and ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return EXIT_OK;
}

async function audit(values: Record<string, string | boolean | undefined>, positionals: readonly string[], io: Io, help: string): Promise<number> {
  if (positionals.length > 1) return usageError(io, 'Name at most one PDF to audit', help);
  const { auditCommand } = await import('./audit/command.js');
  const outcome = await auditCommand({
    root: path.resolve(io.cwd, String(values['root'] ?? projectRoot)),
    out: path.resolve(io.cwd, String(values['out'] ?? path.join(projectRoot, 'output'))),
    pdf: positionals[0] === undefined ? undefined : path.resolve(io.cwd, positionals[0]),
    cwd: io.cwd,
    print: io.out,
  });
  if (outcome.kind === 'unreadable') {
    io.err(outcome.message);
    return EXIT_CONTENT;
  }
  if (outcome.kind === 'failed') io.err(`${outcome.failures} PDF/UA problem${outcome.failures === 1 ? '' : 's'} found.`);
  else if (outcome.kind === 'clean') io.err('No PDF/UA problems found by the machine-checkable audit.');
  return outcome.kind === 'clean' ? EXIT_OK : EXIT_CONTENT;
}

async function runNew(io: Io, root: string, positionals: readonly string[], help: string): Promise<number> {
  const { isScaffoldKind, scaffoldChapter, scaffoldKinds } = await import('./scaffold/index.js');
  const [kind, slug, ...extra] = positionals;
  if (!kind || !slug || extra.length > 0) return usageError(io, 'Give a kind and a slug, e.g. monitor new essay housing-costs', help);
  if (!isScaffoldKind(kind)) return usageError(io, `Unknown kind "${kind}": use ${scaffoldKinds.join(', ')}`, help);
  const result = await scaffoldChapter(root, kind, slug);
  if (!result.ok) {
    io.err(result.message);
    return EXIT_USAGE;
  }
  const file = path.relative(io.cwd, path.join(root, result.file)) || result.file;
  io.out(`Created ${file}${result.listed ? ' and listed it in edition.yaml' : '; add it to the chapters list in edition.yaml'}.`);
  io.out('Fill in every value marked ✎, then run "monitor check".');
  return EXIT_OK;
}

async function runPreview(
  io: Io,
  root: string,
  values: Record<string, string | boolean | undefined>,
  profile: Audience,
  buildDate: Date,
  help: string,
): Promise<number> {
  const port = values['port'] === undefined ? 4321 : Number(values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, '--port must be a whole number from 0 to 65535', help);
  const host = typeof values['host'] === 'string' ? values['host'] : '127.0.0.1';
  const { startPreview } = await import('./preview/server.js');
  let preview;
  try {
    preview = await startPreview({
      root,
      port,
      host,
      profile,
      buildDate,
      browserPath: typeof values['browser'] === 'string' ? values['browser'] : io.env['PUPPETEER_EXECUTABLE_PATH'],
      log: (line) => io.err(line),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') return usageError(io, `Cannot listen on ${host}:${port} (${code})`, help);
    throw error;
  }
  io.out(`Preview at ${preview.url} (Ctrl+C to stop)`);
  const stop = io.signal;
  await (stop ? new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true }))) : io.interrupted ?? new Promise<void>((resolve) => process.once('SIGINT', () => resolve())));
  await preview.close();
  return EXIT_OK;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | undefined {
  if (value === undefined) return fallback;
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function usageError(io: Io, message: string, help: string): number {
  io.err(`${message}\n\n${help}`);
  return EXIT_USAGE;
}

/** Reproducible builds: SOURCE_DATE_EPOCH fixes the build date; otherwise today. */
function dateFromEnv(env: Io['env']): Date | undefined {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) return undefined;
  return new Date(Number(epoch) * 1000);
}
