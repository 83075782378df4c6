/**
 * Country shapes for maps: Natural Earth 1:50m from the world-atlas package, read once per
 * process from node_modules (never from the edition or the network) and cut down to the
 * countries near Europe so SVGs stay small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';

/** Longitude/latitude window the map frame is fitted to (plus any respondent outside it). */
export const europeFrame = { west: -25, east: 45, south: 34, north: 71.5 } as const;

let cached: Promise<readonly Feature<Geometry>[]> | undefined;

export function basemapFeatures(): Promise<readonly Feature<Geometry>[]> {
  cached ??= load();
  return cached;
}

async function load(): Promise<readonly Feature<Geometry>[]> {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const all = feature(topology, topology.objects.countries).features;
  return all
    .filter((f) => f.geometry !== null && near(f.geometry))
    .map((f) => ({ type: 'Feature' as const, id: f.id ?? '', properties: {}, geometry: f.geometry }));
}

function near(geometry: Geometry): boolean {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    } else c.forEach(walk);
  };
  walk('coordinates' in geometry ? geometry.coordinates : []);
  const m = 5;
  return east >= europeFrame.west - m && west <= europeFrame.east + m && north >= europeFrame.south - m && south <= europeFrame.north + m;
}
