import { asciiSlug } from '../validate/patterns.js';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Chapter, Edition } from '../../model/edition.js';
import type { PageSpec } from './layout.js';
import { factList } from '../render/chapter-header.js';

/**
 * A collection explorer that works without JavaScript: an overview of cards, and one static page
 * per value of each facet (theme, country, format…) listing exactly the items that have it.
 * Facet values are links on every card, and on the chapters themselves (see pages.ts).
 */
/** Text and elements, as hastscript takes children. */
export type Cell = (string | ElementContent)[];

export interface Facet {
  /** URL segment, e.g. "theme" gives case-studies/theme/<value>/. */
  readonly key: string;
  /** Heading of the facet's index, e.g. "By theme". */
  readonly label: string;
  /** Heading of a facet page, e.g. (v) => `Best practices on ${v}`. */
  readonly heading: (value: string) => string;
  readonly values: (c: Chapter) => readonly string[];
}

export interface Collection {
  /** Folder of the overview, e.g. "case-studies". */
  readonly base: string;
  readonly title: string;
  readonly intro: string;
  /** Kind label on the social card. */
  readonly kind: string;
  /** Name of the facet navigation, e.g. "Browse the best practices". */
  readonly browse: string;
  /** Heading over every card, e.g. "All 4 case studies". */
  readonly all: (count: number) => string;
  /** Link back to the overview from a facet page. */
  readonly breadcrumb: string;
  /** A facet page's description: how many items, and the page heading. */
  readonly facetDescription: (count: number, heading: string) => string;
  readonly items: readonly Chapter[];
  readonly facets: readonly Facet[];
  /** Card details under the title: a list of [label, text or links]. */
  readonly details: (c: Chapter, up: string) => [string, Cell][];
}

/** Lower-case ASCII words joined by dashes: "Circular economy" → "circular-economy", "Łódź" → "lodz". */
export function facetSlug(value: string): string {
  return asciiSlug(value) || 'other';
}

/** Path of a facet page below html/, from the site root. */
export const facetHref = (collection: string, facet: string, value: string) => `${collection}/${facet}/${facetSlug(value)}/`;

/** Links to the facet pages of a list of values. */
export function facetLinks(up: string, base: string, facet: string, values: readonly string[], label: (v: string) => string = (v) => v): Cell {
  return values.flatMap((v, i) => [...(i > 0 ? [', '] : []), h('a', { href: `${up}${facetHref(base, facet, v)}` }, label(v))]);
}

function card(c: Chapter, collection: Collection, up: string, headingLevel: 'h2' | 'h3'): ElementContent {
  const rows = collection.details(c, up);
  return h('li', { className: ['card'] }, [
    h('article', { ariaLabelledBy: `card-${c.slug}` }, [
      h(headingLevel, { className: ['card-title'], id: `card-${c.slug}` }, [h('a', { href: `${up}${c.slug}/` }, c.frontMatter.title)]),
      factList(rows, 'card-facts'),
      h('p', { className: ['card-summary'] }, c.frontMatter.summary),
    ]),
  ]);
}

function facetIndex(collection: Collection, facet: Facet, up: string, label: (v: string) => string): ElementContent[] {
  const counts = new Map<string, { value: string; n: number }>();
  for (const c of collection.items)
    for (const v of facet.values(c)) {
      const slug = facetSlug(v);
      counts.set(slug, { value: counts.get(slug)?.value ?? v, n: (counts.get(slug)?.n ?? 0) + 1 });
    }
  const sorted = [...counts.values()].sort((a, b) => (label(a.value) < label(b.value) ? -1 : label(a.value) > label(b.value) ? 1 : 0));
  return [
    h('li', [
      h('h2', { className: ['facet-title'], id: `by-${facet.key}` }, facet.label),
      h(
        'ul',
        { className: ['facet-list'], ariaLabelledBy: `by-${facet.key}` },
        sorted.map((s) => h('li', [h('a', { href: `${up}${facetHref(collection.base, facet.key, s.value)}` }, [label(s.value), ' ', h('span', { className: ['facet-count'] }, `(${s.n})`)])])),
      ),
    ]),
  ];
}

/** The overview and every facet page of a collection. */
export function collectionPages(edition: Edition, collection: Collection, label: (facet: string, v: string) => string = (_f, v) => v): PageSpec[] {
  const site = edition.config.title;
  const overviewUp = '../';
  const overview: PageSpec = {
    path: `${collection.base}/index.html`,
    title: `${collection.title} | ${site}`,
    description: collection.intro,
    canonical: `${collection.base}/`,
    current: collection.base,
    kind: collection.kind,
    cardTitle: collection.title,
    main: [
      h('h1', collection.title),
      h('p', { className: ['standfirst'] }, collection.intro),
      h('nav', { className: ['facets'], ariaLabel: collection.browse }, [
        h('ul', { className: ['facet-groups'] }, collection.facets.flatMap((f) => facetIndex(collection, f, overviewUp, (v) => label(f.key, v)))),
      ]),
      h('h2', { id: 'all-items' }, collection.all(collection.items.length)),
      h('ul', { className: ['cards'], ariaLabelledBy: 'all-items' }, collection.items.map((c) => card(c, collection, overviewUp, 'h3'))),
    ],
  };
  const pages: PageSpec[] = [overview];
  for (const facet of collection.facets) {
    const values = new Map<string, string>();
    for (const c of collection.items) for (const v of facet.values(c)) if (!values.has(facetSlug(v))) values.set(facetSlug(v), v);
    for (const [slug, value] of [...values].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const items = collection.items.filter((c) => facet.values(c).some((v) => facetSlug(v) === slug));
      const up = '../../../';
      const heading = facet.heading(label(facet.key, value));
      pages.push({
        path: `${collection.base}/${facet.key}/${slug}/index.html`,
        title: `${heading} | ${site}`,
        description: collection.facetDescription(items.length, heading),
        canonical: `${collection.base}/${facet.key}/${slug}/`,
        current: collection.base,
        kind: collection.kind,
        cardTitle: heading,
        cardOf: `${collection.base}/`,
        searchable: false,
        main: [
          h('p', { className: ['breadcrumb'] }, [h('a', { href: `${up}${collection.base}/` }, collection.breadcrumb)]),
          h('h1', heading),
          h('p', edition.locale.count('entriesOne', 'entriesOther', items.length)),
          h('ul', { className: ['cards'] }, items.map((c) => card(c, collection, up, 'h2'))),
        ],
      });
    }
  }
  return pages;
}
