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
import { practicesChangedBetween } from './change-journal';
import { currentGeneration } from './content-generation';

/**
 * Only rows changed with raw SQL escape both generations (writes of other processes bump the stored
 * one). Long, because an expiry makes the next request rebuild the locale's indexes (every
 * practice of the locale read again), which at 2,000 practices a locale costs a noticeable pause.
 */
export const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  generation: string;
  /**
   * When the database was last read in full for this value: its own build, or the full build an
   * incremental one derives from (cachedIncrementally). MAX_AGE_MS counts from here.
   */
  readInFullAt: number;
  value: Promise<unknown>;
  /** Set once the build has succeeded (peekForGeneration answers only then). */
  settled?: { value: unknown };
}

/** A value of an earlier generation, for a build that can derive the new one from it. */
export interface EarlierValue<Value> {
  generation: string;
  value: Value;
}

/**
 * What an incremental build answers: the value, and whether it was derived from the earlier one
 * (then it is as old, for MAX_AGE_MS, as the full read it derives from).
 */
export interface IncrementalBuild<Value> {
  value: Value;
  derived: boolean;
}

const caches = new WeakMap<Core.Strapi, Map<string, Entry>>();

export async function cachedForGeneration<Value>(strapi: Core.Strapi, key: string, build: () => Promise<Value>): Promise<Value> {
  return cachedIncrementally(strapi, key, async () => ({ value: await build(), derived: false }));
}

/**
 * Like cachedForGeneration, but the build is handed the value of the last generation (when it is
 * built and younger than MAX_AGE_MS counted from its last full read) with its generation, to
 * derive the new value from it when it can tell what changed (change-journal.ts).
 */
export async function cachedIncrementally<Value>(
  strapi: Core.Strapi,
  key: string,
  build: (generation: string, earlier: EarlierValue<Value> | undefined) => Promise<IncrementalBuild<Value>>,
): Promise<Value> {
  let cache = caches.get(strapi);
  if (!cache) {
    cache = new Map();
    caches.set(strapi, cache);
  }
  const generation = await currentGeneration(strapi);
  const now = Date.now();
  const entry = cache.get(key);
  if (entry && entry.generation === generation && now - entry.readInFullAt < MAX_AGE_MS) return entry.value as Promise<Value>;

  const earlier = entry?.settled && now - entry.readInFullAt < MAX_AGE_MS ? { generation: entry.generation, value: entry.settled.value as Value, readInFullAt: entry.readInFullAt } : undefined;
  const built = build(generation, earlier && { generation: earlier.generation, value: earlier.value });
  const value = built.then((result) => result.value);
  const fresh: Entry = { generation, readInFullAt: now, value };
  cache.set(key, fresh);
  built.then(
    (result) => {
      if (result.derived && earlier) fresh.readInFullAt = earlier.readInFullAt;
      fresh.settled = { value: result.value };
    },
    // A failed build is not kept: the next request tries again.
    () => {
      if (cache.get(key) === fresh) cache.delete(key);
    },
  );
  return value;
}

/**
 * A value made from every published practice, kept like cachedIncrementally: after writes of this
 * process that concerned at most `limit` practices (change-journal.ts), `derive` makes the new
 * value from the earlier one and the practices written; otherwise (another process's write, too
 * many practices, nothing earlier) `readAll` reads everything again. Nothing written: the earlier
 * value is kept.
 */
export function cachedPerPractice<Value>(
  strapi: Core.Strapi,
  key: string,
  limit: number,
  readAll: () => Promise<Value>,
  derive: (earlier: Value, changed: ReadonlySet<string>) => Promise<Value>,
): Promise<Value> {
  return cachedIncrementally<Value>(strapi, key, async (generation, earlier) => {
    const changed = earlier ? practicesChangedBetween(strapi, earlier.generation, generation) : 'unknown';
    if (!earlier || changed === 'unknown' || changed.size > limit) return { value: await readAll(), derived: false };
    if (changed.size === 0) return { value: earlier.value, derived: true };
    return { value: await derive(earlier.value, changed), derived: true };
  });
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
  if (entry.generation !== generation || Date.now() - entry.readInFullAt >= MAX_AGE_MS) return undefined;
  return entry.settled.value as Value;
}
