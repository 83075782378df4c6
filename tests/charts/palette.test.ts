/**
 * The house palette under simulated colour-vision deficiencies (Machado et al. 2009): colours
 * drawn together in one chart stay clearly apart (CIEDE2000 ≥ 10; 2.3 is a just-noticeable
 * difference), every data colour has ≥ 3:1 contrast on white (WCAG 1.4.11) and every value label
 * ≥ 4.5:1 on the fill it sits on (WCAG 1.4.3).
 */
import { describe, expect, it } from 'vitest';
import { contrast } from '../../pipeline/stages/charts/colour.js';
import * as theme from '../../pipeline/stages/charts/theme.js';
import { deltaE2000, lab, linear, machado, simulate } from './cvd.js';

const groups: Record<string, readonly string[]> = {
  'categorical + muted': [...theme.categorical, theme.missingColour],
  'diverging + muted': [...theme.diverging5, theme.missingColour],
  dumbbell: [theme.earlier, theme.primary],
};
const visions = [['typical vision', undefined], ...Object.entries(machado)] as const;

describe('palette', () => {
  it('CIEDE2000 reproduces Sharma et al.’s test pair', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
  });

  for (const [group, colours] of Object.entries(groups)) {
    for (const [vision, matrix] of visions) {
      it(`${group} stays distinguishable with ${vision}`, () => {
        const seen = colours.map((c) => lab(matrix ? simulate(linear(c), matrix) : linear(c)));
        for (let i = 0; i < seen.length; i++) {
          for (let j = i + 1; j < seen.length; j++) {
            expect(deltaE2000(seen[i]!, seen[j]!), `${colours[i]} vs ${colours[j]}`).toBeGreaterThanOrEqual(10);
          }
        }
      });
    }
  }

  it.each(theme.dataColours)('%s has at least 3:1 contrast against white', (c) => {
    expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it.each(theme.dataColours)('value labels on %s reach 4.5:1', (c) => {
    expect(contrast(theme.textOn(c), c)).toBeGreaterThanOrEqual(4.5);
  });

  it('text colours reach 4.5:1 on white and on the tile background', () => {
    for (const t of [theme.ink, theme.inkMuted]) expect(contrast(t, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.primary, '#eef3f9')).toBeGreaterThanOrEqual(4.5);
  });
});
