import type { FrontMatter } from '../../model/edition.js';
import type { Audience } from '../../model/figure.js';

/** Members-only front-matter fields (such as a case study's contact) leave the public model here. */
export function forProfile(fm: FrontMatter, profile: Audience): FrontMatter {
  if (profile === 'members' || !fm.caseStudy?.contact || fm.caseStudy.contact.audience === 'public') return fm;
  return { ...fm, caseStudy: { ...fm.caseStudy, contact: undefined } };
}
