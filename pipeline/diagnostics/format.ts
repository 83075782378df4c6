import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly rule: string;
  readonly hint: string | undefined;
}

/** A file that cannot be decoded is the root of whatever else goes wrong: its error is listed first. */
const rootRules: ReadonlySet<string> = new Set(['markdown-encoding', 'csv-encoding']);

/**
 * Flatten messages into problems: encoding errors first, then by file and position. `base` makes
 * paths relative to the cwd.
 */
export function collectProblems(files: readonly VFile[], base?: { root: string; cwd: string }): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    for (const m of file.messages) problems.push(toProblem(file, m, base));
  }
  const rank = (p: Problem) => (rootRules.has(p.rule) ? 0 : 1);
  return problems.sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

function toProblem(file: VFile, m: VFileMessage, base?: { root: string; cwd: string }): Problem {
  const rel = file.path ?? '<unknown>';
  const shown = base ? path.relative(base.cwd, path.resolve(base.root, rel)) || rel : rel;
  return {
    file: shown.split(path.sep).join('/'),
    line: m.line ?? 1,
    column: m.column ?? 1,
    severity: m.fatal === true ? 'error' : 'warning',
    message: m.reason,
    rule: m.ruleId ?? 'unknown',
    hint: m.note,
  };
}

/** `path:line:col severity message rule-id`, a hint line under each, then a summary line. */
export function formatProblems(problems: readonly Problem[], options: { color?: boolean; hints?: boolean } = {}): string {
  const red = (s: string) => (options.color ? `\x1b[31m${s}\x1b[39m` : s);
  const yellow = (s: string) => (options.color ? `\x1b[33m${s}\x1b[39m` : s);
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines: string[] = [];
  for (const p of problems) {
    const severity = p.severity === 'error' ? red('error') : yellow('warning');
    lines.push(`${p.file}:${p.line}:${p.column} ${severity} ${p.message}  ${dim(p.rule)}`);
    if (options.hints !== false && p.hint) lines.push(dim(`  hint: ${p.hint}`));
  }
  lines.push(summary(problems));
  return lines.join('\n');
}

export function summary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems found.';
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
