import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../pdf/read-pdf.js';
import { pagefindText } from '../web/pagefind.js';
import { buildEdition, chapter, grepTree, readOutputTree, removeAll, tempDir, withEpubEntries, writeEdition, type Built } from './helpers.js';

/**
 * CANARY TEST. A unique marker sits in every place members-only content can carry text. The
 * public edition (HTML, PDF, CSVs, sitemap, everything in the output folder, and the PDF's text)
 * must contain none of them; the members edition must contain every one, so the markers are
 * known to be rendered somewhere when allowed.
 */
const canary = (n: number) => `Kanarie${String(n).padStart(2, '0')}x`;
const C = Array.from({ length: 32 }, (_, i) => canary(i));
/** Markers in every position Markdown honours a `:::members` fence. */
const P = Array.from({ length: 7 }, (_, i) => `Vogel${String(i).padStart(2, '0')}q`);

const membersChapter = chapter(
  `
title: Members essay ${C[1]}
kind: essay
summary: Members-only summary ${C[2]} for the overview and meta description.
audience: members
slug: kanarieslug${C[3]?.toLowerCase()}
authors:
  - name: Author ${C[4]}
    role: Role ${C[5]}
    organisation: Org ${C[6]}
`,
  `
## Heading ${C[7]}

Body text ${C[8]} with a note.[^n]

::chart[Caption ${C[9]}]{#fig-members-chapter question=Q05 alt="Alt text ${C[10]}"}

[^n]: Footnote ${C[11]}.
`,
);

const publicChapter = chapter(
  `
title: Public essay
kind: essay
summary: An ordinary public chapter with members-only passages.
`,
  `
## Open section

Public text. See [the members essay](members-essay.md) and [its heading](members-essay.md#heading-kanarie07x).

:::members
## Section heading ${C[12]}

Section body ${C[13]} with a note.[^s]

[^s]: Section footnote ${C[14]}.
:::

::chart[Caption ${C[15]}]{#fig-members-only question=Q06 audience=members alt="Alt text ${C[16]}"}

:::callout{audience=members title="Callout ${C[17]}"}
Callout body ${C[18]}.
:::

::chart[Public chart]{#fig-public question=Q05 alt="Bars of housing affordability."}

Public text continues.
:::members
After a paragraph ${P[0]}.
:::

- A list item.

  :::members
  In a list ${P[1]}.
  :::
- Tight item.
  :::members
  In a tight list ${P[2]}.
  :::

> A quote.
>
> :::members
> In a quote ${P[3]}.
> :::

::::callout{title="Open call-out"}
Open words.

:::members
In a call-out ${P[4]}.
:::
::::

::::members
Four colons ${P[5]}.
::::

Share :stat{question=Q01 option=2 audience=members} and [a reference link][m].

:::members
![Photo ${P[6]}][img]

[img]: images/kanarie.png

[A link to the hidden heading](#section-heading-${C[12]?.toLowerCase()}), [by reference][hidden].
:::

[m]: members-essay.md
[hidden]: public-essay.md#section-heading-${C[12]?.toLowerCase()}

Closing public text.
`,
);

const membersCase = chapter(
  `
title: Members case ${C[19]}
kind: case-study
summary: Members-only case study ${C[20]}.
audience: members
city: City ${C[21]}
country: FI
themes: [theme ${C[22]}]
partners: [Partner ${C[23]}]
metrics:
  - label: Metric ${C[24]}
    value: "many"
funding: Funding ${C[25]}
award:
  year: 2025
  category: Category ${C[26]}
  result: winner
`,
  `
## The challenge

Case body.
`,
);

const publicCase = (contactAudience: string, name: string) =>
  chapter(
    `
title: Public case ${name.slice(-4)}
kind: case-study
summary: A public case study whose contact is for members only.
city: Gdańsk
country: PL
themes: [democracy]
contact:
  name: Contact ${name}
  email: ${name.toLowerCase()}@example.org
${contactAudience}
`,
    '## The challenge\n\nCase body.\n',
  );

/** A public method whose members-only resources (contacts, templates, examples) carry a canary. */
const publicMethod = chapter(
  `
title: Study visit
kind: method
summary: A public method with members-only extras.
format: study visit
duration: 2 days
participants: 10–20
effort: medium
themes: [housing]
`,
  `
## How to

Plan the visit.

## Outcomes

Contacts.

## Pitfalls

Tourism.

:::members
## Resources for members

Contact ${C[30]} and template ${C[31]}.
:::
`,
);

const chapters = {
  'public-essay.md': publicChapter,
  'public-method.md': publicMethod,
  'members-essay.md': membersChapter,
  'members-case.md': membersCase,
  'case-default.md': publicCase('', C[27] as string),
  'case-members.md': publicCase('  audience: members', C[28] as string),
  'case-open.md': publicCase('  audience: public', 'Openly'),
};

/** A valid 1×1 PNG. */
function onePixelPng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
}

/** PDF text with line breaks and hyphenation undone, so a marker split across lines still matches. */
const joined = (pages: string[]) => pages.join('').replace(/-?\s+/g, '');

describe('members-only content: the canary', () => {
  let root: string;
  let publicOut: string;
  let membersOut: string;
  let pub: Built;
  let mem: Built;
  let publicFiles: Map<string, Buffer>;
  let membersFiles: Map<string, Buffer>;
  let publicPdf: string;
  let membersPdf: string;
  beforeAll(async () => {
    root = await writeEdition(chapters);
    await mkdir(path.join(root, 'chapters/images'), { recursive: true });
    await writeFile(path.join(root, 'chapters/images/kanarie.png'), onePixelPng());
    [publicOut, membersOut] = [await tempDir('public'), await tempDir('members')];
    pub = await buildEdition(root, publicOut, 'all', 'public');
    mem = await buildEdition(root, membersOut, 'all', 'members');
    // The EPUBs' entries are searched decompressed, like every other file.
    [publicFiles, membersFiles] = [withEpubEntries(await readOutputTree(publicOut)), withEpubEntries(await readOutputTree(membersOut))];
    const pdfOf = async (out: string, files: Map<string, Buffer>) => {
      const name = [...files.keys()].find((f) => f.startsWith('pdf/') && f.endsWith('.pdf'));
      return name ? joined(await pageTexts(path.join(out, name))) : '';
    };
    [publicPdf, membersPdf] = [await pdfOf(publicOut, publicFiles), await pdfOf(membersOut, membersFiles)];
  }, 180_000);
  afterAll(() => removeAll(root, publicOut, membersOut));

  it('both profiles build', () => {
    expect(pub.ok, pub.problems.join('\n')).toBe(true);
    expect(mem.ok, mem.problems.join('\n')).toBe(true);
    expect(publicPdf.length).toBeGreaterThan(200);
  });

  it('the public output folder holds no marker, in any file (pages, CSVs, sitemap, PDF bytes)', () => {
    const markers = C.slice(1, 29);
    for (const m of markers) expect(grepTree(publicFiles, m), m).toEqual([]);
    expect(grepTree(publicFiles, 'kanarieslug')).toEqual([]);
    expect(grepTree(publicFiles, 'fig-members')).toEqual([]);
  });

  it('the public search index holds no marker, decompressed; the members index holds them', () => {
    const pub = pagefindText(publicFiles).toLowerCase();
    const mem = pagefindText(membersFiles).toLowerCase();
    expect(pub).toContain('public essay');
    for (const m of C.slice(1, 29).map((c) => c.toLowerCase())) expect(pub, m).not.toContain(m);
    for (const i of [1, 8, 13, 18]) expect(mem, C[i]).toContain(C[i]?.toLowerCase());
  });

  it('a method’s members-only resources reach no public file, page, index or PDF, and every members one', () => {
    for (const m of [C[30], C[31]] as string[]) {
      expect(grepTree(publicFiles, m), m).toEqual([]);
      expect(pagefindText(publicFiles).toLowerCase(), m).not.toContain(m.toLowerCase());
      expect(publicPdf, m).not.toContain(m);
      expect(grepTree(membersFiles, m).some((hit) => hit.startsWith('html/public-method/index.html')), m).toBe(true);
      expect(pagefindText(membersFiles).toLowerCase(), m).toContain(m.toLowerCase());
      expect(membersPdf, m).toContain(m);
    }
    expect(publicFiles.get('html/methods/index.html')?.toString('utf8')).toContain('Study visit');
  });

  it('the EPUB: the public book holds no marker (its files are searched above) but the public text; the members book holds them', () => {
    const book = (files: Map<string, Buffer>) => [...files].filter(([n]) => n.includes('.epub!/EPUB/')).map(([, b]) => b.toString('utf8')).join('\n');
    const pub = book(publicFiles);
    const mem = book(membersFiles);
    expect(pub).toContain('Closing public text.');
    for (const m of [...C.slice(1, 29), ...P]) expect(pub, m).not.toContain(m);
    for (const i of [1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 30, 31]) expect(mem, C[i]).toContain(C[i]);
    for (const m of P.slice(0, 6)) expect(mem, m).toContain(m);
    expect(mem).toContain('Members only');
  });

  it('the public PDF’s text holds no marker', () => {
    for (const m of C.slice(1, 29)) expect(publicPdf, m).not.toContain(m);
  });

  it('members passages in every position: none in public (files and PDF text), all for members', () => {
    for (const m of P) {
      expect(grepTree(publicFiles, m), m).toEqual([]);
      expect(publicPdf, m).not.toContain(m);
      expect(grepTree(membersFiles, m), m).not.toEqual([]);
    }
    expect(grepTree(publicFiles, 'kanarie.png')).toEqual([]);
    // Six text markers reach the members PDF (the seventh is the image's alt text).
    for (const m of P.slice(0, 6)) expect(membersPdf, m).toContain(m);
  });

  it('the members edition shows every marker, so the canary can sing', () => {
    const html = [...membersFiles].filter(([n]) => n.endsWith('.html')).map(([, b]) => b.toString('utf8')).join('\n').toLowerCase();
    const pdf = membersPdf.toLowerCase();
    for (const m of C.slice(1, 29).map((c) => c.toLowerCase())) expect(html.includes(m) || pdf.includes(m), m).toBe(true);
    // Everything in the chapter body reaches the PDF too.
    for (const i of [1, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 21, 28]) expect(membersPdf, C[i]).toContain(C[i]);
  });

  it('the public edition has no page, TOC entry, navigation link, sitemap entry or CSV for members chapters', () => {
    const names = [...publicFiles.keys()];
    expect(names.filter((n) => /members-case|kanarieslug/.test(n))).toEqual([]);
    const index = publicFiles.get('html/index.html')?.toString('utf8') ?? '';
    expect(index).toContain('Public essay');
    expect(index).not.toContain('Members essay');
    const sitemap = publicFiles.get('html/sitemap.xml')?.toString('utf8') ?? '';
    expect(sitemap).toContain('public-essay/');
    expect(sitemap).not.toMatch(/members-case|kanarieslug/);
    const overview = publicFiles.get('html/case-studies/index.html')?.toString('utf8') ?? '';
    expect(overview).toContain('Public case');
    expect(overview).not.toContain('Members case');
    // One public chart, one CSV: the members-only chart has no figure, number or download.
    expect(names.filter((n) => n.endsWith('.csv') && !n.startsWith('html/data/'))).toEqual(['html/public-essay/figure-1-1.csv']);
    // The data package holds that one figure too, and no members-only one.
    expect(names.filter((n) => n.startsWith('html/data/figures/'))).toEqual(['html/data/figures/figure-1-1.csv']);
    expect(names.filter((n) => n.endsWith('.png') && !n.startsWith('html/cards/'))).toEqual(['html/public-essay/figure-1-1.png']);
  });

  it('unwraps links to members-only chapters into plain text in public, and keeps them for members', () => {
    const page = publicFiles.get('html/public-essay/index.html')?.toString('utf8') ?? '';
    expect(page).toContain('See the members essay and its heading.');
    expect(page).not.toMatch(/href="[^"]*kanarieslug/);
    // The reference-style link too: its words stay, its target goes.
    expect(page).toContain('and a reference link.');
    expect(page).not.toContain('members-essay');
    const members = membersFiles.get('html/public-essay/index.html')?.toString('utf8') ?? '';
    expect(members).toMatch(/<a href="\.\.\/kanarieslug[^"]*\/">the members essay<\/a>/);
  });

  it('shows a contact only when its audience is public (the default is members)', () => {
    expect(grepTree(publicFiles, 'Contact Openly')).not.toEqual([]);
    expect(grepTree(membersFiles, `Contact ${C[27]}`)).not.toEqual([]);
  });

  it('marks every members page and the members PDF as members-only', () => {
    const pages = [...membersFiles].filter(([n]) => n.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const [name, bytes] of pages) expect(bytes.toString('utf8'), name).toContain('Members only');
    for (const [name, bytes] of [...publicFiles].filter(([n]) => n.endsWith('.html'))) expect(bytes.toString('utf8'), name).not.toContain('Members only');
    expect(membersPdf).toContain(joined(['Members’ edition']));
    expect(publicPdf).not.toContain(joined(['Members’ edition']));
    // Members sections keep their class (and so their visible label) through the sanitizer.
    const members = membersFiles.get('html/public-essay/index.html')?.toString('utf8') ?? '';
    expect(members).toContain('<section class="members-only" aria-label="Members only">');
  });
});

describe('members-only content: errors and rebuilds', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await writeEdition({ 'public-essay.md': publicChapter, 'members-essay.md': membersChapter });
    out = await tempDir('rebuild');
  });
  afterAll(() => removeAll(root, out));

  it('a chapter switched to members disappears from the output on the next build', async () => {
    const file = path.join(root, 'chapters/members-essay.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('audience: members\n', ''));
    const first = await buildEdition(root, out, 'all');
    expect(first.ok, first.problems.join('\n')).toBe(true);
    const before = await readOutputTree(out);
    expect(grepTree(before, C[8] as string)).not.toEqual([]);
    await writeFile(file, original);
    const second = await buildEdition(root, out, 'all');
    expect(second.ok, second.problems.join('\n')).toBe(true);
    const after = await readOutputTree(out);
    for (const m of C.slice(1, 12)) expect(grepTree(after, m), m).toEqual([]);
    expect([...after.keys()].filter((n) => n.includes('kanarieslug'))).toEqual([]);
    const pdf = [...after.keys()].find((f) => f.endsWith('.pdf'));
    const text = joined(await pageTexts(path.join(out, pdf ?? 'missing.pdf')));
    for (const m of C.slice(1, 12)) expect(text, m).not.toContain(m);
  }, 120_000);

  it('an unknown audience in front matter or in a directive attribute is an error', async () => {
    const typo = await writeEdition({
      'a.md': chapter('title: A\nkind: essay\nsummary: S.\naudience: member', 'Text.'),
      'b.md': chapter('title: B\nkind: essay\nsummary: S.', `Text.\n\n::chart[C]{#fig-b question=Q05 audience=partners alt="Alt"}\n`),
    });
    const o = await tempDir('typo');
    try {
      const r = await buildEdition(typo, o, 'html');
      expect(r.ok, r.problems.join('\n')).toBe(false);
      expect(r.problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^chapters\/a\.md:5:11 error .* frontmatter-audience$/), expect.stringMatching(/^chapters\/b\.md:9:1 error .*partners.* directive-attribute$/)]),
      );
      expect(await readOutputTree(o)).toEqual(new Map());
    } finally {
      await removeAll(typo, o);
    }
  }, 60_000);

  it('a :ref to a members-only chart is an error in the public build (ref-unknown) and never shows its caption', async () => {
    const refRoot = await writeEdition({
      'a.md': chapter('title: A\nkind: essay\nsummary: S.', `As :ref{#fig-secret} shows.\n\n::chart[Secret ${C[29]}]{#fig-secret question=Q05 audience=members alt="Alt"}\n`),
    });
    const o = await tempDir('ref');
    try {
      const pub = await buildEdition(refRoot, o, 'html', 'public');
      expect(pub.ok).toBe(false);
      expect(pub.problems).toEqual([expect.stringMatching(/^chapters\/a\.md:7:4 error .*fig-secret.* ref-unknown$/)]);
      expect(pub.problems.join('\n')).not.toContain(C[29]);
      const mem = await buildEdition(refRoot, o, 'html', 'members');
      expect(mem.ok, mem.problems.join('\n')).toBe(true);
      expect((await readFile(path.join(o, 'html/a/index.html'), 'utf8'))).toMatch(/As <a href="#fig-secret">Figure\u00a01\.1<\/a> shows/);
    } finally {
      await removeAll(refRoot, o);
    }
  }, 60_000);
});
