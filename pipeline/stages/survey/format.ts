/**
 * How a CSV file is written: encoding, separator and decimal mark. Declared in a codebook's
 * `file:` block or in a sidecar `data/<name>.format.yaml`; otherwise UTF-8, separator sniffed
 * from the header line, and the decimal comma assumed for semicolon files (Excel's European export).
 */
import { z } from 'zod';
import { normaliseEncoding, type Encoding } from './decode.js';

export interface FileFormat {
  readonly encoding: Encoding | undefined;
  readonly delimiter: ',' | ';' | '\t';
  readonly decimal: '.' | ',';
}

export const formatSchema = z
  .object({
    encoding: z
      .string()
      .refine((s) => normaliseEncoding(s) !== undefined, {
        message: 'expected one of utf-8, windows-1250, windows-1252, iso-8859-1, iso-8859-2, iso-8859-15',
      })
      .optional(),
    delimiter: z.enum([',', ';', '\t', 'tab', 'comma', 'semicolon']).optional(),
    decimal: z.enum(['.', ',', 'point', 'comma']).optional(),
  })
  .strict()
  .refine((f) => !(delimiterOf(f.delimiter) === ',' && decimalOf(f.decimal) === ','), {
    message: 'a comma cannot be both the separator and the decimal mark; Excel uses delimiter ";" with decimal ","',
    path: ['decimal'],
  });

export type FormatDeclaration = z.infer<typeof formatSchema>;

function delimiterOf(d: string | undefined): FileFormat['delimiter'] | undefined {
  if (d === undefined) return undefined;
  if (d === 'tab' || d === '\t') return '\t';
  if (d === 'semicolon' || d === ';') return ';';
  return ',';
}

function decimalOf(d: string | undefined): FileFormat['decimal'] | undefined {
  if (d === undefined) return undefined;
  return d === ',' || d === 'comma' ? ',' : '.';
}

/** Combine declarations (later ones win field by field) and fill defaults from the text. */
export function resolveFormat(declarations: readonly (FormatDeclaration | undefined)[], text: string): FileFormat {
  let encoding: string | undefined;
  let delimiter: string | undefined;
  let decimal: string | undefined;
  for (const d of declarations) {
    if (!d) continue;
    encoding = d.encoding ?? encoding;
    delimiter = d.delimiter ?? delimiter;
    decimal = d.decimal ?? decimal;
  }
  const sep = delimiterOf(delimiter) ?? sniffDelimiter(text);
  return {
    encoding: encoding === undefined ? undefined : normaliseEncoding(encoding),
    delimiter: sep,
    decimal: decimalOf(decimal) ?? (sep === ';' ? ',' : '.'),
  };
}

/** Only the declared encoding matters before decoding. */
export function declaredEncoding(declarations: readonly (FormatDeclaration | undefined)[]): Encoding | undefined {
  let encoding: string | undefined;
  for (const d of declarations) encoding = d?.encoding ?? encoding;
  return encoding === undefined ? undefined : normaliseEncoding(encoding);
}

function sniffDelimiter(text: string): FileFormat['delimiter'] {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  const semi = count(';');
  const tab = count('\t');
  const comma = count(',');
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma) return '\t';
  return ',';
}

/** Parse a number written with `decimal` as the decimal mark; undefined if it is not one. */
export function parseNumber(raw: string, decimal: FileFormat['decimal']): number | undefined {
  const s = raw.trim();
  const pattern = decimal === ',' ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (!pattern.test(s)) return undefined;
  return Number(decimal === ',' ? s.replace(',', '.') : s);
}
