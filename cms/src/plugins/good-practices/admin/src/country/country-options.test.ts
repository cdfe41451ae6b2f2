import { describe, expect, it } from 'vitest';
import { countryCodes } from '../../../contract/country-codes';
import { countryOptions } from './country-options';

const unknown = (code: string) => `${code} (not a country code)`;

describe('the country select', () => {
  it('offers every accepted code, named in the admin language and sorted as it sorts', () => {
    const options = countryOptions('cs', 'DE', unknown);
    expect(options.map((option) => option.code).sort()).toEqual(countryCodes());
    expect(options.find((option) => option.code === 'DE')?.name).toBe('Německo');
    const names = options.map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('cs').compare));
    // Czech sorts "Ch" as a letter of its own after "H" (a code-point or English sort would not).
    expect(names.indexOf('Chile')).toBeGreaterThan(names.indexOf('Honduras'));
  });

  it('names countries in Arabic and Spanish for those admin languages', () => {
    expect(countryOptions('ar', null, unknown).find((option) => option.code === 'EG')?.name).toBe('مصر');
    expect(countryOptions('es', null, unknown).find((option) => option.code === 'DE')?.name).toBe('Alemania');
  });

  it('keeps a stored value that is not an accepted code as a choice of its own, first', () => {
    const options = countryOptions('en', 'XQ', unknown);
    expect(options[0]).toEqual({ code: 'XQ', name: 'XQ (not a country code)' });
    expect(options.filter((option) => option.code === 'XQ')).toHaveLength(1);
    expect(countryOptions('en', 'UK', unknown)[0]?.code).toBe('UK');
    expect(countryOptions('en', 'GB', unknown)[0]?.code).not.toBe('GB');
  });

  it('falls back to English names for a locale tag the runtime cannot use', () => {
    expect(countryOptions('not a locale!', null, unknown).find((option) => option.code === 'FR')?.name).toBe('France');
  });
});
