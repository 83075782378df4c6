/**
 * Country shapes for maps: Natural Earth 1:50m from the world-atlas package, read once per
 * process from node_modules (never from the edition or the network) and cut down to the
 * countries near the map's frame so SVGs stay small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology, Transform } from 'topojson-specification';
import type { Feature, Geometry, Position } from 'geojson';
import type { Frame } from './types.js';

/** Countries whose bounding box meets `frame` (grown by a margin), for dataset "basemap". */
export async function basemapFeatures(frame: Frame): Promise<readonly Feature<Geometry>[]> {
  cached ??= load();
  const { topology, countries } = await cached;
  const m = 2;
  return countries
    .filter((c) => c.box.east >= frame.west - m && c.box.west <= frame.east + m && c.box.north >= frame.south - m && c.box.south <= frame.north + m)
    .map((c) => {
      if (c.feature === undefined) {
        const f = feature(topology, c.geometry) as Feature<Geometry>;
        c.feature = { type: 'Feature' as const, id: f.id ?? '', properties: {}, geometry: f.geometry };
      }
      return c.feature;
    });
}

interface Country {
  readonly geometry: GeometryObject;
  readonly box: Frame;
  /** Made from the topology when a map first needs the country. */
  feature?: Feature<Geometry>;
}

let cached: Promise<{ readonly topology: Topology; readonly countries: readonly Country[] }> | undefined;

/**
 * The topology, and each country's box from the boxes of its arcs. Only the countries a map needs
 * are turned into GeoJSON: turning all 241 took 170–190 ms of the sample map's first drawing of
 * about 400 ms in a cold build; reading the basemap now takes 90–130 ms.
 */
async function load(): Promise<{ topology: Topology; countries: Country[] }> {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const arcBoxes = topology.arcs.map((arc) => arcBox(arc, topology.transform));
  const countries = topology.objects.countries.geometries.flatMap((geometry): Country[] => {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return [];
    const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
    for (const index of (geometry.arcs as unknown[]).flat(2) as number[]) {
      const b = arcBoxes[index < 0 ? ~index : index];
      if (b === undefined) continue;
      box.west = Math.min(box.west, b.west);
      box.east = Math.max(box.east, b.east);
      box.south = Math.min(box.south, b.south);
      box.north = Math.max(box.north, b.north);
    }
    return [{ geometry, box }];
  });
  return { topology, countries };
}

/** An arc's box in degrees: its positions are deltas when the topology is quantized. */
function arcBox(arc: readonly Position[], transform: Transform | undefined): Frame {
  let x = 0;
  let y = 0;
  let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  for (const [px = 0, py = 0] of arc) {
    if (transform) {
      x += px;
      y += py;
    } else [x, y] = [px, py];
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  if (!transform) return { west, east, south, north };
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  return { west: west * sx + tx, east: east * sx + tx, south: south * sy + ty, north: north * sy + ty };
}
