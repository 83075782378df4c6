import { z } from 'zod';

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
    // Print front and back matter (docs/authoring.md#editionyaml).
    locale: z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 locale such as en-GB or en-US').optional(),
    issn: z.string().regex(/^\d{4}-\d{3}[\dX]$/, 'use the form 1234-567X').optional(),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'write the DOI without https://doi.org/, e.g. 10.1234/monitor.2026').optional(),
    copyright: z.string().min(1).optional(),
    blurb: z.string().min(1).max(600, 'keep the back-cover text under 600 characters').optional(),
    logo: imagePath.optional(),
    coverImage: z.object({ path: imagePath, alt: z.string().trim().min(1, 'describe the image for readers who cannot see it') }).strict().optional(),
    keywords: z.array(z.string().min(1)).optional(),
    // The EPUB edition (docs/epub.md): `epub: true`, or the accessibility certifier's name.
    epub: z.union([z.boolean(), z.object({ certifiedBy: z.string().trim().min(1).optional() }).strict()]).optional(),
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
