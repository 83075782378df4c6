import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { Edition } from '../../model/edition.js';
import type { SourceFile } from '../../model/source.js';
import type { OutputFile } from './index.js';
import { zip } from './zip.js';

/** Where the package lives inside html/. Resource paths are relative to it, never with "..". */
export const DATA_DIR = 'data';

interface Field {
  readonly name: string;
  readonly type: 'integer' | 'number' | 'string';
}

interface License {
  readonly name: string;
  readonly path?: string;
  readonly title: string;
}

/** Licences editors write in edition.yaml, as Open Definition ids with their deeds. */
const knownLicences: Record<string, License> = {
  'cc by 4.0': { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
  'cc by-sa 4.0': { name: 'CC-BY-SA-4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'Creative Commons Attribution Share-Alike 4.0' },
  'cc by-nc 4.0': { name: 'CC-BY-NC-4.0', path: 'https://creativecommons.org/licenses/by-nc/4.0/', title: 'Creative Commons Attribution-NonCommercial 4.0' },
  'cc0 1.0': { name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0' },
  'odc-by 1.0': { name: 'ODC-BY-1.0', path: 'https://opendatacommons.org/licenses/by/1-0/', title: 'Open Data Commons Attribution License 1.0' },
};

export function licenceOf(text: string): License {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^cc-by/, 'cc by');
  return knownLicences[key] ?? { name: text.trim().replace(/\s+/g, '-'), title: text.trim() };
}

/** Column types read from the CSV itself: a column is numeric only when every filled cell is. */
export function csvFields(csv: string): Field[] {
  const parsed = Papa.parse<string[]>(csv.replace(/\r\n$/, ''), { skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  return header.map((name, i) => {
    const cells = rows.map((r) => r[i] ?? '').filter((c) => c !== '');
    const type = cells.length === 0 ? 'string' : cells.every((c) => /^-?\d+$/.test(c)) ? 'integer' : cells.every((c) => /^-?\d+(\.\d+)?$/.test(c)) ? 'number' : 'string';
    return { name, type };
  });
}

const bytesOf = (contents: string | Uint8Array) => (typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export interface DataPackage {
  /** Files below data/: datapackage.json, every resource, and the ZIP of them all. */
  readonly files: OutputFile[];
  /** Path of the ZIP inside html/. */
  readonly zipPath: string;
  readonly zipBytes: number;
}

/**
 * The data behind the figures as a Frictionless Data Package (v1): one tabular resource per
 * figure, with the very bytes of the figure's CSV download, plus the codebooks and the cities
 * table. Raw survey responses are never included: they name cities that did not consent.
 */
export function dataPackage(edition: Edition, data: readonly SourceFile[]): DataPackage {
  const { config } = edition;
  const licenses = [licenceOf(config.licence)];
  const sources = [{ title: `${config.publisher}, ${config.title}`, path: config.baseUrl }];
  const resources: Record<string, unknown>[] = [];
  const payload: { path: string; bytes: Uint8Array }[] = [];
  for (const chapter of edition.chapters) {
    for (const figure of chapter.figures) {
      const bytes = bytesOf(figure.csv);
      const rel = `figures/${figure.csvName}`;
      payload.push({ path: rel, bytes });
      resources.push({
        profile: 'tabular-data-resource',
        name: figure.csvName.replace(/\.csv$/, ''),
        path: rel,
        title: figure.caption,
        description: figure.sourceNote,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: bytes.byteLength,
        hash: sha256(bytes),
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: { fields: csvFields(figure.csv), missingValues: [''] },
        sources,
        licenses,
      });
    }
  }
  for (const file of [...data].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const codebook = /^data\/([^/]+)\.codebook\.ya?ml$/.exec(file.path);
    if (codebook) {
      const rel = `codebooks/${file.path.slice('data/'.length)}`;
      payload.push({ path: rel, bytes: file.bytes });
      resources.push({
        profile: 'data-resource',
        name: `codebook-${codebook[1]?.toLowerCase()}`,
        path: rel,
        title: `Codebook of the survey ${codebook[1]}`,
        description: 'Every question as asked: wording, type, answer options, missing codes and base.',
        format: 'yaml',
        mediatype: 'application/yaml',
        encoding: 'utf-8',
        bytes: file.bytes.byteLength,
        hash: sha256(file.bytes),
        sources,
        licenses,
      });
    } else if (file.path === 'data/cities.csv') {
      const text = new TextDecoder().decode(file.bytes);
      payload.push({ path: 'cities.csv', bytes: file.bytes });
      resources.push({
        profile: 'tabular-data-resource',
        name: 'cities',
        path: 'cities.csv',
        title: 'Member cities',
        description: 'The cities table: code, name, country, region, member type, location and population.',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: file.bytes.byteLength,
        hash: sha256(file.bytes),
        schema: { fields: csvFields(text), missingValues: [''] },
        sources,
        licenses,
      });
    }
  }
  const descriptor = {
    profile: 'data-package',
    name: config.slug,
    title: `${config.title}: the data behind the figures`,
    description: config.description,
    homepage: config.baseUrl,
    version: String(config.year),
    created: edition.buildDate.toISOString(),
    keywords: [...config.keywords],
    contributors: [{ title: config.publisher, role: 'publisher' }],
    licenses,
    sources,
    resources,
  };
  const json = new TextEncoder().encode(JSON.stringify(descriptor, null, 2) + '\n');
  const zipName = `${config.slug}-data.zip`;
  const archive = zip([{ path: 'datapackage.json', bytes: json }, ...payload]);
  const files: OutputFile[] = [
    { path: `${DATA_DIR}/datapackage.json`, contents: json },
    ...payload.map((p) => ({ path: `${DATA_DIR}/${p.path}`, contents: p.bytes })),
    { path: `${DATA_DIR}/${zipName}`, contents: archive },
  ];
  return { files, zipPath: `${DATA_DIR}/${zipName}`, zipBytes: archive.byteLength };
}
