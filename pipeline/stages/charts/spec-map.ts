/**
 * Where the responding cities are: a proportional symbol (area ∝ population) for each city that
 * agreed to be named, on a Europe frame (azimuthal equal-area, centred on 10°E 52°N, fitted to a
 * lon/lat box and clipped, so overseas territories do not shrink Europe). A dot at a city's place
 * identifies it as surely as a label, so cities that asked to stay anonymous are not drawn: they
 * are counted per country in the data table and in a note.
 */
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


export function planMap(request: ChartRequest, survey: Survey, bundle: SurveyBundle, language: string, chartWidth = width): ChartPlan {
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
  // Stable draw order that does not follow the CSV.
  points.sort((a, b) => a.lon - b.lon || a.lat - b.lat);

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
      {
        data: { values: points },
        mark: { type: 'circle', fill: primary, opacity: 0.85, stroke: paper, strokeWidth: 1 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          size: {
            field: 'population',
            type: 'quantitative',
            scale: { type: 'sqrt', range: [20, 420] },
            legend: { title: 'Population', format: '~s' },
          },
        },
      },
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
      { key: 'country', label: 'Country' },
      { key: 'cities', label: 'Responding cities', numeric: true },
      { key: 'named', label: 'Cities that agreed to be named' },
    ],
    rows: [
      ...large.map(([country, e]): TableCell[] => [country, e.count, [...e.named].sort().join('; ')]),
      ...(small.length > 0
        ? [[`Other countries (${small.map(([c]) => c).join(', ')}), fewer than ${minCountryCount} each`, smallCount, small.flatMap(([, e]) => e.named).sort().join('; ')] as TableCell[]]
        : []),
    ],
    notes: [
      'Cities that did not agree to be named are counted but neither listed nor mapped.',
      ...(small.length > 0 ? [`Countries with fewer than ${minCountryCount} responding cities are counted together, so that no count points to one city.`] : []),
    ],
  };
  return {
    version: planVersion,
    kind: 'map',
    domId: request.domId,
    alt: request.alt,
    summary: `Map of Europe with a circle, sized by population, for each of the ${points.length} responding cities that agreed to be named.`,
    spec,
    narrowSpec: null,
    basemap: frame,
    table,
    csv: toCsv(table),
    sourceNote: sourceNote({ survey, question: undefined, n: survey.respondents, base: 'respondents', language, extra: ['Map: Natural Earth.'] }),
    notes: anonymous > 0 ? [`${anonymous} responding ${anonymous === 1 ? 'city that' : 'cities that'} asked not to be named ${anonymous === 1 ? 'is' : 'are'} not shown on the map.`] : [],
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The Europe box, grown to hold any respondent outside it. */
function frameFor(points: readonly { lon: number; lat: number }[]): Frame {
  let { west, east, south, north } = coreFrame;
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
