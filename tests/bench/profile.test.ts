import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../bench/profile.js';

// Lines as `monitor build --verbose` prints them (a cold 1× build of the sample edition).
const log = [
  '  chapters (24)    441 ms',
  '  render (24)      438 ms',
  'pdf: browser ready in 68 ms',
  'pdf: pass 1 (measure, in columns): 74 pages, load 407 ms, layout 67 ms; 145 headings, 38 reference target(s), 3 word(s) hyphenated across a page turn, 3 set whole',
  'pdf: pass 2 (tagged): 85 pages, build 30 ms, load 417 ms, pdf() 589 ms, outline 108 ms',
  'pdf: text layer: 7417 soft hyphens removed inside lines, 258 line-end hyphens marked, 145 ms',
  'pdf: 151 link box(es) joined to the one before; objects numbered, saved in 170 ms',
  'pdf: read back 86 pages (poppler), 247 ms',
  '  pdf              2.67 s',
  '  total            4.89 s',
].join('\n');

describe('the profile of a build, read from its log', () => {
  const profile = parseProfile(log, 5056);

  it('splits the PDF stage into its steps, the measuring pass in columns included', () => {
    expect(profile.get('pdf pass 1 (in columns): load in Chromium')).toBe(407);
    expect(profile.get('pdf pass 1 (in columns): layout and read')).toBe(67);
    expect(profile.get('pdf pass 2 (tagged): page.pdf()')).toBe(589);
    expect(profile.get('pdf: text layer')).toBe(145);
    expect(profile.get('pdf: save')).toBe(170);
    expect(profile.get('pdf: read back and check')).toBe(247);
  });

  it('gives the rest of the PDF stage and the time outside the stages', () => {
    const steps = 68 + 407 + 67 + 30 + 417 + 589 + 108 + 145 + 170 + 247;
    expect(profile.get('pdf: other (fonts, layout planning, outline fixes, close)')).toBe(2670 - steps);
    expect(profile.get('start-up and exit (outside the stages)')).toBe(5056 - 4890);
    expect(profile.get('stage chapters')).toBe(441);
  });
});
