/**
 * Country names or codes from a page to ISO 3166-1 alpha-2.
 *
 * The name -> code table is built from Intl.DisplayNames over every
 * two-letter region code, so it follows the runtime's CLDR data instead of a
 * hand-maintained list. Names are indexed in English and in the EU languages
 * because pages sometimes give the country in its own language.
 */
import { normaliseText } from '../framework/framework';
// The same rule as the invariants (what an import reads must be what a save accepts).
import { isCountryCode } from '../invariants/country-code';

export interface CountryMatch {
  code: string;
  /** False when the name only matched after dropping words such as "Republic" (e.g. "Czech Republic"). */
  exact: boolean;
}

const NAME_LOCALES = ['en', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

// Words that name a form of state rather than the country; dropped for the approximate match only.
const STATE_FORM_WORDS = new Set(['the', 'of', 'republic', 'federation', 'kingdom', 'state', 'federal', 'democratic', 'socialist', 'islamic', 'principality', 'grand', 'duchy', 'plurinational', 'bolivarian']);

function coreName(name: string): string {
  return normaliseText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !STATE_FORM_WORDS.has(word))
    .join(' ');
}

interface CountryIndex {
  codes: Set<string>;
  byName: Map<string, string>;
  byCoreName: Map<string, Set<string>>;
}

let index: CountryIndex | null = null;

function countryIndex(): CountryIndex {
  if (index !== null) return index;
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  const byCoreName = new Map<string, Set<string>>();
  const letters = Array.from({ length: 26 }, (_, offset) => String.fromCharCode(65 + offset));
  const displays = NAME_LOCALES.flatMap((locale) =>
    (['long', 'short'] as const).map((style) => new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' })),
  );
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      // Only current country codes: not deprecated ones (DD, SU, UK, YU …), regions or reserved codes.
      if (!isCountryCode(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name === undefined) continue;
        codes.add(code);
        // "Myanmar (Burma)" is also indexed as "Myanmar".
        for (const variant of new Set([name, name.replace(/\s*\(.*\)\s*$/, '')])) {
          const key = normaliseText(variant);
          if (!byName.has(key)) byName.set(key, code);
          const core = coreName(variant);
          if (core !== '') byCoreName.set(core, (byCoreName.get(core) ?? new Set<string>()).add(code));
        }
      }
    }
  }
  index = { codes, byName, byCoreName };
  return index;
}

/**
 * Approximate match on the name without state-form words, in three
 * increasingly loose steps, each accepted only with a unique candidate:
 * equal cores; one single-word core a prefix of the other ("Czech" ~
 * "Czechia"); a known name whose words all occur in the input, preferring the
 * longest ("United States of America" ~ "United States").
 */
function approximate(name: string, countries: CountryIndex): string | null {
  const core = coreName(name);
  if (core.length < 4) return null;
  const unique = (codes: Iterable<string>): string | null => {
    const distinct = new Set(codes);
    return distinct.size === 1 ? [...distinct][0]! : null;
  };

  const equal = countries.byCoreName.get(core);
  if (equal !== undefined) return unique(equal);

  if (!core.includes(' ')) {
    const prefixed: string[] = [];
    for (const [other, codes] of countries.byCoreName) {
      if (other.includes(' ') || other.length < 4) continue;
      if (other.startsWith(core) || core.startsWith(other)) prefixed.push(...codes);
    }
    if (prefixed.length > 0) return unique(prefixed);
  }

  const words = new Set(core.split(' '));
  let best: string[] = [];
  let bestSize = 0;
  for (const [other, codes] of countries.byCoreName) {
    const otherWords = other.split(' ');
    if (other.length < 4 || !otherWords.every((word) => words.has(word))) continue;
    if (otherWords.length > bestSize) {
      best = [...codes];
      bestSize = otherWords.length;
    } else if (otherWords.length === bestSize) {
      best.push(...codes);
    }
  }
  return best.length > 0 ? unique(best) : null;
}

export function resolveCountry(input: string): CountryMatch | null {
  const text = input.trim();
  if (text === '') return null;
  const countries = countryIndex();
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countries.codes.has(upper)) return { code: upper, exact: true };
  // "The Netherlands", "the Czech Republic": a leading article is not part of the name.
  const byName = countries.byName.get(normaliseText(text).replace(/^the /, ''));
  if (byName !== undefined) return { code: byName, exact: true };
  const approx = approximate(text, countries);
  return approx === null ? null : { code: approx, exact: false };
}
