/** Country names and codes to ISO 3166-1 alpha-2, from Intl.DisplayNames. */
import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../server/src/import/country-code';
import { isCountryCode } from '../../server/src/invariants/country-code';

describe('resolveCountry', () => {
  it.each([
    ['Spain', 'ES', true],
    ['es', 'ES', true],
    ['CZ', 'CZ', true],
    ['Czechia', 'CZ', true],
    ['Czech Republic', 'CZ', false],
    ['the Netherlands', 'NL', true],
    ['Deutschland', 'DE', true],
    ['UK', 'GB', true],
    ['United States of America', 'US', false],
  ])('%s -> %s', (input, code, exact) => {
    expect(resolveCountry(input)).toEqual({ code, exact });
  });

  it.each(['Europe', 'EU', 'ZZ', 'Italy, Spain', 'Republic of Korea', ''])('does not guess %j', (input) => {
    expect(resolveCountry(input)).toBeNull();
  });
});

describe('isCountryCode (the invariant)', () => {
  it.each(['ES', 'CZ', 'GB', 'XK', 'DE', 'SY'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  // Regions, reserved and deprecated codes that CLDR names but that are not countries.
  it.each(['EU', 'EZ', 'UN', 'IC', 'EA', 'AC', 'TA', 'DG', 'CP', 'UK', 'SU', 'QO', 'ZZ', 'XA', 'AA', '001', 'es', 'E S', ''])('refuses %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});
