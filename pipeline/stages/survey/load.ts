/**
 * Load every survey of an edition from the bytes of its data/ files (no file system access):
 * cities table, codebooks, response CSVs and previous-edition aggregates. Every problem becomes a
 * positioned message on the file it came from, all in one run.
 */
import { VFile } from 'vfile';
import type { SourceFile } from '../../model/source.js';
import type { City, Survey, SurveyBundle } from '../../model/survey.js';
import { report } from '../../diagnostics/report.js';
import { readCities } from './cities.js';
import { codebookStem, readCodebook, type Codebook } from './codebook.js';
import { decodeBytes } from './decode.js';
import { declaredEncoding, formatSchema, resolveFormat, type FormatDeclaration } from './format.js';
import { readPrevious } from './previous.js';
import { readResponses } from './responses.js';
import { parseYaml, reportIssues } from './yaml-issues.js';

export interface LoadSurveysOptions {
  readonly minBase: number;
  readonly defaultSurvey?: string | undefined;
}

export const citiesPath = 'data/cities.csv';

export function loadSurveys(
  files: readonly SourceFile[],
  options: LoadSurveysOptions,
): { bundle: SurveyBundle; files: VFile[] } {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const vfiles = new Map<string, VFile>();
  const vfile = (path: string) => {
    let f = vfiles.get(path);
    if (!f) vfiles.set(path, (f = new VFile({ path })));
    return f;
  };
  const codebookPaths = files
    .map((f) => f.path)
    .filter((p) => /^data\/[^/]+\.codebook\.ya?ml$/.test(p))
    .sort();

  // 1. Cities. A city whose row was reported (or a table that could not be read at all) is not
  // reported again as an unknown city in every survey that names it.
  let cities: City[] = [];
  let unreadCity: (code: string) => boolean = () => true;
  const citiesSource = byPath.get(citiesPath);
  if (citiesSource) {
    const declared = [readSidecar(citiesPath, byPath, vfile)];
    const text = decodeOrReport(citiesSource, declared, vfile);
    if (text !== undefined) {
      const read = readCities(vfile(citiesPath), text, resolveFormat(declared, text));
      cities = read.cities;
      if (read.usable) unreadCity = (code) => read.rejected.has(code);
    }
  } else if (codebookPaths.length > 0) {
    report(vfile(citiesPath), 'cities-missing', 'data/cities.csv is missing: survey rows name cities by their code from this table', undefined);
  }
  const citiesByCode = new Map(cities.map((c) => [c.code, c]));

  // 2. Surveys: codebook → responses → previous edition. A survey whose files exist but could not
  // be read is known as broken, so its references report nothing more than its own error.
  const surveys = new Map<string, Survey>();
  const broken = new Set<string>();
  for (const path of codebookPaths) {
    const file = vfile(path);
    const codebook = readCodebook(file, utf8(byPath.get(path)!.bytes));
    if (!codebook) {
      broken.add(codebookStem(path));
      continue;
    }
    const survey = loadSurvey(codebook, file, byPath, vfile, citiesByCode, unreadCity);
    if (survey) surveys.set(survey.id, survey);
    else broken.add(codebook.meta.id);
  }

  // 3. The default survey must exist.
  let defaultSurvey = options.defaultSurvey;
  if (defaultSurvey !== undefined && !surveys.has(defaultSurvey) && !broken.has(defaultSurvey)) {
    const known = [...surveys.keys()].join(', ') || 'none';
    report(vfile('edition.yaml'), 'survey-missing', `survey.default names "${defaultSurvey}", but data/ has no ${defaultSurvey}.codebook.yaml (surveys: ${known})`, undefined);
  }
  if (defaultSurvey === undefined && surveys.size + broken.size === 1) defaultSurvey = [...surveys.keys(), ...broken][0];

  return {
    bundle: { cities, citiesByCode, surveys, broken, defaultSurvey, minBase: options.minBase },
    files: [...vfiles.values()],
  };
}

function loadSurvey(
  codebook: Codebook,
  file: VFile,
  byPath: ReadonlyMap<string, SourceFile>,
  vfile: (path: string) => VFile,
  citiesByCode: ReadonlyMap<string, City>,
  unreadCity: (code: string) => boolean,
): Survey | undefined {
  const id = codebook.meta.id;
  const csv = byPath.get(codebook.csvPath);
  if (!csv) {
    const at = codebook.meta.data === undefined ? ['id'] : ['data'];
    report(file, 'survey-missing', `The answers of ${id} should be in ${codebook.csvPath}, which does not exist`, codebook.source.positionOf(at));
    return undefined;
  }
  const declared = [readSidecar(codebook.csvPath, byPath, vfile), codebook.format];
  const text = decodeOrReport(csv, declared, vfile);
  if (text === undefined) return undefined;
  const data = readResponses(vfile(csv.path), text, resolveFormat(declared, text), codebook, citiesByCode, unreadCity);
  const questionsById = new Map(codebook.questions.map((q) => [q.id, q]));

  let previous: Survey['previous'];
  if (codebook.previousPath !== undefined) {
    const prev = byPath.get(codebook.previousPath);
    if (prev) previous = readPrevious(vfile(prev.path), utf8(prev.bytes), questionsById);
    else report(file, 'survey-missing', `previous: ${codebook.previousPath} does not exist`, codebook.source.positionOf(['previous']));
  }

  const countries = new Set(data.cityCodes.map((c) => citiesByCode.get(c)?.country));
  const { meta } = codebook;
  return {
    id,
    title: meta.title,
    shortTitle: codebook.shortTitle,
    fieldwork: meta.fieldwork,
    population: meta.population,
    populationSize: meta.populationSize,
    respondents: data.rows,
    countries: countries.size,
    questions: codebook.questions,
    questionsById,
    previous,
    data,
    synthetic: meta.synthetic,
    files: { codebook: file.path, csv: csv.path, previous: codebook.previousPath },
  };
}

/** `data/x.csv` may have `data/x.format.yaml` declaring encoding, delimiter and decimal mark. */
function readSidecar(
  csvPath: string,
  byPath: ReadonlyMap<string, SourceFile>,
  vfile: (path: string) => VFile,
): FormatDeclaration | undefined {
  const path = csvPath.replace(/\.csv$/i, '') + '.format.yaml';
  const source = byPath.get(path);
  if (!source) return undefined;
  const file = vfile(path);
  const parsed = parseYaml(file, utf8(source.bytes), 'codebook-yaml');
  if (!parsed) return undefined;
  const result = formatSchema.safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  reportIssues(file, parsed.source, result.error.issues, 'codebook-field');
  return undefined;
}

function decodeOrReport(
  source: SourceFile,
  declared: readonly (FormatDeclaration | undefined)[],
  vfile: (path: string) => VFile,
): string | undefined {
  const decoded = decodeBytes(source.bytes, declaredEncoding(declared));
  if (decoded.ok) return decoded.text;
  report(vfile(source.path), 'csv-encoding', decoded.reason, decoded.place);
  return undefined;
}

/** YAML files are UTF-8 by definition; a stray BOM is dropped. */
function utf8(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

