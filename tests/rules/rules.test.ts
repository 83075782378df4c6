import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { catalogue } from '../../pipeline/diagnostics/catalogue.js';
import { parseFixture, toSources } from '../helpers/edition-fixture.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/** Each fixture plants one kind of problem and lists every problem the check must report, exactly. */
describe('validation rules report path:line:col and a rule id', () => {
  for (const name of fixtures) {
    it(name.replace(/\.txt$/, ''), async () => {
      const fixture = parseFixture(readFileSync(path.join(dir, name), 'utf8'));
      const result = await compileEdition(toSources(fixture.files), { profile: 'public', buildDate: new Date(0), drawCharts: false });
      const got = collectProblems(result.files).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);
      expect(got.sort()).toEqual([...fixture.expect].sort());
      // Every reported rule is in the catalogue, so it has a hint.
      for (const p of collectProblems(result.files)) {
        expect(Object.keys(catalogue)).toContain(p.rule);
        expect(p.hint).toBeTruthy();
      }
    });
  }
});
