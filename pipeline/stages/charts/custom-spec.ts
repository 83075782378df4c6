/**
 * Custom Vega-Lite specs from data/charts/<name>.vl.json. The spec names its data by dataset id
 * only; the pipeline supplies the rows inline. Anything that could make the renderer read a file
 * or the network (`url` anywhere, author `datasets`, image marks, links) is refused here, before
 * anything runs, with rule chart-spec naming the file and the JSON path.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SourceFile } from '../../model/source.js';
import { toCsv } from './csv.js';
import { resolveDataset, type Dataset } from './datasets.js';
import { sourceNote } from './source-note.js';
import { themeConfig } from './theme.js';
import { fail, followOn, isJsonObject, planVersion, type ChartContext, type ChartRequest, type Json, type PlanResult } from './types.js';

const maxBytes = 256 * 1024;
const maxDepth = 64;
const namePattern = /^[a-z0-9][a-z0-9_-]*$/i;
/** Data sources that generate rows rather than load them. */
const generators = new Set(['sequence', 'sphere', 'graticule']);
/**
 * Cheap, obviously right bounds on generated data, checked before anything runs (the real bound on
 * time and memory is the chart worker's, see workers.ts): a `sequence` of at most this many rows,
 * plain numbers only; a graticule no finer than one degree.
 */
export const MAX_SEQUENCE_ROWS = 100_000;
const MIN_GRATICULE_STEP = 1;

export function specPath(name: string): string {
  return `data/charts/${name}.vl.json`;
}

export function planCustom(request: ChartRequest, ctx: ChartContext): PlanResult {
  const name = request.spec ?? '';
  if (!namePattern.test(name)) return fail('chart-spec', `spec="${name}" must be a file name in data/charts/ without ".vl.json", e.g. spec=climate-budget-share`);
  const path = specPath(name);
  const file = ctx.customSpecs.find((f: SourceFile) => f.path === path);
  if (!file) return fail('chart-spec', `${path} does not exist; add it or correct spec="${name}"`);
  if (file.bytes.byteLength > maxBytes) return fail('chart-spec', `${path} is larger than ${maxBytes / 1024} KB`);

  let tree: Json;
  try {
    tree = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)) as Json;
  } catch (e) {
    return fail('chart-spec', `${path} is not valid UTF-8 JSON: ${(e as Error).message}`);
  }
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return fail('chart-spec', `${path} must contain a JSON object (a Vega-Lite spec)`);

  const scan = scanSpec(tree);
  if (typeof scan === 'string') return fail('chart-spec', `${path}: ${scan}`);
  if (scan.size === 0) return fail('chart-spec', `${path} names no data; use "data": {"name": "<survey>:<question>"}, e.g. "pulse-2026:Q14"`);

  // Resolve ids and rename them to plain names Vega is happy with.
  const datasets: Record<string, Json> = {};
  const resolved: Dataset[] = [];
  const rename = new Map<string, string>();
  for (const id of scan) {
    const surveyId = id.split(':')[0] ?? '';
    if (!ctx.bundle.surveys.has(surveyId) && ctx.bundle.broken?.has(surveyId)) return followOn(surveyId);
    const d = resolveDataset(id, ctx.bundle, ctx.locale);
    if (typeof d === 'string') return fail('chart-spec', `${path}: ${d}`);
    const local = `dataset_${resolved.length}`;
    rename.set(id, local);
    resolved.push(d);
    datasets[local] = d.rows as unknown as Json;
  }
  const body = renameData(tree, rename) as { [key: string]: Json };
  delete body['$schema'];
  const authorConfig = (body['config'] ?? {}) as { [key: string]: Json };
  // The phone variant fits the author's chart to the narrow width; their layout stays otherwise.
  const narrow = ctx.width !== undefined && typeof body['width'] === 'number' ? { width: ctx.width, autosize: { type: 'fit-x', contains: 'padding' } } : {};
  const spec = {
    ...body,
    ...narrow,
    datasets,
    config: { ...(themeConfig() as unknown as { [key: string]: Json }), ...authorConfig, aria: false },
  } as unknown as TopLevelSpec;

  const first = resolved[0]!;
  const table = {
    columns: first.columns,
    rows: first.rows.map((r) => first.columns.map((c) => r[c.key] ?? null)),
    notes: [ctx.locale.t('customNote')],
  };
  const note = resolved
    .map((d) => sourceNote({ survey: d.survey, question: d.question, n: d.n, base: d.question ? 'valid' : 'respondents', locale: ctx.locale }))
    .join(' ');
  return {
    ok: true,
    plan: {
      version: planVersion,
      kind: 'custom',
      domId: request.domId,
      alt: request.alt,
      summary: ctx.locale.t('summary.custom', { list: resolved.map((d) => d.id).join(', ') }),
      spec,
      narrowSpec: null,
      basemap: null,
      table,
      csv: toCsv(table),
      sourceNote: note,
      notes: [],
    },
  };
}

/** Dataset ids the spec names, or why it is refused (with a JSON pointer to the culprit). */
export function scanSpec(tree: Json): Set<string> | string {
  const names = new Set<string>();
  const walk = (node: Json, pointer: string, depth: number): string | undefined => {
    if (depth > maxDepth) return `nesting deeper than ${maxDepth} levels at ${pointer}`;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const r = walk(node[i]!, `${pointer}/${i}`, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    if (node === null || typeof node !== 'object') return undefined;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key}`;
      if (key === 'url') return urlRefusal(at);
      if (key === 'datasets') return `"datasets" at ${at} is not allowed: the pipeline supplies the data; name it by dataset id`;
      if (key === 'href') return `"href" at ${at} is not allowed: charts may not contain links`;
      if ((key === 'mark' || key === 'type') && (value === 'image' || (isJsonObject(value) && value['type'] === 'image'))) {
        return `image marks (${at}) are not allowed: charts never load images`;
      }
      if (key === 'data' && isJsonObject(value)) {
        if ('url' in value) return urlRefusal(`${at}/url`);
        if ('values' in value) return `inline "values" at ${at}/values are not allowed: survey numbers come from the data, name them by dataset id`;
        const generated = Object.keys(value).some((k) => generators.has(k));
        const bound = generatorRefusal(value, `${at}`);
        if (bound) return bound;
        if (!generated) {
          if (typeof value['name'] !== 'string') return `"data" at ${at} must be {"name": "<survey>:<question>"}`;
          names.add(value['name']);
        }
      }
      const r = walk(value, at, depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  return walk(tree, '', 0) ?? names;
}

/** Why a generator (`sequence`, `graticule`) would make too much data, or undefined. */
function generatorRefusal(data: { [key: string]: Json }, at: string): string | undefined {
  const sequence = data['sequence'];
  if (sequence !== undefined) {
    const s = isJsonObject(sequence) ? sequence : {};
    const [start, stop, step] = [s['start'], s['stop'], s['step'] ?? 1];
    if (typeof start !== 'number' || typeof stop !== 'number' || typeof step !== 'number' || step === 0) {
      return `"sequence" at ${at}/sequence needs numbers for start, stop and step (not 0)`;
    }
    const rows = Math.ceil((stop - start) / step);
    if (!Number.isFinite(rows) || rows > MAX_SEQUENCE_ROWS) {
      return `"sequence" at ${at}/sequence makes ${Number.isFinite(rows) ? rows.toLocaleString('en') : 'endless'} rows; the limit is ${MAX_SEQUENCE_ROWS.toLocaleString('en')}`;
    }
  }
  const graticule = data['graticule'];
  if (isJsonObject(graticule)) {
    for (const key of ['step', 'stepMinor', 'stepMajor']) {
      const steps = graticule[key];
      const values = Array.isArray(steps) ? steps : steps === undefined ? [] : [steps];
      if (values.some((v) => typeof v !== 'number' || !(v >= MIN_GRATICULE_STEP))) {
        return `"graticule" at ${at}/graticule/${key} must be at least ${MIN_GRATICULE_STEP} degree`;
      }
    }
  }
  return undefined;
}

function urlRefusal(at: string): string {
  return `"url" at ${at} is not allowed: charts never load files or web addresses; name the data by dataset id, e.g. "data": {"name": "pulse-2026:Q14"}`;
}

function renameData(node: Json, rename: ReadonlyMap<string, string>): Json {
  if (Array.isArray(node)) return node.map((n) => renameData(n, rename));
  if (!isJsonObject(node)) return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data' && isJsonObject(value) && typeof value['name'] === 'string') {
      out[key] = { ...value, name: rename.get(value['name']) ?? value['name'] };
    } else out[key] = renameData(value, rename);
  }
  return out;
}
