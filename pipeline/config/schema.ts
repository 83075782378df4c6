import { z } from 'zod';

/** edition.yaml as written by editors. Defaults are applied in normalize.ts. */
export const editionSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    year: z.number().int().min(1900).max(2999),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes')
      .optional(),
    publisher: z.string().min(1),
    language: z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as en or fr'),
    baseUrl: z
      .string()
      .url('use an absolute URL such as https://monitor.example.org/2026/')
      .refine((u) => /^https?:\/\//.test(u), 'use an http or https URL'),
    licence: z.string().min(1),
    isbn: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine((s) => /^(97[89])?[0-9-]{9,16}[0-9X]$/.test(s.replace(/\s/g, '')), 'not an ISBN')
      .optional(),
    contact: z.string().email('use an e-mail address for readers’ feedback'),
    keywords: z.array(z.string().min(1)).optional(),
    description: z.string().min(1).optional(),
    sampleData: z.boolean().optional(),
    survey: z
      .object({
        minBase: z.number().int().min(1).max(10000).optional(),
        default: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    chapters: z.array(z.string().regex(/^[^/\\]+\.md$/, 'name a Markdown file in chapters/, e.g. housing.md')).min(1),
  })
  .strict();

export type EditionInput = z.infer<typeof editionSchema>;
