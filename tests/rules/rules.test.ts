import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { catalogue } from '../../pipeline/diagnostics/catalogue.js';
import { parseFixture, toSources } from '../helpers/edition-fixture.js';
import { encodeCp1250 } from '../survey/cp1250.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/**
 * Two fixture conventions beyond plain files: `=== <path> (windows-1250)` stores that file in the
 * Windows code page editors' spreadsheets use (the fixture text itself is UTF-8), and an
 * `=== options` block with `draw: true` draws the charts (only fixtures about drawing need it).
 */
function fixtureInputs(raw: ReadonlyMap<string, string>): { files: Map<string, string | Uint8Array>; drawCharts: boolean } {
  const files = new Map<string, string | Uint8Array>();
  let drawCharts = false;
  for (const [name, body] of raw) {
    if (name === 'options') drawCharts = /^draw:\s*true\s*$/m.test(body);
    else if (name.endsWith(' (windows-1250)')) files.set(name.slice(0, -' (windows-1250)'.length), encodeCp1250(body));
    else files.set(name, body);
  }
  return { files, drawCharts };
}

/** Each fixture plants one kind of problem and lists every problem the check must report, exactly. */
describe('validation rules report path:line:col and a rule id', () => {
  for (const name of fixtures) {
    it(name.replace(/\.txt$/, ''), async () => {
      const fixture = parseFixture(readFileSync(path.join(dir, name), 'utf8'));
      const { files, drawCharts } = fixtureInputs(fixture.files);
      const result = await compileEdition(toSources(files), { profile: 'public', buildDate: new Date(0), drawCharts });
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
