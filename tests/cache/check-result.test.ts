import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../pipeline/build.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { sampleEditionCopies } from '../workflow/helpers.js';

const date = new Date(Date.UTC(2026, 0, 1));
const sampleCopy = sampleEditionCopies();

describe('a warm check of unchanged sources', () => {
  it('reports exactly what a fresh check reports, without compiling; an edit is checked afresh', async () => {
    const root = await sampleCopy();
    const cacheDir = path.join(root, '.monitor-cache');
    // Two problems of different kinds, so the stored messages have something to keep.
    await appendFile(path.join(root, 'chapters/housing.md'), '\n\nSee [nowhere](#no-such-heading).\n\n![](missing-image.png)\n');
    const fresh = await check(root, 'public', date, {});
    const expected = collectProblems(fresh.files);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(fresh.edition).toBeDefined();

    const first = await check(root, 'public', date, { cacheDir });
    expect(first.edition).toBeDefined(); // compiled: nothing known yet
    const warm = await check(root, 'public', date, { cacheDir });
    expect(warm.edition).toBeUndefined(); // not compiled again
    expect(collectProblems(warm.files)).toEqual(expected);

    // Another profile is another check.
    expect((await check(root, 'members', date, { cacheDir })).edition).toBeDefined();

    // An edit: compiled again, and its problem reported.
    await appendFile(path.join(root, 'chapters/urban-mobility.md'), '\n\nAnd [elsewhere](#another-missing-heading).\n');
    const edited = await check(root, 'public', date, { cacheDir });
    expect(edited.edition).toBeDefined();
    const rules = collectProblems(edited.files).map((p) => `${p.file} ${p.rule}`);
    expect(rules).toContain('chapters/urban-mobility.md link-anchor');
    expect(collectProblems((await check(root, 'public', date, { cacheDir })).files)).toEqual(collectProblems(edited.files));
  });
});
