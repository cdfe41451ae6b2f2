/**
 * What an invalidation does, in order, on the instance that received the webhook
 * (`invalidateEverywhere`) and on every other instance (`invalidateHere`, called by the Redis bus).
 *
 * Order matters, each step before the next:
 *  1. this process's data (locale list, site texts), then its pages: a page re-rendered as soon as
 *     the route cache lets it must not reuse old data;
 *  2. the shared route store's marks (with `ROUTE_CACHE_SHARED=on`): before the other instances
 *     hear of it, so none copies a page of the old content from Redis afterwards;
 *  3. the bus: every other instance does step 1;
 *  4. the CDN purge (with `CDN_PURGE_URL`): last, so that a CDN fetching a page again right after
 *     its purge reaches instances that have already dropped it. Sent only here, by the instance
 *     that received the webhook: one purge per invalidation however many instances run.
 * Steps 2–4 never fail the webhook: without Redis the other instances fall back to expiry, and a
 * CDN that missed a purge drops the page when its max-age ends.
 */
import { siteDataCache } from '../cache/data-cache';
import { siteRouteStore } from '../cache/route-store';
import { invalidationBus, sharedRouteStore } from '../cache/redis/site-redis';
import { cdnPurgeConfigFromEnv, purgeCdn, type PurgeOutcome } from '../cdn/purge';

/** Drops this process's data and pages with `tags` (an invalidation another instance received). */
export function invalidateHere(tags: readonly string[]): void {
  siteDataCache.invalidate(tags);
  siteRouteStore()?.invalidate({ tags });
}

export interface InvalidationResult {
  /** Whether the other instances were told (undefined: no Redis configured). */
  shared: boolean | undefined;
  /** The CDN purge under way (undefined: no purge URL configured); the webhook does not wait for it. */
  purge: Promise<PurgeOutcome> | undefined;
}

/**
 * The webhook's invalidation: this process (`invalidateRoutes`, Astro's `cache.invalidate`, which
 * the cache provider passes to the route store), the other instances, the CDN.
 */
export async function invalidateEverywhere(tags: readonly string[], invalidateRoutes: (tags: string[]) => Promise<void>): Promise<InvalidationResult> {
  siteDataCache.invalidate(tags);
  await invalidateRoutes([...tags]);
  const shared = sharedRouteStore();
  if (shared !== undefined && !(await shared.invalidate({ tags }))) console.warn(`[redis] shared route store not invalidated for ${tags.length} tag(s); its pages expire instead`);
  const bus = invalidationBus();
  const told = bus === undefined ? undefined : await bus.publish(tags);
  const purgeConfig = cdnPurgeConfigFromEnv();
  return { shared: told, purge: purgeConfig === undefined ? undefined : purgeCdn(purgeConfig, tags) };
}
