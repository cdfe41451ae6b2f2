/**
 * Part of the contract because both sides need it: the plugin checks every practice write with it
 * (server/src/invariants/country-code.ts), and the site offers exactly these codes in its country
 * select. No Node or Strapi imports.
 */
/**
 * ISO 3166-1 alpha-2 check without a hand-made country list: the runtime's CLDR data decides.
 *
 * - `Intl.Locale` canonicalises deprecated codes (UK -> GB, SU -> RU, AN -> CW): a code that
 *   does not survive canonicalisation is an alias, not the current ISO code.
 * - `Intl.DisplayNames` (fallback "none") has a name only for regions CLDR knows.
 * - ISO 3166-1 reserves AA, QM-QZ, XA-XZ and ZZ for private use; CLDR names a few of them
 *   (QO "Outlying Oceania", XA/XB pseudo-locales, ZZ "Unknown Region"), so that rule of the
 *   standard is applied on top. XK (Kosovo) is the one user-assigned code in official use by
 *   the EU institutions and CLDR, and practices from Kosovo must be recordable.
 * - ISO 3166/MA "exceptionally reserves" codes that are not countries of ISO 3166-1, and CLDR
 *   names most of them (EU "European Union", UN "United Nations", EZ "Eurozone", IC "Canary
 *   Islands", ...): a practice's country must be a country, so they are refused too (a practice
 *   on the Canary Islands is recorded under ES).
 */
const ALPHA_2 = /^[A-Z]{2}$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1's exceptionally reserved codes (UK and SU are also caught as CLDR aliases). */
const EXCEPTIONALLY_RESERVED = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'FX', 'IC', 'SU', 'TA', 'UK', 'UN']);

function isUserAssigned(code: string): boolean {
  if (code === 'XK') return false;
  return code === 'AA' || code === 'ZZ' || (code[0] === 'Q' && code.charAt(1) >= 'M') || code[0] === 'X';
}

export function isCountryCode(value: string): boolean {
  if (!ALPHA_2.test(value) || isUserAssigned(value) || EXCEPTIONALLY_RESERVED.has(value)) return false;
  let canonical: string | undefined;
  try {
    canonical = new Intl.Locale('und', { region: value }).region;
  } catch {
    return false;
  }
  return canonical === value && regionNames.of(value) !== undefined;
}

/** Every code `isCountryCode` accepts, AA to ZZ: the choices of the site's country select. */
export function countryCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return [...letters].flatMap((first) => [...letters].map((second) => first + second)).filter(isCountryCode);
}
