import { resolveLocale, type Locale } from '../../pipeline/locale/index.js';
/** The shipped sample edition's survey data (data/), loaded the way the pipeline loads it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSurveys } from '../../pipeline/stages/survey/load.js';
import type { SourceFile } from '../../pipeline/model/source.js';
import type { SurveyBundle } from '../../pipeline/model/survey.js';

export const root = new URL('../../', import.meta.url).pathname;

export function hasSampleData(): boolean {
  return existsSync(join(root, 'data/pulse-2026.codebook.yaml')) && existsSync(join(root, 'data/cities.csv'));
}

function files(dir: string): SourceFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: `${dir}/${e.name}`, bytes: new Uint8Array(readFileSync(join(root, dir, e.name))) }));
}

export function sampleContext(): { bundle: SurveyBundle; customSpecs: SourceFile[]; locale: Locale; problems: string[] } {
  const { bundle, files: vfiles } = loadSurveys(files('data'), { minBase: 30, defaultSurvey: 'pulse-2026' });
  const problems = vfiles.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}: ${m.reason}`));
  return { bundle, customSpecs: files('data/charts'), locale: resolveLocale({ language: 'en' }), problems };
}
