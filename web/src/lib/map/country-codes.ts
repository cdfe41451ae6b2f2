/**
 * world-atlas names its countries by ISO 3166-1 numeric code (`"276"`); the CMS stores alpha-2
 * (`DE`). The mapping is the ISO table as the `i18n-iso-countries` package carries it (its core
 * only: no names are loaded, names come from Intl.DisplayNames). Natural Earth draws three areas
 * without a numeric code: Kosovo gets the user-assigned `XK` that the EU and most data sets use;
 * Northern Cyprus and Somaliland stay without one (no practice can name them).
 */
import countries from 'i18n-iso-countries';

const WITHOUT_NUMERIC: Readonly<Record<string, string>> = { Kosovo: 'XK' };

export function alpha2OfFeature(id: string | number | undefined, name: string | undefined): string | undefined {
  if (id !== undefined && id !== '') {
    const code = countries.numericToAlpha2(id);
    if (code) return code;
  }
  return name === undefined ? undefined : WITHOUT_NUMERIC[name];
}
