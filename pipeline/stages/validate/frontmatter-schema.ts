import { z } from 'zod';
import { LANGUAGE_TAG } from './patterns.js';

/**
 * The one description of chapter front matter. The model types (FrontMatter, Author,
 * CaseStudyMeta, MethodMeta in model/edition.ts) are inferred from these schemas, so a new field
 * is added here, used where it shows, and documented in docs/authoring.md — nothing else.
 */

export const chapterKinds = [
  'foreword',
  'executive-summary',
  'essay',
  'guest-essay',
  'case-study',
  'method',
  'methodology',
  'annex',
] as const;

export const methodEfforts = ['low', 'medium', 'high'] as const;

const audience = z.enum(['public', 'members']);
const text = z.string().trim().min(1);
/** A value editors may write as a number ("2019–2023" or 2023); always text in the model. */
const textOrNumber = z.union([text, z.number()]).transform(String);

export const authorSchema = z
  .object({ name: text, role: text.optional(), organisation: text.optional() })
  .strict();

const contactSchema = z
  .object({
    name: text,
    email: z.string().email().optional(),
    // A contact is for members unless the editor says otherwise.
    audience: audience.default('members'),
  })
  .strict();

/** Fields every chapter may carry. */
const commonSchema = z.object({
  title: text,
  kind: z.enum(chapterKinds),
  summary: text,
  authors: z.array(authorSchema).default([]),
  audience: audience.default('public'),
  // Pattern and reserved names are checked in slug.ts (rules slug-invalid, slug-reserved).
  slug: z.union([z.string(), z.number()]).transform(String).optional(),
  lang: z.string().regex(LANGUAGE_TAG, 'use a BCP 47 language tag such as fr').optional(),
  /** Overrides the default of the chapter's kind. */
  numbered: z.boolean().optional(),
});

/** A case study's facts (`kind: case-study`); city, country and themes are required for that kind. */
export const caseStudySchema = z.object({
  city: text,
  country: z.string().regex(/^[A-Z]{2}$/, 'use a two-letter ISO 3166-1 code in capitals'),
  themes: z.array(text).min(1),
  period: textOrNumber.optional(),
  partners: z.array(text).default([]),
  award: z
    .object({
      year: z.number().int().min(2000).max(2999),
      category: text,
      result: z.enum(['winner', 'shortlisted']),
    })
    .strict()
    .optional(),
  metrics: z.array(z.object({ label: text, value: textOrNumber }).strict()).default([]),
  funding: text.optional(),
  /** Present in the model only when the build's profile may show it. */
  contact: contactSchema.optional(),
});

/** A knowledge-sharing method (`kind: method`); every field is required for that kind. */
export const methodSchema = z.object({
  /** e.g. "webinar", "study visit", "peer review", or any other format. */
  format: text,
  duration: textOrNumber,
  participants: textOrNumber,
  effort: z.enum(methodEfforts),
  themes: z.array(text).min(1),
});

/** Front matter as editors write it: one flat list of fields for every kind. */
export const frontMatterFields = commonSchema
  .merge(caseStudySchema.partial())
  .merge(methodSchema.partial())
  .strict();

export type FrontMatterInput = z.output<typeof frontMatterFields>;

/** Fields only case studies carry; required when kind is case-study. */
export const caseStudyRequired = ['city', 'country', 'themes'] as const;

/** Fields only methods carry; required when kind is method. */
export const methodRequired = ['format', 'duration', 'participants', 'effort', 'themes'] as const;

/**
 * Front matter as the model carries it: the common fields, plus the facts of a case study or a
 * method grouped under `caseStudy` / `method` for the chapter of that kind. The groups are read
 * back through their own schemas, which pick their fields and fill their defaults.
 */
export const frontMatterSchema = frontMatterFields.transform((input) => ({
  ...commonSchema.parse(input),
  caseStudy: input.kind === 'case-study' ? caseStudySchema.safeParse(input).data : undefined,
  method: input.kind === 'method' ? methodSchema.safeParse(input).data : undefined,
}));
