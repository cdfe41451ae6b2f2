/**
 * Locale fallback chains: in which languages a visitor of locale L sees what L lacks.
 *
 * Configured by `LOCALE_FALLBACKS` (the plugin's `localeFallbacks` option), e.g. `ar:en;ca:es,en`:
 * each locale's preferred fallbacks, in order. A fallback's own fallbacks follow it (`ca:es;es:pt`
 * gives ca → es → pt), so a cycle (`ca:es;es:ca`) has no order and is refused at boot. After the
 * configured ones come the default locale, then every other locale (default first, then by code):
 * a practice published in one language only is still listed in every locale, shown in the
 * nearest language that has it. Decided here, in the CMS, so the site, API tokens and open-data
 * consumers all get the same answer.
 */

export type FallbackConfig = ReadonlyMap<string, readonly string[]>;

const CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class FallbackConfigError extends Error {
  constructor(message: string) {
    super(`LOCALE_FALLBACKS: ${message}`);
    this.name = 'FallbackConfigError';
  }
}

/** Parses `ar:en;ca:es,en` (spaces allowed, empty = nothing configured); throws FallbackConfigError. */
export function parseLocaleFallbacks(value: unknown): FallbackConfig {
  if (value === undefined || value === null) return new Map();
  if (typeof value !== 'string') throw new FallbackConfigError(`expected a string like "ar:en;ca:es,en", got ${typeof value}.`);
  const config = new Map<string, string[]>();
  for (const rule of value.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    const match = /^([^:\s]+)\s*:\s*(.+)$/.exec(rule);
    if (!match) throw new FallbackConfigError(`“${rule}” is not of the form locale:fallback[,fallback…] (e.g. "ca:es,en").`);
    const [, code, list] = match as unknown as [string, string, string];
    const fallbacks = list.split(',').map((part) => part.trim());
    for (const candidate of [code, ...fallbacks]) {
      if (!CODE.test(candidate)) throw new FallbackConfigError(`“${candidate}” in “${rule}” is not a locale code.`);
    }
    if (config.has(code)) throw new FallbackConfigError(`${code} is configured twice.`);
    if (fallbacks.includes(code)) throw new FallbackConfigError(`${code} cannot fall back to itself (“${rule}”).`);
    if (new Set(fallbacks).size !== fallbacks.length) throw new FallbackConfigError(`“${rule}” names a fallback twice.`);
    config.set(code, fallbacks);
  }
  const cycle = findCycle(config);
  if (cycle) throw new FallbackConfigError(`the fallbacks form a cycle (${cycle.join(' → ')}): no language would be the last resort.`);
  return config;
}

function findCycle(config: FallbackConfig): string[] | undefined {
  const done = new Set<string>();
  const visit = (code: string, path: string[]): string[] | undefined => {
    if (path.includes(code)) return [...path.slice(path.indexOf(code)), code];
    if (done.has(code)) return undefined;
    for (const next of config.get(code) ?? []) {
      const cycle = visit(next, [...path, code]);
      if (cycle) return cycle;
    }
    done.add(code);
    return undefined;
  };
  for (const code of config.keys()) {
    const cycle = visit(code, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Codes named by the configuration that are not configured locales (a boot error). */
export function unknownFallbackLocales(config: FallbackConfig, available: readonly string[]): string[] {
  const named = new Set([...config.keys(), ...[...config.values()].flat()]);
  return [...named].filter((code) => !available.includes(code)).sort();
}

/**
 * The chain of `locale`: the locale itself, its configured fallbacks (each followed by its own),
 * the default locale, then every other available locale in `available`'s order. Codes that are
 * not available (a locale deleted since boot) are skipped.
 */
export function fallbackChain(locale: string, config: FallbackConfig, defaultLocale: string, available: readonly string[]): string[] {
  const chain: string[] = [];
  const add = (code: string) => {
    if (chain.includes(code) || !available.includes(code)) return;
    chain.push(code);
    for (const next of config.get(code) ?? []) add(next);
  };
  add(locale);
  // A configured fallback is followed by its own fallbacks; the default and the rest are appended plainly.
  for (const code of [defaultLocale, ...available]) {
    if (!chain.includes(code) && available.includes(code)) chain.push(code);
  }
  return chain;
}
