/**
 * The read models built again right after a write (issue 17.6), instead of by the first request
 * that needs them. A publish makes every value kept for the content generation stale
 * (generation-cache.ts); the next readers then wait while the CMS derives each locale's list
 * index and what is made from it: the versions a static build compares, the insights of every
 * filter the site prerenders, the item suggestions. A static build started after a publish asks
 * for all of them at once, and at 2,000 practices × 5 locales waited ~1.5 s of CMS work in its
 * content sync and ~0.5 s more for the suggestions in its path list.
 *
 * So, CACHE_WARM_UP milliseconds after the last write of public content by this process
 * (content-generation.ts: only its own writes bump that counter), the CMS builds them itself,
 * one locale after the other, through the very services the public routes call: the values are
 * those a request would have built (published content only), and a request that comes during
 * the warm-up shares the build under way (generation-cache.ts) instead of starting another.
 *
 * - Writes in a row (an import, an editor saving often) make one warm-up, after the last.
 * - A write during a warm-up makes another one after it (the values it built are stale already).
 * - Failures are logged, not thrown: the next request builds what it needs, as without warm-up.
 * - `off` (the plugin's default, and the tests': their query counts measure requests on a cold
 *   cache) leaves every value to the first request; the app turns it on (cms/config/plugins.ts).
 * - Another instance's writes reach this one through the stored generation only, on its next
 *   request: each instance warms up after its own writes.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';
import { getService } from '../services/service-access';
import { onContentWrite } from './content-generation';
import { parseWarmUp } from './warm-up-setting';

interface WarmUp {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again: boolean;
  stopped: boolean;
  /** Warm-ups finished, for tests and the log. */
  done: number;
}

const warmUps = new WeakMap<Core.Strapi, WarmUp>();

/** The configured delay, read at each write (so that it can be changed while running), or null for off. */
function delayOf(strapi: Core.Strapi): number | null {
  return parseWarmUp(String(strapi.config.get(`plugin::${PLUGIN_ID}.warmUp`, 'off')));
}

/** Builds every locale's read models a visitor or a static build reads first after a write. */
export async function warmReadModels(strapi: Core.Strapi): Promise<void> {
  const locales = getService(strapi, 'locale');
  for (const { code } of await locales.list()) {
    if (warmUps.get(strapi)?.stopped) return;
    const context = await locales.resolve(code);
    // The list index, the framework tree and the term names come with the versions.
    await getService(strapi, 'practice').versionsJson(context);
    const insights = getService(strapi, 'insights');
    const all = JSON.parse((await insights.insightsJson({ locale: code }, context)).toString('utf8')) as { data: { countries: { key: string }[]; areas: { key: string }[] } };
    // The filters the site prerenders: every country and area that has practices.
    for (const { key } of all.data.countries) await insights.insightsJson({ locale: code, country: key }, context);
    for (const { key } of all.data.areas) await insights.insightsJson({ locale: code, area: key }, context);
    await getService(strapi, 'practice').suggestions(context);
    await getService(strapi, 'tool').list(context);
  }
}

/** Subscribes the warm-up to this process's writes; call once, at bootstrap. */
export function warmUpAfterWrites(strapi: Core.Strapi): void {
  const state: WarmUp = { again: false, stopped: false, done: 0 };
  warmUps.set(strapi, state);
  const run = (): void => {
    state.timer = undefined;
    if (state.stopped) return;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = warmReadModels(strapi)
      .then(() => {
        state.done += 1;
      })
      .catch((error: unknown) => {
        if (!state.stopped) strapi.log.warn(`[good-practices] warming the read models after a write failed (the next request builds them): ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        state.running = undefined;
        if (state.again) {
          state.again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    const delay = delayOf(strapi);
    if (delay === null || state.stopped) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(run, delay);
    // Never what keeps a process alive.
    state.timer.unref();
  };
  onContentWrite(strapi, schedule);
}

/** Stops warming up (plugin destroy): no new warm-up; the one under way is awaited. */
export async function stopWarmUp(strapi: Core.Strapi): Promise<void> {
  const state = warmUps.get(strapi);
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.running;
}

/** How many warm-ups have finished, and whether one is scheduled or under way (tests). */
export function warmUpState(strapi: Core.Strapi): { done: number; busy: boolean } {
  const state = warmUps.get(strapi);
  return { done: state?.done ?? 0, busy: Boolean(state?.timer || state?.running) };
}
