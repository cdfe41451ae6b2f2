/**
 * In-memory cache of the CMS answers every page needs but that rarely change (the locale list,
 * the site texts), for renders on request: an uncached page then makes one CMS call (its own
 * content) instead of three. Entries carry the same tags as the pages, and the revalidation
 * webhook invalidates both with the same tags (src/routes/revalidate.ts); a short TTL bounds
 * staleness where no webhook is configured.
 *
 * - Concurrent misses share one CMS call (50 uncached renders at once make one locales call).
 * - When a load fails, the last answer that loaded is served instead (stale-if-error, as the route
 *   cache does for pages), even after its TTL or an invalidation: a locale list of a minute ago
 *   beats a 503 for every page that needs one, `/` first of all. The CMS is then asked again only
 *   after `retryMs`, so that a slow CMS costs one timeout per key, not one per render. A key that
 *   never loaded is not cached when it fails: the next call asks again.
 * - Invalidation drops matching entries at once, in flight or not, so a render that starts after
 *   a webhook never reuses an answer loaded before it (renders that started earlier are stored
 *   stale by the route store, see route-store.ts).
 * - Callers get their own copy (structuredClone): a page changing what it got cannot change what
 *   the next page gets.
 */

interface Entry {
  value: Promise<unknown>;
  tags: readonly string[];
  expiresAt: number;
}

export interface DataCacheOptions {
  /** Milliseconds an answer is reused without a webhook. */
  ttlMs: number;
  /** Milliseconds the last good answer stands in after a failed load before the CMS is asked again (default 10 s). */
  retryMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export class TaggedDataCache {
  readonly #entries = new Map<string, Entry>();
  /** The last answer that loaded, per key (a few keys: locales, site texts per locale). */
  readonly #lastGood = new Map<string, unknown>();
  readonly #ttlMs: number;
  readonly #retryMs: number;
  readonly #now: () => number;

  constructor(options: DataCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#retryMs = options.retryMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
    let entry = this.#entries.get(key);
    if (entry === undefined || this.#now() > entry.expiresAt) {
      const created: Entry = { value: load(), tags: [...tags], expiresAt: this.#now() + this.#ttlMs };
      entry = created;
      this.#entries.set(key, created);
      created.value.then(
        (value) => {
          this.#lastGood.set(key, value);
        },
        () => {
          if (this.#entries.get(key) !== created) return;
          if (!this.#lastGood.has(key)) {
            this.#entries.delete(key);
            return;
          }
          // The last good answer stands in until retryMs (or an invalidation) lets the CMS be asked again.
          this.#entries.set(key, { value: Promise.resolve(this.#lastGood.get(key)), tags: created.tags, expiresAt: this.#now() + this.#retryMs });
        },
      );
    }
    try {
      return structuredClone((await entry.value) as T);
    } catch (error) {
      if (!this.#lastGood.has(key)) throw error;
      return structuredClone(this.#lastGood.get(key) as T);
    }
  }

  invalidate(tags: readonly string[]): number {
    const wanted = new Set(tags);
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.tags.some((tag) => wanted.has(tag))) {
        this.#entries.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }
}

/** Seconds the CMS's locale list and site texts are reused on request without a webhook. */
export const SITE_DATA_TTL_SECONDS = 60;

/** The server's cache of rarely changing CMS answers (one per process). */
export const siteDataCache = new TaggedDataCache({ ttlMs: SITE_DATA_TTL_SECONDS * 1000 });
