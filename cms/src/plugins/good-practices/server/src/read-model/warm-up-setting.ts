/**
 * CACHE_WARM_UP (the plugin's `warmUp` option): milliseconds after the last write of public
 * content before the read models are built again (./warm-up.ts), or `off`. A bad value stops the
 * boot with the reason, like LOCALE_FALLBACKS.
 */

/** At most a minute: a longer pause would leave most first requests after a write cold anyway. */
export const MAX_WARM_UP_DELAY_MS = 60_000;

/** The delay in milliseconds, or null for `off`. */
export function parseWarmUp(value: string): number | null {
  const text = value.trim();
  if (text === 'off') return null;
  if (/^\d+$/.test(text) && Number(text) <= MAX_WARM_UP_DELAY_MS) return Number(text);
  throw new Error(`CACHE_WARM_UP must be "off" or a number of milliseconds from 0 to ${MAX_WARM_UP_DELAY_MS}, not ${JSON.stringify(value)}.`);
}
