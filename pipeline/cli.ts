import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { build, check, projectRoot, type Format } from './build.js';
import { collectProblems, formatProblems } from './diagnostics/format.js';
import type { Audience } from './model/figure.js';

/** Exit codes are a contract: 0 success, 1 content errors, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

const usage = `Usage: monitor <command> [options]

Commands:
  build      build the HTML and PDF editions
  check      check the edition's sources without building
  audit      check the built PDF against the machine-checkable part of PDF/UA-1
  help       show this help

Run "monitor <command> --help" for the options of a command.`;

const commands: Record<string, { help: string; options: NonNullable<ParseArgsConfig['options']> }> = {
  build: {
    help: `Usage: monitor build [--root DIR] [--out DIR] [--format html|pdf|all] [--profile public|members] [--keep-print-html]

Builds the edition into <out>/html/ and <out>/pdf/<edition-slug>.pdf.
  --root DIR          edition root with edition.yaml, chapters/ and data/ (default: the project)
  --out DIR           output folder (default: output/, or output/members/ for --profile members)
  --format FORMAT     html, pdf or all (default: all)
  --profile PROFILE   public (default) or members: members-only content is included and marked
  --keep-print-html   keep the HTML given to Chromium beside the PDF
  --browser PATH      Chromium or Chrome executable (default: PUPPETEER_EXECUTABLE_PATH or a system browser)
  --quiet             print only problems`,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      profile: { type: 'string' },
      'keep-print-html': { type: 'boolean' },
      browser: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  check: {
    help: `Usage: monitor check [--root DIR] [--profile public|members] [--strict] [--format text|json]

Checks edition.yaml, front matter, directives, chart references, codebooks and CSVs, and prints
every problem as path:line:col severity message rule-id.
  --root DIR       edition root (default: the project)
  --strict         fail on warnings too
  --format FORMAT  text (default) or json`,
    options: {
      root: { type: 'string' },
      profile: { type: 'string' },
      strict: { type: 'boolean' },
      format: { type: 'string' },
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
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
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
    const parsed = parseArgs({ args: [...rest], options: spec.options, allowPositionals: command === 'audit', strict: true });
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

  if (command === 'check') {
    const format = oneOf(values['format'], ['text', 'json'] as const, 'text');
    if (format === undefined) return usageError(io, '--format must be text or json', spec.help);
    const result = await check(root, profile, buildDate);
    const problems = collectProblems(result.files, { root, cwd: io.cwd });
    if (format === 'json') io.out(JSON.stringify({ problems }, null, 2));
    else io.out(formatProblems(problems, { color: io.color }));
    const failing = problems.some((p) => p.severity === 'error' || (values['strict'] === true && p.severity === 'warning'));
    return failing ? EXIT_CONTENT : EXIT_OK;
  }

  const format = oneOf(values['format'], ['html', 'pdf', 'all'] as const, 'all') as Format | undefined;
  if (format === undefined) return usageError(io, '--format must be html, pdf or all', spec.help);
  const defaultOut = path.join(projectRoot, 'output', profile === 'members' ? 'members' : '');
  const out = path.resolve(io.cwd, String(values['out'] ?? defaultOut));
  const quiet = values['quiet'] === true;
  const started = performance.now();
  const result = await build({
    root,
    out,
    format,
    profile,
    keepPrintHtml: values['keep-print-html'] === true,
    buildDate,
    runToken: `${process.pid}-${Date.now().toString(36)}`,
    browserPath: typeof values['browser'] === 'string' ? values['browser'] : io.env['PUPPETEER_EXECUTABLE_PATH'],
    log: quiet ? () => {} : (line) => io.err(line),
  }).catch((error: unknown) => error as Error);
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
    const where = [result.written.html && `${path.relative(io.cwd, result.written.html) || '.'}/index.html`, result.written.pdf && path.relative(io.cwd, result.written.pdf)].filter(Boolean);
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
  return outcome.kind === 'clean' ? EXIT_OK : EXIT_CONTENT;
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
