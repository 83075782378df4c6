/**
 * Where the responding cities are: a proportional symbol (area ∝ population) for each city that
 * agreed to be named, on a Europe frame (azimuthal equal-area, centred on 10°E 52°N, fitted to a
 * lon/lat box and clipped, so overseas territories do not shrink Europe). A dot at a city's place
 * identifies it as surely as a label, so cities that asked to stay anonymous are not drawn: they
 * are counted per country in the data table and in a note.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Survey, SurveyBundle } from '../../model/survey.js';
import type { DataTable, TableCell } from '../../model/figure.js';
import { minCountryCount } from '../survey/disclosure.js';
import { toCsv } from './csv.js';
import { sourceNote } from './source-note.js';
import { border, land, paper, primary, themeConfig, width } from './theme.js';
import { planVersion, type ChartPlan, type ChartRequest, type Frame } from './types.js';

/** The smallest frame: continental Europe. Respondents outside it widen it. */
const coreFrame: Frame = { west: -10, east: 30, south: 36, north: 61 };
const margin = 2;


export function planMap(request: ChartRequest, survey: Survey, bundle: SurveyBundle, locale: Locale, chartWidth = width): ChartPlan {
  const plotWidth = chartWidth - 8;
  const height = Math.round((540 * chartWidth) / width);
  const points: { lon: number; lat: number; population: number }[] = [];
  let anonymous = 0;
  const perCountry = new Map<string, { count: number; named: string[] }>();
  survey.data.cityCodes.forEach((code, row) => {
    const city = bundle.citiesByCode.get(code);
    if (!city) return;
    if (survey.data.consent[row] === 1) points.push({ lon: round(city.lon), lat: round(city.lat), population: city.population ?? 0 });
    else anonymous += 1;
    const entry = perCountry.get(city.country) ?? { count: 0, named: [] };
    entry.count += 1;
    if (survey.data.consent[row] === 1) entry.named.push(city.name);
    perCountry.set(city.country, entry);
  });
  // Largest first, so smaller circles are drawn on top of larger ones; stable otherwise and
  // independent of the CSV order.
  points.sort((a, b) => b.population - a.population || a.lon - b.lon || a.lat - b.lat);
  const sized = points.filter((p) => p.population > 0);
  const unsized = points.filter((p) => p.population <= 0);
  const maxPopulation = Math.max(0, ...sized.map((p) => p.population));
  const legendValues = legendSizes(maxPopulation);
  const position = { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' } };
  const circle = { type: 'circle', fill: primary, opacity: 0.9, stroke: paper, strokeWidth: 0.75 };

  const frame = frameFor(points);
  const spec = {
    width: plotWidth,
    height,
    projection: {
      type: 'azimuthalEqualArea',
      rotate: [-10, -52, 0],
      fit: { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: frameOutline(frame) } },
      clipExtent: [
        [0, 0],
        [plotWidth, height],
      ],
    },
    layer: [
      { data: { name: 'basemap' }, mark: { type: 'geoshape', fill: land, stroke: border, strokeWidth: 0.5 } },
      // Cities without a population figure: one small fixed circle, outside the size legend.
      ...(unsized.length > 0 ? [{ data: { values: unsized }, mark: { ...circle, size: 30 }, encoding: position }] : []),
      ...(sized.length > 0
        ? [{
            data: { values: sized },
            mark: circle,
            encoding: {
              ...position,
              size: {
                field: 'population',
                type: 'quantitative',
                // Area ∝ population from zero, so the legend's circles are true to scale.
                scale: { type: 'sqrt', domain: [0, maxPopulation], range: [0, 520] },
                legend: {
                  title: locale.t('population'),
                  values: legendValues,
                  format: '.2~s',
                  symbolType: 'circle',
                  symbolFillColor: primary,
                  symbolStrokeColor: paper,
                  symbolOpacity: 0.9,
                  direction: 'horizontal',
                },
              },
            },
          }]
        : []),
    ],
    config: { ...themeConfig(), view: { stroke: null } },
  } as unknown as TopLevelSpec;

  const countries = [...perCountry.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Countries with fewer than k responding cities share one row, so no count singles a city out.
  const large = countries.filter(([, e]) => e.count >= minCountryCount);
  const small = countries.filter(([, e]) => e.count < minCountryCount);
  const smallCount = small.reduce((s, [, e]) => s + e.count, 0);
  const table: DataTable = {
    columns: [
      { key: 'country', label: locale.t('country') },
      { key: 'cities', label: locale.t('respondingCities'), numeric: true },
      { key: 'named', label: locale.t('namedCities') },
    ],
    rows: [
      ...large.map(([country, e]): TableCell[] => [locale.countryName(country), e.count, [...e.named].sort(locale.compare).join('; ')]),
      ...(small.length > 0
        ? [[locale.t('otherCountries', { list: small.map(([c]) => locale.countryName(c)).join(', '), k: minCountryCount }), smallCount, small.flatMap(([, e]) => e.named).sort(locale.compare).join('; ')] as TableCell[]]
        : []),
    ],
    notes: [
      locale.t('mapNamedNote'),
      ...(small.length > 0 ? [locale.t('mapSmallNote', { k: minCountryCount })] : []),
    ],
  };
  return {
    version: planVersion,
    kind: 'map',
    domId: request.domId,
    alt: request.alt,
    // Without population figures no circle is sized, and the description says so.
    summary: locale.t(sized.length > 0 ? 'summary.map' : 'summary.mapPlain', { n: points.length }),
    spec,
    narrowSpec: null,
    basemap: frame,
    table,
    csv: toCsv(table),
    sourceNote: sourceNote({ survey, question: undefined, n: survey.respondents, base: 'respondents', locale, extra: [locale.t('mapSource')] }),
    notes: anonymous > 0 ? [locale.count('mapAnonymousOne', 'mapAnonymousOther', anonymous)] : [],
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Three real circle sizes for the legend: round numbers (one significant digit) near the largest
 * population, near an eighth of it and between the two. Never zero.
 */
export function legendSizes(max: number): number[] {
  if (!(max > 0)) return [];
  const round1sig = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v));
    return Math.max(p, Math.floor(v / p) * p);
  };
  const big = round1sig(max);
  const small = round1sig(max / 8);
  const mid = round1sig(Math.sqrt(big * small));
  return [...new Set([small, mid, big])].filter((v) => v > 0);
}

/** The box around the mapped cities (so the map is cropped to them), or continental Europe. */
function frameFor(points: readonly { lon: number; lat: number }[]): Frame {
  if (points.length === 0) return coreFrame;
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  for (const p of points) {
    west = Math.min(west, p.lon - margin);
    east = Math.max(east, p.lon + margin);
    south = Math.min(south, p.lat - margin);
    north = Math.max(north, p.lat + margin);
  }
  return { west, east, south, north };
}

/** Points along the box edges: parallels curve in this projection, so corners alone cut them off. */
function frameOutline(f: Frame): [number, number][] {
  const out: [number, number][] = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const lon = f.west + ((f.east - f.west) * i) / steps;
    out.push([lon, f.south], [lon, f.north]);
  }
  for (let i = 1; i < steps; i++) {
    const lat = f.south + ((f.north - f.south) * i) / steps;
    out.push([f.west, lat], [f.east, lat]);
  }
  return out;
}
