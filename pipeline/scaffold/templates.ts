/** Kinds that `monitor new` can create, in the order they appear in an edition. */
export const scaffoldKinds = ['essay', 'guest-essay', 'case-study', 'method'] as const;
export type ScaffoldKind = (typeof scaffoldKinds)[number];

/**
 * A new chapter: valid front matter (so check and preview work at once) whose every value is
 * marked with a "✎" comment saying what to write, and the section skeleton of its kind.
 */
export function chapterTemplate(kind: ScaffoldKind, slug: string): string {
  const head = [
    '---',
    '# ✎ Replace every value marked ✎, then delete these ✎ comments. All fields: docs/authoring.md#front-matter',
    `title: "${titleFromSlug(slug)}" # ✎ the chapter title, as readers will see it`,
    `kind: ${kind}`,
    'summary: >- # ✎ one or two sentences: shown in the contents, overviews and search results',
    `  ${summaryPlaceholder[kind]}`,
  ];
  const authors = [
    'authors: # ✎ one entry per author; delete role or organisation if not needed',
    '  - name: Firstname Lastname # ✎',
    `    role: ${kind === 'guest-essay' ? 'Position of the guest author' : 'Policy adviser'} # ✎`,
    `    organisation: ${kind === 'guest-essay' ? 'Organisation of the guest author' : 'Eurocities'} # ✎`,
  ];
  const caseStudy = [
    'city: City name # ✎ as written locally, e.g. Łódź',
    'country: BE # ✎ two-letter ISO 3166-1 code in capitals, e.g. PL',
    'themes: [theme] # ✎ e.g. [housing, climate]',
    'period: 2024–2026 # ✎ when the practice ran; delete if not known',
    'partners: # ✎ partner organisations; delete if none',
    '  - Partner organisation',
    'contact: # ✎ shown to members only',
    '  name: Contact person',
    '  email: contact@example.org',
    '  audience: members',
  ];
  const method = [
    'format: webinar # ✎ webinar, study visit, peer review, mentoring, community of practice, working group, or another format',
    'duration: 60–90 minutes # ✎ how long it takes, preparation included',
    'participants: 20–100 # ✎ who takes part and how many',
    'effort: low # ✎ low, medium or high',
    'themes: [theme] # ✎ e.g. [housing, climate]',
  ];
  const fields = kind === 'case-study' ? [...head, ...caseStudy] : kind === 'method' ? [...head, ...method] : [...head, ...authors];
  return [...fields, '---', '', ...bodies[kind], ''].join('\n');
}

const summaryPlaceholder: Record<ScaffoldKind, string> = {
  essay: 'What this essay finds and argues, in one or two sentences.',
  'guest-essay': 'Who the guest author is and what they argue, in one or two sentences.',
  'case-study': 'What the city did and what it achieved, in one or two sentences.',
  method: 'What the method is and what it is good for, in one or two sentences.',
};

const chartHint =
  '<!-- ✎ A chart from the survey: ::chart[Caption]{#fig-id question=Q05 alt="What the chart shows"} (docs/authoring.md#survey-numbers-and-charts) -->';

const bodies: Record<ScaffoldKind, readonly string[]> = {
  essay: [
    '<!-- ✎ An essay: what the survey shows, why it matters, what cities do, what they ask of the EU. -->',
    '',
    '## What the survey shows',
    '',
    '✎ The main finding, with numbers printed from the data, e.g. :stat{question=Q05 option=3}.',
    '',
    chartHint,
    '',
    '## Why it matters for cities',
    '',
    '✎ Context and causes.',
    '',
    '## What cities are doing',
    '',
    '✎ Examples; link to case studies by file name, e.g. [Pau](case-pau-food.md).',
    '',
    '## What cities ask of the EU',
    '',
    '✎ Recommendations.',
  ],
  'guest-essay': [
    '<!-- ✎ A guest essay: the author’s own argument. Raw HTML is sanitized; quotes are never invented for named people. -->',
    '',
    '## The argument',
    '',
    '✎ The guest author’s main point.',
    '',
    '## What the survey suggests',
    '',
    '✎ How the Pulse results bear on it.',
    '',
    chartHint,
    '',
    '## Recommendations',
    '',
    '✎ What the author proposes.',
  ],
  'case-study': [
    '## The challenge',
    '',
    '✎ The problem the city faced, and for whom.',
    '',
    '## The solution',
    '',
    '✎ What the city did, with whom, and how it was funded.',
    '',
    '## Impact',
    '',
    '✎ What changed; give numbers and their source.',
    '',
    '## Lessons and pitfalls',
    '',
    '✎ What worked, what did not, and what the city would do differently.',
    '',
    '## Transferability',
    '',
    '✎ What another city needs to do the same.',
  ],
  method: [
    '## How to',
    '',
    '✎ The steps, from preparation to follow-up.',
    '',
    '## Outcomes',
    '',
    '✎ What participants and cities get out of it.',
    '',
    '## Pitfalls',
    '',
    '✎ What goes wrong, and how to avoid it.',
    '',
    ':::members',
    '## Resources for members',
    '',
    '✎ Contacts, templates and examples: members only, never in the public edition.',
    ':::',
  ],
};

function titleFromSlug(slug: string): string {
  const words = slug.replace(/^(case|guest|method)-/, '').split('-').join(' ');
  return `✎ ${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
