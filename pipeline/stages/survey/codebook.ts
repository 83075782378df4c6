/** Read one codebook YAML into questions and file settings, reporting every problem with its position. */
import type { VFile } from 'vfile';
import type { Question } from '../../model/survey.js';
import { report } from '../../diagnostics/report.js';
import { codebookSchema, type CodebookInput, type QuestionInput } from './codebook-schema.js';
import type { FormatDeclaration } from './format.js';
import { parseYaml, reportIssues } from './yaml-issues.js';
import type { YamlSource } from '../../diagnostics/yaml-source.js';

export interface Codebook {
  readonly meta: Omit<CodebookInput, 'questions' | 'file'>;
  readonly shortTitle: string;
  readonly questions: readonly Question[];
  readonly format: FormatDeclaration | undefined;
  /** Data files, relative to the edition root. */
  readonly csvPath: string;
  readonly previousPath: string | undefined;
  readonly source: YamlSource;
}

/** `data/pulse-2026.codebook.yaml` → `pulse-2026`. */
export function codebookStem(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.codebook\.ya?ml$/, '');
}

export function readCodebook(file: VFile, text: string): Codebook | undefined {
  const parsed = parseYaml(file, text, 'codebook-yaml');
  if (!parsed) return undefined;
  const result = codebookSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    reportIssues(file, parsed.source, result.error.issues, 'codebook-field');
    return undefined;
  }
  const input = result.data;
  const { source } = parsed;
  const path = file.path;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  let ok = true;
  const fail = (reason: string, at: (string | number)[], key = false) => {
    ok = false;
    report(file, 'codebook-field', reason, source.positionOf(at, { key }));
  };

  if (input.id !== codebookStem(path)) {
    fail(`id: "${input.id}" does not match the file name; name the file ${input.id}.codebook.yaml or change the id`, ['id']);
  }
  if (input.fieldwork.end < input.fieldwork.start) fail('fieldwork.end: the end is before the start', ['fieldwork', 'end']);

  const reserved = new Set([input.idColumn, input.consentColumn, ...input.ignoreColumns]);
  const ids = new Set<string>();
  const columns = new Map<string, string>();
  const questions = input.questions.map((q, i) => {
    if (ids.has(q.id)) fail(`questions.${i}.id: question ${q.id} is defined twice`, ['questions', i, 'id']);
    ids.add(q.id);
    const question = toQuestion(q);
    question.columns.forEach((c) => {
      const owner = reserved.has(c) ? 'the id, consent or ignored columns' : columns.get(c);
      if (owner !== undefined) fail(`questions.${i}: column ${c} is also used by ${owner}`, ['questions', i, q.columns ? 'columns' : 'id']);
      columns.set(c, q.id);
    });
    return question;
  });

  if (!ok) return undefined;
  const { questions: _q, file: format, ...meta } = input;
  return {
    meta,
    shortTitle: input.shortTitle ?? input.title,
    questions,
    format,
    csvPath: dir + (input.data ?? `${input.id}.csv`),
    previousPath: input.previous === undefined ? undefined : dir + input.previous,
    source,
  };
}

/** Fill the defaults that depend on the type (columns, ranks, range). */
function toQuestion(q: QuestionInput): Question {
  const ranks = q.type === 'ranking' ? (q.ranks ?? q.columns?.length ?? 3) : 0;
  const columns =
    q.columns ??
    (q.type === 'multi'
      ? q.options.map((o) => `${q.id}_${o.code}`)
      : q.type === 'ranking'
        ? Array.from({ length: ranks }, (_, k) => `${q.id}_${k + 1}`)
        : [q.id]);
  return {
    id: q.id,
    wording: q.wording,
    type: q.type,
    options: q.options,
    bands: q.bands,
    missing: q.missing,
    base: q.base,
    columns,
    unit: q.unit,
    min: q.type === 'scale_0_10' ? 0 : q.min,
    max: q.type === 'scale_0_10' ? 10 : q.max,
    decimals: q.decimals,
    ranks,
    published: q.type !== 'open',
    ordered: q.type === 'likert' || q.type === 'scale_0_10' || q.ordered === true,
  };
}
