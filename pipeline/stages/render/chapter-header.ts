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
  methodology: 'Methodology',
  annex: 'Annex',
};

/** Title block of a chapter: kind, number and title, authors, standfirst, case-study facts. */
export function renderChapterHeader(chapter: Chapter, target: Target, language = 'en'): Element[] {
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
  if (fm.caseStudy) out.push(caseFacts(chapter, language));
  return out;
}

function caseFacts(chapter: Chapter, language: string): Element {
  const cs = chapter.frontMatter.caseStudy;
  if (!cs) throw new Error('not a case study');
  const country = new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(cs.country) ?? cs.country;
  const rows: [string, ElementContent | string][] = [
    ['City', `${cs.city}, ${country}`],
    ['Themes', cs.themes.join(', ')],
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
