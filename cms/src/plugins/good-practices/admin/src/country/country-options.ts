/**
 * The choices of the country select: every code the plugin accepts (contract/country-codes.ts, the
 * same list the site's submit form offers), named in the admin user's language by the browser's
 * CLDR data and sorted as that language sorts. A stored value that is not (or no longer) a valid
 * code is kept as a choice of its own, so that opening a practice never silently empties it; the
 * server's check then names the problem on save.
 */
import { countryCodes } from '../../../contract/country-codes';

export interface CountryOption {
  code: string;
  name: string;
}

const CODES = countryCodes();

/** The admin language, then English; a tag the runtime refuses (a custom admin language) is left out. */
function languages(locale: string): string[] {
  try {
    return [...Intl.getCanonicalLocales(locale), 'en'];
  } catch {
    return ['en'];
  }
}

export function countryOptions(locale: string, storedValue: unknown, unknownLabel: (code: string) => string): CountryOption[] {
  const names = new Intl.DisplayNames(languages(locale), { type: 'region', fallback: 'code' });
  const options = CODES.map((code) => ({ code, name: names.of(code) ?? code }));
  const collator = new Intl.Collator(languages(locale));
  options.sort((a, b) => collator.compare(a.name, b.name));
  if (typeof storedValue === 'string' && storedValue !== '' && !CODES.includes(storedValue)) {
    options.unshift({ code: storedValue, name: unknownLabel(storedValue) });
  }
  return options;
}
