import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Locale } from '../../locale/index.js';
import { chapterLabel, type Chapter } from '../../model/edition.js';
import { kindLabel } from '../markdown/labels.js';
import type { Target } from './figure.js';

/** Title block of a chapter: kind, number and title, authors, standfirst, case-study facts. */
/** Web only: where a case study's themes and country link to (the best-practice explorer). */
export interface FacetLinks {
  readonly theme: (theme: string) => string;
  readonly country: (code: string) => string;
  /** A method's theme, format and effort pages. */
  readonly method?: { readonly theme: (v: string) => string; readonly format: (v: string) => string; readonly effort: (v: string) => string };
}

export function renderChapterHeader(chapter: Chapter, target: Target, locale: Locale, links?: FacetLinks): Element[] {
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
    meta.push(h('p', { className: ['reading-time'] }, locale.count('readingTimeOne', 'readingTimeOther', chapter.readingMinutes)));
  }
  const header = h('header', { className: ['chapter-header'] }, [
    h('p', { className: ['chapter-kind'] }, kindLabel(locale, fm.kind)),
    h('h1', { id: target === 'web' ? 'top' : `${chapter.slug}--top` }, label === undefined ? [fm.title] : [h('span', { className: ['chapter-number'] }, label), ' ', fm.title]),
    h('p', { className: ['standfirst'] }, fm.summary),
    ...meta,
  ]);
  const out = [header];
  if (fm.caseStudy) out.push(caseFacts(chapter, locale, links));
  if (fm.method) out.push(methodFacts(chapter, locale, links?.method));
  return out;
}

function methodFacts(chapter: Chapter, locale: Locale, links: FacetLinks['method']): Element {
  const m = chapter.frontMatter.method;
  if (!m) throw new Error('not a method');
  const link = (href: ((v: string) => string) | undefined, v: string): ElementContent | string => (href ? h('a', { href: href(v) }, v) : v);
  const rows: [string, ElementContent | string][] = [
    [locale.t('fact.format'), link(links?.format, m.format)],
    [locale.t('fact.duration'), m.duration],
    [locale.t('fact.participants'), m.participants],
    [locale.t('fact.effort'), links?.effort ? h('a', { href: links.effort(m.effort) }, locale.t(`effort.${m.effort}`)) : locale.t(`effort.${m.effort}`)],
    [locale.t('fact.themes'), h('span', m.themes.flatMap((t, i) => [...(i > 0 ? [', '] : []), link(links?.theme, t)]))],
  ];
  return h('aside', { className: ['case-facts', 'method-facts'], ariaLabel: locale.t('keyFacts') }, [factList(rows)]);
}

/**
 * Terms and their values as a `<dl>`, with a space after each term and each value. The styles lay
 * them out in a grid, where the spaces do not show; text read from the page (the search index,
 * a screen reader's browse mode, a copy) reads "City Bilbao, Spain", not "CityBilbao, Spain".
 */
export function factList(rows: readonly (readonly [string, ElementContent | string | (ElementContent | string)[]])[], className?: string): Element {
  return h('dl', className === undefined ? {} : { className: [className] }, rows.flatMap(([k, v]) => [h('dt', k), ' ', h('dd', v), ' ']));
}

function caseFacts(chapter: Chapter, locale: Locale, links: FacetLinks | undefined): Element {
  const cs = chapter.frontMatter.caseStudy;
  if (!cs) throw new Error('not a case study');
  const country = locale.countryName(cs.country);
  const rows: [string, ElementContent | string][] = [
    [locale.t('fact.city'), links ? h('span', [`${cs.city}, `, h('a', { href: links.country(cs.country) }, country)]) : `${cs.city}, ${country}`],
    [locale.t('fact.themes'), links ? h('span', cs.themes.flatMap((t, i) => [...(i > 0 ? [', '] : []), h('a', { href: links.theme(t) }, t)])) : cs.themes.join(', ')],
  ];
  if (cs.period) rows.push([locale.t('fact.period'), cs.period]);
  if (cs.partners.length) rows.push([locale.t('fact.partners'), cs.partners.join(', ')]);
  if (cs.award) rows.push([locale.t('fact.award'), locale.t('awardLine', { year: String(cs.award.year), category: cs.award.category, result: locale.t(`award.${cs.award.result}`) })]);
  for (const m of cs.metrics) rows.push([m.label, m.value]);
  if (cs.funding) rows.push([locale.t('fact.funding'), cs.funding]);
  if (cs.contact) {
    const contact: (ElementContent | string)[] = [cs.contact.name];
    if (cs.contact.email) contact.push(', ', h('a', { href: `mailto:${cs.contact.email}` }, cs.contact.email));
    if (cs.contact.audience === 'members') contact.push(' ', h('span', { className: ['members-badge'] }, locale.t('membersOnlyBadge')));
    rows.push([locale.t('fact.contact'), h('span', contact)]);
  }
  return h('aside', { className: ['case-facts'], ariaLabel: locale.t('keyFacts') }, [factList(rows)]);
}
