/**
 * Country shapes for maps: Natural Earth 1:50m from the world-atlas package, read once per
 * process from node_modules (never from the edition or the network) and cut down to the
 * countries near the map's frame so SVGs stay small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import type { Frame } from './types.js';

/** Countries whose bounding box meets `frame` (grown by a margin), for dataset "basemap". */
export async function basemapFeatures(frame: Frame): Promise<readonly Feature<Geometry>[]> {
  cached ??= load();
  const all = await cached;
  const m = 2;
  return all.filter(
    (c) => c.box.east >= frame.west - m && c.box.west <= frame.east + m && c.box.north >= frame.south - m && c.box.south <= frame.north + m,
  ).map((c) => c.feature);
}

interface Country {
  readonly feature: Feature<Geometry>;
  readonly box: Frame;
}

let cached: Promise<readonly Country[]> | undefined;

async function load(): Promise<readonly Country[]> {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries)
    .features.filter((f) => f.geometry !== null)
    .map((f) => ({ feature: { type: 'Feature' as const, id: f.id ?? '', properties: {}, geometry: f.geometry }, box: boxOf(f.geometry) }));
}

function boxOf(geometry: Geometry): Frame {
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
  return { west, east, south, north };
}
