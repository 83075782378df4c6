import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../pipeline/diagnostics/catalogue.js';
import { projectRoot } from './helpers.js';

/** Messages link to docs/authoring.md#<rule-id>: every rule must have its anchor there. */
describe('docs/authoring.md documents every rule', () => {
  const docs = readFileSync(path.join(projectRoot, 'docs/authoring.md'), 'utf8');
  for (const id of Object.keys(catalogue)) {
    it(id, () => {
      expect(docs).toContain(`<a id="${id}"></a>`);
      const row = docs.split('\n').find((l) => l.includes(`<a id="${id}"></a>`)) ?? '';
      expect(row.split('|').filter((c) => c.trim()).length, row).toBeGreaterThanOrEqual(4);
    });
  }
  it('documents the editor workflow commands', () => {
    for (const command of ['monitor check', 'monitor preview', 'monitor new', 'monitor build']) expect(docs).toContain(command);
  });
});
