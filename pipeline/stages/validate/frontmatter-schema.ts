import { z } from 'zod';
import { chapterKinds, methodEfforts } from '../../model/edition.js';

const text = z.string().trim().min(1);

const author = z
  .object({ name: text, role: text.optional(), organisation: text.optional() })
  .strict();

const contact = z
  .object({
    name: text,
    email: z.string().email().optional(),
    audience: z.enum(['public', 'members']).optional(),
  })
  .strict();

/** Front matter as editors write it; one schema for every kind, case-study fields checked in refine. */
export const frontMatterSchema = z
  .object({
    title: text,
    kind: z.enum(chapterKinds),
    summary: text,
    authors: z.array(author).optional(),
    audience: z.enum(['public', 'members']).optional(),
    // Pattern and reserved names are checked in slug.ts (rules slug-invalid, slug-reserved).
    slug: z.union([z.string(), z.number()]).transform(String).optional(),
    lang: z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as fr').optional(),
    numbered: z.boolean().optional(),
    city: text.optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'use a two-letter ISO 3166-1 code in capitals').optional(),
    themes: z.array(text).min(1).optional(),
    period: z.union([text, z.number()]).transform(String).optional(),
    partners: z.array(text).optional(),
    award: z
      .object({
        year: z.number().int().min(2000).max(2999),
        category: text,
        result: z.enum(['winner', 'shortlisted']),
      })
      .strict()
      .optional(),
    metrics: z
      .array(z.object({ label: text, value: z.union([text, z.number()]).transform(String) }).strict())
      .optional(),
    funding: text.optional(),
    contact: contact.optional(),
    format: text.optional(),
    duration: z.union([text, z.number()]).transform(String).optional(),
    participants: z.union([text, z.number()]).transform(String).optional(),
    effort: z.enum(methodEfforts).optional(),
  })
  .strict();

export type FrontMatterInput = z.infer<typeof frontMatterSchema>;

/** Fields only case studies carry; required when kind is case-study. */
export const caseStudyRequired = ['city', 'country', 'themes'] as const;

/** Fields only methods carry; required when kind is method. */
export const methodRequired = ['format', 'duration', 'participants', 'effort', 'themes'] as const;
