import type { Quotes } from '../../locale/index.js';
import type { EditionConfig, FrontMatter } from '../../model/edition.js';
import { smartenText } from '../markdown/typography.js';

/** Titles and summaries get the same typographic quotes and dashes as the body text. */
export function smartenFrontMatter(fm: FrontMatter, quotes: Quotes): FrontMatter {
  const t = (text: string) => smartenText(text, quotes);
  return {
    ...fm,
    title: t(fm.title),
    summary: t(fm.summary),
    caseStudy: fm.caseStudy && { ...fm.caseStudy, metrics: fm.caseStudy.metrics.map((m) => ({ label: t(m.label), value: t(m.value) })) },
  };
}

/** The edition's texts that readers see (subtitle, description, back-cover blurb), typographically. */
export function smartenConfig(config: EditionConfig, quotes: Quotes): EditionConfig {
  return {
    ...config,
    subtitle: config.subtitle && smartenText(config.subtitle, quotes),
    description: smartenText(config.description, quotes),
    blurb: config.blurb && smartenText(config.blurb, quotes),
  };
}
