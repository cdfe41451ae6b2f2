/**
 * The world map's country outlines as SVG path data, projected once per process (server) or build
 * (static), never per request: world-atlas's 1:50m countries (the 1:110m set lacks Malta,
 * Andorra, Liechtenstein…), simplified with topojson-simplify to about 2 % of their points
 * (planar weights: invisible at this size), projected with d3-geo's Equal Earth (areas true to
 * size, so a shade is never exaggerated by the projection) and written with one decimal. That is
 * about 75 KB of path data, about 22 KB gzipped. Antarctica is left out (no practice can be there,
 * and it would take a fifth of the height).
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { alpha2OfFeature } from './country-codes';

/** Share of the outline points kept (topojson-simplify's weight quantile). */
const KEPT_POINTS = 0.02;
export const MAP_WIDTH = 960;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, as the CMS stores it; undefined for areas without one. */
  code: string | undefined;
  d: string;
}

export interface WorldShapes {
  width: number;
  height: number;
  countries: readonly CountryShape[];
}

let shapes: WorldShapes | undefined;

export function worldShapes(): WorldShapes {
  shapes ??= project();
  return shapes;
}

type CountryProperties = { name?: string };

function project(): WorldShapes {
  // Read at run time, not bundled: a server build imports its dependencies from node_modules.
  const require = createRequire(import.meta.url);
  const topology = structuredClone(require('world-atlas/countries-50m.json')) as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const weighted = presimplify(topology);
  const simplified = simplify(weighted, quantile(weighted, KEPT_POINTS)) as typeof topology;
  const collection = feature(simplified, simplified.objects.countries) as FeatureCollection<Geometry, CountryProperties>;
  const drawn: Feature<Geometry, CountryProperties>[] = collection.features.filter((country) => country.properties?.name !== 'Antarctica');
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'FeatureCollection', features: drawn });
  const path = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = path.bounds({ type: 'FeatureCollection', features: drawn });
  const countries = drawn
    .map((country) => ({ code: alpha2OfFeature(country.id, country.properties?.name), d: path(country) ?? '' }))
    .filter((country) => country.d !== '');
  return { width: MAP_WIDTH, height: Math.ceil(bottom - Math.min(0, top)), countries };
}

/** The alpha-2 codes the map draws. */
export function drawnCountryCodes(): ReadonlySet<string> {
  return new Set(worldShapes().countries.flatMap((country) => (country.code ? [country.code] : [])));
}

/** Shade classes for counts 1…max: at most `classes` ranges of equal width, each non-empty. */
export function shadeRanges(max: number, classes = 4): { from: number; to: number }[] {
  if (max < 1) return [];
  const step = Math.ceil(max / classes);
  const ranges: { from: number; to: number }[] = [];
  for (let from = 1; from <= max; from += step) ranges.push({ from, to: Math.min(max, from + step - 1) });
  return ranges;
}

/** The shade (1-based) of a count among the ranges; 0 for none. */
export function shadeOf(count: number, ranges: readonly { from: number; to: number }[]): number {
  if (count < 1) return 0;
  const index = ranges.findIndex((range) => count >= range.from && count <= range.to);
  return index === -1 ? ranges.length : index + 1;
}
