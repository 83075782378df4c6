/**
 * The survey at a glance: headline number tiles (responding cities, countries, response rate),
 * drawn as SVG text so they print sharply and read as text.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Survey } from '../../model/survey.js';
import type { DataTable } from '../../model/figure.js';
import { toCsv } from './csv.js';
import { decimal, percent } from './format.js';
import { displayPercent, roundHalfUp } from '../survey/rounding.js';
import { sourceNote } from './source-note.js';
import { font, ink, primary, sizes, themeConfig, width } from './theme.js';
import { planVersion, type ChartPlan, type ChartRequest } from './types.js';

const tileFill = '#eef3f9'; // primary on this is 9.5:1, ink 16:1
const height = 120;

export function planTiles(request: ChartRequest, survey: Survey, locale: Locale, chartWidth = width): ChartPlan {
  const tiles: { label: string; value: number; text: string; rate?: true }[] = [
    { label: locale.t('respondingCities'), value: survey.respondents, text: decimal(survey.respondents, locale, 0) },
    { label: locale.t('countries'), value: survey.countries, text: decimal(survey.countries, locale, 0) },
  ];
  const notes: string[] = [];
  if (survey.populationSize !== undefined && survey.populationSize > 0) {
    // Exact, rounded once for display (the same rule as :stat value=response-rate).
    const rate = (100 * survey.respondents) / survey.populationSize;
    tiles.push({ label: locale.t('responseRate'), value: rate, text: percent(rate, locale), rate: true });
    notes.push(locale.t('responseRateNote', { n: survey.respondents, total: survey.populationSize }));
  }
  const values = tiles.map((t, i) => ({ ...t, i }));
  const gap = 12;
  const plotWidth = chartWidth - 8;
  const tileWidth = (plotWidth - gap * (tiles.length - 1)) / tiles.length;
  const x = { field: 'i', type: 'ordinal', axis: null, scale: { paddingInner: gap / (tileWidth + gap), paddingOuter: 0 } };
  const spec = {
    width: plotWidth,
    height,
    data: { values },
    encoding: { x },
    layer: [
      { mark: { type: 'bar', fill: tileFill, cornerRadius: 4, height }, encoding: { y: { value: height / 2 } } },
      {
        mark: { type: 'text', font, fontSize: sizes.tileNumber, fontWeight: 700, fill: primary, baseline: 'alphabetic' },
        encoding: { text: { field: 'text' }, y: { value: 62 } },
      },
      {
        mark: { type: 'text', font, fontSize: sizes.tileLabel, fill: ink, baseline: 'alphabetic' },
        encoding: { text: { field: 'label' }, y: { value: 92 } },
      },
    ],
    config: themeConfig(),
  } as unknown as TopLevelSpec;

  const table: DataTable = {
    columns: [
      { key: 'measure', label: locale.t('measure') },
      { key: 'value', label: locale.t('value'), numeric: true },
    ],
    rows: tiles.map((t) => [t.rate ? locale.t('responseRatePct') : t.label, t.rate ? displayPercent(t.value) : t.value]),
    notes: [],
  };
  // The download keeps the rate to one decimal and says so.
  const csvRows = tiles.map((t) => (t.rate ? [locale.t('responseRateCsv'), roundHalfUp(t.value, 1)] : [t.label, t.value]));
  return {
    version: planVersion,
    kind: 'tiles',
    domId: request.domId,
    alt: request.alt,
    summary: locale.t('summary.tiles', { list: tiles.map((t) => `${t.label}: ${t.text}`).join(', ') }),
    spec,
    narrowSpec: null,
    basemap: null,
    table,
    csv: toCsv({ ...table, rows: csvRows }),
    sourceNote: sourceNote({ survey, question: undefined, n: survey.respondents, base: 'respondents', locale }),
    notes,
  };
}
