/**
 * The basemap picks countries by boxes made from the topology's arcs and turns only those into
 * GeoJSON. Checked against the plain way: every country turned into GeoJSON, its box taken from
 * its coordinates.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapFeatures } from '../../pipeline/stages/charts/basemap.js';
import type { Frame } from '../../pipeline/stages/charts/types.js';

async function everyCountry(): Promise<Feature<Geometry>[]> {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries).features.filter((f) => f.geometry !== null) as Feature<Geometry>[];
}

function boxOf(geometry: Geometry): Frame {
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      box.west = Math.min(box.west, c[0] as number);
      box.east = Math.max(box.east, c[0] as number);
      box.south = Math.min(box.south, c[1] as number);
      box.north = Math.max(box.north, c[1] as number);
    } else c.forEach(walk);
  };
  walk('coordinates' in geometry ? geometry.coordinates : []);
  return box;
}

const frames: Record<string, Frame> = {
  'continental Europe': { west: -10, east: 30, south: 36, north: 61 },
  'Europe to the Caucasus and Iceland': { west: -26, east: 48, south: 33, north: 68 },
  'the Nordic countries': { west: 3, east: 33, south: 53, north: 72 },
  'across 180°': { west: 165, east: 190, south: 45, north: 70 },
};

describe('basemap countries', () => {
  it.each(Object.entries(frames))('are those whose own coordinates come within 2° of %s, shapes unchanged', async (_, frame) => {
    const all = await everyCountry();
    const m = 2;
    const expected = all.filter((f) => {
      const b = boxOf(f.geometry);
      return b.east >= frame.west - m && b.west <= frame.east + m && b.north >= frame.south - m && b.south <= frame.north + m;
    });
    const got = await basemapFeatures(frame);
    expect(got.map((f) => f.id)).toEqual(expected.map((f) => f.id ?? ''));
    expect(got.map((f) => f.geometry)).toEqual(expected.map((f) => f.geometry));
    expect(got.every((f) => Object.keys(f.properties ?? {}).length === 0)).toBe(true);
  });

  it('gives the same objects to a second map of the same process (made once)', async () => {
    const frame = frames['continental Europe'] as Frame;
    const [a, b] = [await basemapFeatures(frame), await basemapFeatures(frame)];
    expect(a.length).toBeGreaterThan(20);
    a.forEach((f, i) => expect(b[i]).toBe(f));
  });
});
