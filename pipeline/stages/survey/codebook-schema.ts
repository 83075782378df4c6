/** zod schema of a survey codebook (`data/<id>.codebook.yaml`); see docs/authoring.md#codebooks. */
import { z } from 'zod';
import { questionTypes } from '../../model/survey.js';
import { formatSchema } from './format.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'expected text');
const code = z.number({ invalid_type_error: 'expected a whole-number code' }).int('expected a whole-number code');

const option = z.object({ code, label: text }).strict();
const band = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a short key in lower case, e.g. high'),
    label: text,
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(0).max(10),
  })
  .strict();
const missing = z.object({ code, label: text, kind: z.enum(['dont-know', 'no-answer']) }).strict();

export const questionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected an id of letters and digits, e.g. Q05'),
    type: z.enum(questionTypes),
    wording: text,
    options: z.array(option).default([]),
    bands: z.array(band).default([]),
    missing: z.array(missing).default([]),
    base: z.enum(['all', 'valid']).default('valid'),
    columns: z.array(text).min(1).optional(),
    unit: text.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    decimals: z.number().int().min(0).max(6).default(0),
    ranks: z.number().int().min(1).max(10).optional(),
    ordered: z.boolean().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const needsOptions = q.type === 'single' || q.type === 'likert' || q.type === 'multi' || q.type === 'ranking';
    if (needsOptions && q.options.length < 2) issue(`a ${q.type} question needs at least two options`, ['options']);
    if (!needsOptions && q.options.length > 0) issue(`a ${q.type} question has no options`, ['options']);
    if (q.type === 'scale_0_10') checkBands(q.bands, issue);
    else if (q.bands.length > 0) issue('only scale_0_10 questions have bands', ['bands']);
    if (q.type === 'numeric') {
      if (q.min === undefined) issue('a numeric question needs min', ['min']);
      if (q.max === undefined) issue('a numeric question needs max', ['max']);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) issue('min is greater than max', ['min']);
      if (q.missing.length > 0) issue('numeric questions have no missing codes: leave the cell empty for no answer', ['missing']);
    }
    if (q.type === 'multi' && q.missing.length > 0) issue('multi questions have no missing codes: use 1 (chosen), 0 (not chosen) or an empty cell', ['missing']);
    const seen = new Map<number, string>();
    q.options.forEach((o, i) => {
      if (seen.has(o.code)) issue(`option code ${o.code} is used twice`, ['options', i, 'code']);
      seen.set(o.code, 'option');
    });
    q.missing.forEach((m, i) => {
      if (seen.has(m.code)) issue(`code ${m.code} is both an answer and a missing code`, ['missing', i, 'code']);
      if (q.type === 'scale_0_10' && m.code >= 0 && m.code <= 10) issue(`missing code ${m.code} clashes with the scale 0–10`, ['missing', i, 'code']);
      seen.set(m.code, 'missing');
    });
    if (q.columns && q.type === 'multi' && q.columns.length !== q.options.length) {
      issue(`expected one column per option (${q.options.length})`, ['columns']);
    }
    if (q.columns && q.ranks !== undefined && q.columns.length !== q.ranks) issue(`expected one column per rank (${q.ranks})`, ['columns']);
    if (q.columns && q.type !== 'multi' && q.type !== 'ranking' && q.columns.length !== 1) issue('expected exactly one column', ['columns']);
    if (q.ranks !== undefined && q.type !== 'ranking') issue('only ranking questions have ranks', ['ranks']);
    if (q.ordered !== undefined && q.type !== 'single') issue('only single questions take ordered (likert and 0–10 scales are always ordered)', ['ordered']);
  });

function checkBands(
  bands: readonly { key: string; min: number; max: number }[],
  issue: (message: string, path: (string | number)[]) => void,
): void {
  if (bands.length === 0) {
    issue('a scale_0_10 question needs bands covering 0 to 10, e.g. {key: low, label: Low, min: 0, max: 4}', ['bands']);
    return;
  }
  const owner = new Array<string | undefined>(11).fill(undefined);
  bands.forEach((b, i) => {
    if (b.min > b.max) issue('min is greater than max', ['bands', i, 'min']);
    for (let v = b.min; v <= b.max; v++) {
      if (owner[v] !== undefined) issue(`score ${v} is in two bands (${owner[v]} and ${b.key})`, ['bands', i]);
      owner[v] = b.key;
    }
  });
  const gaps = owner.flatMap((k, v) => (k === undefined ? [v] : []));
  if (gaps.length > 0) issue(`bands leave scores ${gaps.join(', ')} uncovered`, ['bands']);
}

export const codebookSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id in lower case with dashes, e.g. pulse-2026'),
    title: text,
    shortTitle: text.optional(),
    synthetic: z.boolean().default(false),
    fieldwork: z.object({ start: isoDate, end: isoDate }).strict(),
    population: text,
    populationSize: z.number().int().positive().optional(),
    data: text.optional(),
    previous: text.optional(),
    file: formatSchema.optional(),
    idColumn: text.default('city'),
    consentColumn: text.default('consent'),
    consent: z.object({ named: z.union([code, text]), anonymous: z.union([code, text]) }).strict().default({ named: 1, anonymous: 2 }),
    ignoreColumns: z.array(text).default([]),
    questions: z.array(questionSchema).min(1, 'expected at least one question'),
  })
  .strict();

export type CodebookInput = z.infer<typeof codebookSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;
