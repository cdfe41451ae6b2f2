/**
 * Values derived from the database, kept for one content generation (content-generation.ts):
 * the configured locales, the framework tree of a locale, the list index of a locale, the
 * citation index. Keys are few (a handful per locale), so the cache needs no eviction beyond
 * replacement.
 *
 * Concurrent requests of the same generation share one build (no stampede after a write). A value
 * is stamped with the generation read *before* its build started, so a write during the build
 * makes it stale at once. Values also expire after MAX_AGE_MS, for writes neither generation sees
 * (rows changed with raw SQL).
 */
import type { Core } from '@strapi/strapi';
import { currentGeneration } from './content-generation';

/**
 * Only rows changed with raw SQL escape both generations (writes of other processes bump the stored
 * one). Long, because an expiry makes the next request rebuild the locale's indexes (every
 * practice of the locale read again), which at 2,000 practices a locale costs a noticeable pause.
 */
export const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  generation: string;
  builtAt: number;
  value: Promise<unknown>;
  /** Set once the build has succeeded (peekForGeneration answers only then). */
  settled?: { value: unknown };
}

const caches = new WeakMap<Core.Strapi, Map<string, Entry>>();

export async function cachedForGeneration<Value>(strapi: Core.Strapi, key: string, build: () => Promise<Value>): Promise<Value> {
  let cache = caches.get(strapi);
  if (!cache) {
    cache = new Map();
    caches.set(strapi, cache);
  }
  const generation = await currentGeneration(strapi);
  const now = Date.now();
  const entry = cache.get(key);
  if (entry && entry.generation === generation && now - entry.builtAt < MAX_AGE_MS) return entry.value as Promise<Value>;

  const value = build();
  const fresh: Entry = { generation, builtAt: now, value };
  cache.set(key, fresh);
  value.then(
    (built) => {
      fresh.settled = { value: built };
    },
    // A failed build is not kept: the next request tries again.
    () => {
      if (cache.get(key) === fresh) cache.delete(key);
    },
  );
  return value;
}

/**
 * The value kept under `key` if it is built and current, without building it: for readers that
 * can do without it (a detail request uses the locale's list index when list requests have built
 * it, and reads its few rows itself otherwise, rather than wait for a build that reads the whole
 * locale).
 */
export async function peekForGeneration<Value>(strapi: Core.Strapi, key: string): Promise<Value | undefined> {
  const entry = caches.get(strapi)?.get(key);
  if (!entry?.settled) return undefined;
  const generation = await currentGeneration(strapi);
  if (entry.generation !== generation || Date.now() - entry.builtAt >= MAX_AGE_MS) return undefined;
  return entry.settled.value as Value;
}
