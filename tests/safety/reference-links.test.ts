import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from './helpers.js';
import { compileFiles, essay } from './compile-helpers.js';

/**
 * Reference-style links and images go through the same resolution as inline ones: a members-only
 * target becomes plain text in the public edition and a link in the members edition; a missing
 * chapter or anchor is an error at the reference and at the definition, in both profiles.
 * Bodies start on line 7.
 */
const secret = essay('Secret', '## Inner plans\n\nText.\n', 'audience: members\n');
const open = essay('Open', '## Visible\n\nText.\n\n:::members\n## Hidden part\n\nMembers text.\n:::\n');

const files = (body: string) => ({ 'chapters/essay.md': essay('Essay', body), 'chapters/secret.md': secret, 'chapters/open.md': open });

describe('reference-style links to members-only targets', () => {
  const body = 'See [the plan][m], [m] and [m][], [x][h] and [y][o].\n\n[m]: secret.md\n[h]: secret.md#inner-plans\n[o]: open.md#hidden-part\n';

  it('become plain text in the public edition', async () => {
    const r = await compileFiles(files(body), 'public');
    expect(r.problems).toEqual([]);
    const json = r.json.get('essay') ?? '';
    expect(json).not.toMatch(/secret|hidden-part/);
    expect(r.text.get('essay')).toContain('See the plan, m and m, x and y.');
  });

  it('are links in the members edition', async () => {
    const r = await compileFiles(files(body), 'members');
    expect(r.problems).toEqual([]);
    const json = r.json.get('essay') ?? '';
    expect(json.match(/"href":"\.\.\/secret\/"/g)).toHaveLength(3);
    expect(json).toContain('"href":"../secret/#inner-plans"');
    expect(json).toContain('"href":"../open/#hidden-part"');
  });

  it('an image reference is checked like an inline image', async () => {
    const r = await compileFiles({ ...files('![a map][img]\n\n[img]: images/nowhere.png\n') }, 'public');
    expect(r.problems).toEqual(['chapters/essay.md:7:1 error image-missing']);
  });
});

describe('reference-style links that lead nowhere are errors in both profiles', () => {
  const body = 'See [gone][g], [g][] and [bad anchor][a].\n\n[g]: missing.md\n[a]: open.md#nowhere\n[u]: a%zz.md\n';
  const expected = [
    'chapters/essay.md:7:5 error link-chapter',
    'chapters/essay.md:7:16 error link-chapter',
    'chapters/essay.md:7:26 error link-anchor',
    'chapters/essay.md:9:1 error link-chapter',
    'chapters/essay.md:10:1 error link-anchor',
    'chapters/essay.md:11:1 error link-url',
  ].sort();
  for (const profile of ['public', 'members'] as const) {
    it(profile, async () => {
      const r = await compileFiles(files(body), profile);
      expect(r.problems).toEqual(expected);
    });
  }
});

describe('audience=members behaves the same in both profiles', () => {
  it('a link to a heading inside a members passage: text in public, a link for members, no error in either', async () => {
    const body = 'See [the hidden part](open.md#hidden-part).\n';
    const pub = await compileFiles(files(body), 'public');
    const mem = await compileFiles(files(body), 'members');
    expect(pub.problems).toEqual([]);
    expect(mem.problems).toEqual([]);
    expect(pub.json.get('essay')).not.toContain('hidden-part');
    expect(mem.json.get('essay')).toContain('"href":"../open/#hidden-part"');
  });

  it('a link to a members heading of the same chapter', async () => {
    const body = 'See [below](#later).\n\n:::members\n## Later\n\nText.\n:::\n';
    const pub = await compileFiles({ 'chapters/essay.md': essay('Essay', body) }, 'public');
    const mem = await compileFiles({ 'chapters/essay.md': essay('Essay', body) }, 'members');
    expect(pub.problems).toEqual([]);
    expect(mem.problems).toEqual([]);
    expect(pub.json.get('essay')).not.toContain('later');
    expect(mem.json.get('essay')).toContain('"href":"#later"');
  });
});

describe(':stat{audience=members} behaves the same in both profiles', () => {
  const data = Object.fromEntries(
    readdirSync(path.join(project, 'data'), { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [`data/${d.name}`, new Uint8Array(readFileSync(path.join(project, 'data', d.name)))]),
  );
  const body = 'Share: :stat{question=Q01 option=2 audience=members} of cities.\n';
  it('the members edition shows the number; the public edition leaves it out; neither reports an error', async () => {
    const mem = await compileFiles({ ...data, 'chapters/essay.md': essay('Essay', body) }, 'members');
    const pub = await compileFiles({ ...data, 'chapters/essay.md': essay('Essay', body) }, 'public');
    expect(mem.problems).toEqual([]);
    expect(pub.problems).toEqual([]);
    expect(mem.text.get('essay')).toMatch(/Share: \d[\d.,]*\s?% of cities\./);
    expect(pub.text.get('essay')).toMatch(/Share:\s+of cities\./);
  });
});
