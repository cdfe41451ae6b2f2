import { describe, expect, it } from 'vitest';
import { alpha2OfFeature } from '../../src/lib/map/country-codes';
import { drawnCountryCodes, shadeOf, shadeRanges, worldShapes } from '../../src/lib/map/world-paths';

describe('world-atlas ids → the CMS country codes', () => {
  it('maps ISO 3166-1 numeric codes to alpha-2, with or without leading zeros', () => {
    expect(alpha2OfFeature('276', 'Germany')).toBe('DE');
    expect(alpha2OfFeature('036', 'Australia')).toBe('AU');
    expect(alpha2OfFeature(36, 'Australia')).toBe('AU');
    expect(alpha2OfFeature('203', 'Czechia')).toBe('CZ');
    expect(alpha2OfFeature('724', 'Spain')).toBe('ES');
    expect(alpha2OfFeature('470', 'Malta')).toBe('MT');
    expect(alpha2OfFeature('826', 'United Kingdom')).toBe('GB');
  });
  it('names Kosovo XK and leaves areas without a code unnamed', () => {
    expect(alpha2OfFeature(undefined, 'Kosovo')).toBe('XK');
    expect(alpha2OfFeature(undefined, 'Somaliland')).toBeUndefined();
    expect(alpha2OfFeature('999', 'Nowhere')).toBeUndefined();
  });
  it('draws every EU member state, once per process', () => {
    const eu = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
    const drawn = drawnCountryCodes();
    expect(eu.filter((code) => !drawn.has(code))).toEqual([]);
    expect(drawn.has('XK')).toBe(true);
    expect(drawn.has('AQ')).toBe(false);
    const shapes = worldShapes();
    expect(worldShapes()).toBe(shapes);
    // Natural Earth draws a few territories apart under their country's code (Ashmore and Cartier
    // Islands are Australia's): the map joins them into the country's one link.
    const codes = shapes.countries.flatMap((c) => (c.code ? [c.code] : []));
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual(['AU']);
    expect(shapes.countries.every((c) => /^M[\d.,-]+/.test(c.d))).toBe(true);
    // Simplified: small enough to send on every map page.
    expect(shapes.countries.reduce((sum, c) => sum + c.d.length, 0)).toBeLessThan(120_000);
  });
});

describe('map shades', () => {
  it('splits 1…max into at most four non-empty ranges', () => {
    expect(shadeRanges(0)).toEqual([]);
    expect(shadeRanges(1)).toEqual([{ from: 1, to: 1 }]);
    expect(shadeRanges(3)).toEqual([{ from: 1, to: 1 }, { from: 2, to: 2 }, { from: 3, to: 3 }]);
    expect(shadeRanges(10)).toEqual([{ from: 1, to: 3 }, { from: 4, to: 6 }, { from: 7, to: 9 }, { from: 10, to: 10 }]);
  });
  it('shades a count by its range, none for zero', () => {
    const ranges = shadeRanges(10);
    expect([0, 1, 3, 4, 9, 10].map((n) => shadeOf(n, ranges))).toEqual([0, 1, 1, 2, 3, 4]);
  });
});
