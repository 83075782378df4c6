import { z } from 'zod';
import { LANGUAGE_TAG, SLUG_PATTERN } from '../stages/validate/patterns.js';

/** An image of the edition, relative to chapters/ like the images in Markdown (`images/logo.svg`). */
const imagePath = z
  .string()
  .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[^\\:]+\.(png|jpe?g|svg|webp)$/i, 'name an image file under chapters/, e.g. images/logo.svg (png, jpg, svg or webp)');

/** edition.yaml as written by editors. Defaults are applied in normalize.ts. */
export const editionSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    year: z.number().int().min(1900).max(2999),
    slug: z
      .string()
      .regex(SLUG_PATTERN, 'use lower-case letters, digits and single dashes')
      .optional(),
    publisher: z.string().min(1),
    language: z.string().regex(LANGUAGE_TAG, 'use a BCP 47 language tag such as en or fr'),
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
    // Print front and back matter (docs/authoring.md#editionyaml).
    locale: z.string().regex(LANGUAGE_TAG, 'use a BCP 47 locale such as en-GB or en-US').optional(),
    // Interface strings by catalogue key (docs/authoring.md#interface-strings); keys are checked in load-edition.ts.
    strings: z.record(z.string(), z.string().min(1)).optional(),
    issn: z.string().regex(/^\d{4}-\d{3}[\dX]$/, 'use the form 1234-567X').optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'write the DOI without https://doi.org/, e.g. 10.1234/monitor.2026').optional(),
    copyright: z.string().min(1).optional(),
    blurb: z.string().min(1).max(600, 'keep the back-cover text under 600 characters').optional(),
    logo: imagePath.optional(),
    coverImage: z.object({ path: imagePath, alt: z.string().trim().min(1, 'describe the image for readers who cannot see it') }).strict().optional(),
    keywords: z.array(z.string().min(1)).optional(),
    // The EPUB edition's settings (docs/epub.md); `formats` decides whether it is made.
    epub: z.object({ certifiedBy: z.string().trim().min(1).optional() }).strict().optional(),
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
    // Edition formats to build by default (docs/authoring.md#editionyaml); names are checked against the emitter table.
    formats: z.array(z.string().min(1)).min(1, 'list at least one format, e.g. [html, pdf]').optional(),
  })
  .strict();

export type EditionInput = z.infer<typeof editionSchema>;
