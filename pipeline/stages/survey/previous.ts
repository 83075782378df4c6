/** Read last edition's aggregates (`data/<id>.previous.yaml`, see docs/authoring.md#codebooks). */
import type { VFile } from 'vfile';
import { z } from 'zod';
import type { PreviousEdition, PreviousQuestion, Question } from '../../model/survey.js';
import { report } from '../../diagnostics/report.js';
import { parseYaml, reportIssues } from './yaml-issues.js';

const pct = z.number().min(0).max(100);
const questionSchema = z
  .object({
    n: z.number().int().positive().optional(),
    measure: z.enum(['share', 'respondents', 'top-three', 'first-choice']).optional(),
    shares: z.record(z.string(), pct),
  })
  .strict();

const previousSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    shortTitle: z.string().min(1).optional(),
    synthetic: z.boolean().default(false),
    respondents: z.number().int().positive(),
    questions: z.record(z.string(), questionSchema),
  })
  .strict();

/** Default measure by question type. */
function measureOf(q: Question): PreviousQuestion['measure'] {
  if (q.type === 'multi') return 'respondents';
  if (q.type === 'ranking') return 'top-three';
  return 'share';
}

export function readPrevious(file: VFile, text: string, questions: ReadonlyMap<string, Question>): PreviousEdition | undefined {
  const parsed = parseYaml(file, text, 'codebook-yaml');
  if (!parsed) return undefined;
  const result = previousSchema.safeParse(parsed.value ?? {});
  if (!result.success) {
    reportIssues(file, parsed.source, result.error.issues, 'codebook-field');
    return undefined;
  }
  const input = result.data;
  const out = new Map<string, PreviousQuestion>();
  let ok = true;
  for (const [id, q] of Object.entries(input.questions)) {
    const fail = (reason: string, path: string[]) => {
      ok = false;
      report(file, 'codebook-field', reason, parsed.source.positionOf(['questions', id, ...path], { key: true }));
    };
    const question = questions.get(id);
    if (!question) { fail(`questions.${id}: no question ${id} in this edition's codebook`, []); continue; }
    if (question.type === 'numeric' || question.type === 'open') { fail(`questions.${id}: ${question.type} questions have no shares to compare`, []); continue; }
    const known = new Set(question.type === 'scale_0_10' ? question.bands.map((b) => b.key) : question.options.map((o) => String(o.code)));
    for (const code of Object.keys(q.shares)) {
      if (!known.has(code)) fail(`questions.${id}.shares.${code}: not an option code or band key of ${id} (${[...known].join(', ')})`, ['shares', code]);
    }
    out.set(id, { n: q.n ?? input.respondents, measure: q.measure ?? measureOf(question), shares: new Map(Object.entries(q.shares)) });
  }
  if (!ok) return undefined;
  return { id: input.id, title: input.title, shortTitle: input.shortTitle ?? input.title, respondents: input.respondents, questions: out };
}
