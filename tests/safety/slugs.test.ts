import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { emitHtml } from '../../pipeline/stages/emit-html/index.js';
import { minimalEditionYaml, toSources } from '../helpers/edition-fixture.js';

/**
 * A chapter's slug is its folder in the web edition. A slug that names a page the pipeline
 * generates (case-studies/, sitemap.xml, assets/…) would be silently replaced by it, and one
 * with dots, slashes or percent signs makes paths outside the pattern the site relies on. Both are
 * refused at their position: the `slug:` key, or the chapters entry for a file-name slug.
 */
const caseStudy = (slug?: string) =>
  `---\ntitle: Ghent circular\nkind: case-study\nsummary: A case study.\ncity: Ghent\ncountry: BE\nthemes: [circular economy]\n${slug === undefined ? '' : `slug: ${slug}\n`}---\n\n## What\n\nText.\n`;
const essay = (slug?: string) => `---\ntitle: Essay\nkind: essay\nsummary: An essay.\n${slug === undefined ? '' : `slug: ${slug}\n`}---\n\n## First\n\nText.\n`;

async function problems(chapters: Record<string, string>): Promise<string[]> {
  const yaml = minimalEditionYaml.replace(/^chapters:[\s\S]*$/m, '') + `chapters:\n${Object.keys(chapters).map((c) => `  - ${JSON.stringify(c)}`).join('\n')}\n`;
  const files = new Map<string, string>([['edition.yaml', yaml], ...Object.entries(chapters).map(([n, t]) => [`chapters/${n}`, t] as [string, string])]);
  const result = await compileEdition(toSources(files), { profile: 'public', buildDate: new Date(0), drawCharts: false });
  return collectProblems(result.files).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);
}

// The fence is line 1: an essay’s `slug:` (after title, kind, summary) is on line 5.
const essaySlugLine = 5;

const reserved = ['case-studies', 'pdf', 'epub', 'assets', 'media', 'data', 'pagefind', 'index', '404', 'methods', 'search', 'members', 'accessibility'];

describe('slugs', () => {
  it.each(reserved)('refuses the reserved front-matter slug %s at its key', async (slug) => {
    const got = await problems({ 'essay.md': essay(slug), 'ghent.md': caseStudy() });
    expect(got).toEqual([`chapters/essay.md:${essaySlugLine}:1 error slug-reserved`]);
  });

  it('refuses slugs with dots, slashes, percent signs or capitals at the `slug:` key', async () => {
    for (const slug of ['sitemap.xml', '"../up"', '"%2Fevil.example"', 'Housing', 'a_b', '"-x"', '"a--b"']) {
      const got = await problems({ 'essay.md': essay(slug) });
      expect(got, slug).toEqual([`chapters/essay.md:${essaySlugLine}:1 error ${slug === 'sitemap.xml' ? 'slug-reserved' : 'slug-invalid'}`]);
    }
  });

  it('refuses file-name slugs at the chapters entry of edition.yaml', async () => {
    const cases: [string, string][] = [
      ['case-studies.md', 'slug-reserved'],
      ['assets.md', 'slug-reserved'],
      ['index.md', 'slug-reserved'],
      ['sitemap.xml.md', 'slug-reserved'],
      ['%2Fevil.example.md', 'slug-invalid'],
      ['Housing.md', 'slug-invalid'],
      ['notes.v2.md', 'slug-invalid'],
      ['a b.md', 'slug-invalid'],
    ];
    for (const [name, rule] of cases) {
      const got = await problems({ 'first.md': essay(), [name]: essay() });
      // minimalEditionYaml's chapters list starts on line 9: the second entry is on line 10.
      expect(got, name).toEqual([`edition.yaml:10:5 error ${rule}`]);
    }
  });

  it('lets a front-matter slug rescue an awkward file name', async () => {
    expect(await problems({ 'Case Studies.md': essay('case-studies-overview') })).toEqual([]);
    expect(await problems({ 'index.md': essay('introduction') })).toEqual([]);
  });

  it('reserves every top-level name the HTML emitter generates', async () => {
    // A valid edition with every kind of generated page, emitted for real.
    const yaml = minimalEditionYaml.replace(/^chapters:[\s\S]*$/m, '') + 'chapters:\n  - essay.md\n  - ghent.md\n';
    const files = new Map<string, string>([
      ['edition.yaml', yaml],
      ['chapters/essay.md', essay()],
      ['chapters/ghent.md', caseStudy()],
      ['chapters/photo.png', 'png'],
    ]);
    const compiled = await compileEdition(toSources(files), { profile: 'public', buildDate: new Date(0), drawCharts: false });
    expect(compiled.edition).toBeDefined();
    const edition = compiled.edition!;
    const out = emitHtml(edition, { css: '', fonts: [{ name: 'f.woff2', bytes: new Uint8Array(1) }], pdf: { name: 'edition.pdf', bytes: new Uint8Array(1) } });
    const chapterSlugs = new Set(edition.chapters.filter((c) => !c.sourcePath.startsWith('generated/')).map((c) => c.slug));
    const generated = new Set(out.map((f) => f.path.split('/')[0]!).filter((top) => !chapterSlugs.has(top)));
    expect(generated.size).toBeGreaterThan(3);
    for (const top of generated) {
      // A name with a dot can never be a slug; every other generated name must be reserved.
      if (top.includes('.') && top !== 'sitemap.xml') continue;
      const got = await problems({ 'essay.md': essay(top) });
      expect(got, top).toEqual([`chapters/essay.md:${essaySlugLine}:1 error slug-reserved`]);
    }
  });
});
