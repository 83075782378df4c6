import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { chapterLabel, type Chapter, type ChapterKind } from '../../model/edition.js';
import type { Target } from './figure.js';

export const kindLabels: Record<ChapterKind, string> = {
  foreword: 'Foreword',
  'executive-summary': 'Executive summary',
  essay: 'Voices from cities',
  'guest-essay': 'Guest essay',
  'case-study': 'Best practice',
  method: 'Knowledge-sharing method',
  methodology: 'Methodology',
  annex: 'Annex',
};

/** Title block of a chapter: kind, number and title, authors, standfirst, case-study facts. */
/** Web only: where a case study's themes and country link to (the best-practice explorer). */
export interface FacetLinks {
  readonly theme: (theme: string) => string;
  readonly country: (code: string) => string;
  /** A method's theme, format and effort pages. */
  readonly method?: { readonly theme: (v: string) => string; readonly format: (v: string) => string; readonly effort: (v: string) => string };
}

export function renderChapterHeader(chapter: Chapter, target: Target, language = 'en', links?: FacetLinks): Element[] {
  const fm = chapter.frontMatter;
  const label = chapterLabel(chapter);
  const meta: ElementContent[] = [];
  if (fm.authors.length > 0) {
    meta.push(
      h(
        'p',
        { className: ['authors'] },
        fm.authors.flatMap((a, i) => [
          ...(i > 0 ? ['; '] : []),
          h('span', { className: ['author-name'] }, a.name),
          ...(a.role || a.organisation ? [`, ${[a.role, a.organisation].filter(Boolean).join(', ')}`] : []),
        ]),
      ),
    );
  }
  if (target === 'web' && (fm.kind === 'essay' || fm.kind === 'guest-essay')) {
    meta.push(h('p', { className: ['reading-time'] }, `Reading time: ${chapter.readingMinutes} minute${chapter.readingMinutes === 1 ? '' : 's'}`));
  }
  const header = h('header', { className: ['chapter-header'] }, [
    h('p', { className: ['chapter-kind'] }, `${kindLabels[fm.kind]}`),
    h('h1', { id: target === 'web' ? 'top' : `${chapter.slug}--top` }, label === undefined ? [fm.title] : [h('span', { className: ['chapter-number'] }, label), ' ', fm.title]),
    h('p', { className: ['standfirst'] }, fm.summary),
    ...meta,
  ]);
  const out = [header];
  if (fm.caseStudy) out.push(caseFacts(chapter, language, links));
  if (fm.method) out.push(methodFacts(chapter, links?.method));
  return out;
}

function methodFacts(chapter: Chapter, links: FacetLinks['method']): Element {
  const m = chapter.frontMatter.method;
  if (!m) throw new Error('not a method');
  const link = (href: ((v: string) => string) | undefined, v: string): ElementContent | string => (href ? h('a', { href: href(v) }, v) : v);
  const rows: [string, ElementContent | string][] = [
    ['Format', link(links?.format, m.format)],
    ['Duration', m.duration],
    ['Participants', m.participants],
    ['Effort', link(links?.effort, m.effort)],
    ['Themes', h('span', m.themes.flatMap((t, i) => [...(i > 0 ? [', '] : []), link(links?.theme, t)]))],
  ];
  return h('aside', { className: ['case-facts', 'method-facts'], ariaLabel: 'Key facts' }, [h('dl', rows.flatMap(([k, v]) => [h('dt', k), h('dd', [v])]))]);
}

function caseFacts(chapter: Chapter, language: string, links: FacetLinks | undefined): Element {
  const cs = chapter.frontMatter.caseStudy;
  if (!cs) throw new Error('not a case study');
  const country = new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(cs.country) ?? cs.country;
  const rows: [string, ElementContent | string][] = [
    ['City', links ? h('span', [`${cs.city}, `, h('a', { href: links.country(cs.country) }, country)]) : `${cs.city}, ${country}`],
    ['Themes', links ? h('span', cs.themes.flatMap((t, i) => [...(i > 0 ? [', '] : []), h('a', { href: links.theme(t) }, t)])) : cs.themes.join(', ')],
  ];
  if (cs.period) rows.push(['Period', cs.period]);
  if (cs.partners.length) rows.push(['Partners', cs.partners.join(', ')]);
  if (cs.award) rows.push(['Eurocities Award', `${cs.award.year}, ${cs.award.category}: ${cs.award.result === 'winner' ? 'winner' : 'shortlisted'}`]);
  for (const m of cs.metrics) rows.push([m.label, m.value]);
  if (cs.funding) rows.push(['Funding', cs.funding]);
  if (cs.contact) {
    const contact: (ElementContent | string)[] = [cs.contact.name];
    if (cs.contact.email) contact.push(', ', h('a', { href: `mailto:${cs.contact.email}` }, cs.contact.email));
    if (cs.contact.audience === 'members') contact.push(' ', h('span', { className: ['members-badge'] }, '(members only)'));
    rows.push(['Contact', h('span', contact)]);
  }
  return h('aside', { className: ['case-facts'], ariaLabel: 'Key facts' }, [
    h('dl', rows.flatMap(([k, v]) => [h('dt', k), h('dd', [v])])),
  ]);
}
