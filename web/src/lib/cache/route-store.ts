/**
 * The in-memory store of pages rendered on request: one per server process, shared by the two
 * readers of the route cache —
 *  - the Astro cache provider (./provider.ts), which fills it after a render, serves the last good
 *    copy when the CMS fails, and answers HITs of requests that reach Astro;
 *  - the server entry's fast path (src/server/cached-pages.ts), which answers fresh HITs straight
 *    from Node before Astro is involved at all (no Web Request/Response, no pipeline).
 * Both must agree on what is fresh, so freshness, LRU order and invalidation live here only.
 *
 * A page is stored once: the body as a Buffer, plus the exact header list of a HIT prebuilt for
 * Node's `writeHead`, so that a HIT is a Map lookup and one socket write.
 *
 * Two tiers, each an LRU bounded in entries and bytes, so that a flood of URLs cannot evict the
 * pages the site must still show while the CMS is down:
 *  - `canonical`: pages of known content requested at their canonical path (a practice, a tool,
 *    a home page, the unfiltered list and its facet pages…): bounded by the content, whatever
 *    URLs arrive, since a page says which path is its own (`canonical`) and only that request
 *    is stored here;
 *  - `other`: everything else — searches and filter combinations, pages asked under another
 *    spelling of their path, not-found answers: an unbounded space of URLs, so a small LRU of
 *    its own that a flood churns without touching the canonical tier.
 *
 * Invalidation (the webhook) marks pages stale instead of dropping them: they are never served
 * fresh again, only as the last good copy when a re-render fails. A render that was already
 * running when an invalidation of one of its tags (or its path) arrived is stored stale too —
 * it may show the content from before the change, so it must not be served fresh for minutes.
 */
import type { RequestKey } from './cache-key';
import { cdnHeadersOf } from '../cdn/headers';

export const CACHE_STATUS_HEADER = 'X-Astro-Cache';

/** Headers Astro removes from every response the provider returns (CDN-only instructions). */
const CDN_ONLY_HEADERS = new Set(['cdn-cache-control', 'cache-tag']);
/** Framing headers Node writes itself for the fast path (a HIT has a known length). */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

export type TierName = 'canonical' | 'other';

export interface StoredPage {
  readonly status: number;
  /** The body, stored once; never mutated (Node writes it, `new Response()` copies it). */
  readonly body: Buffer<ArrayBuffer>;
  /** The response headers as rendered (set-cookie excluded), for Web Responses built from it. */
  readonly headers: readonly (readonly [string, string])[];
  /** A HIT as Node writes it: `[name, value, name, value, …]`, CDN-only headers removed, length and X-Astro-Cache added. */
  readonly hitHeaders: readonly string[];
  readonly tags: readonly string[];
  /** Epoch ms after which the page is no longer fresh. */
  readonly expiresAt: number;
  /** The render depended on the request's list query (stored under the query key). */
  readonly readsQuery: boolean;
  readonly tier: TierName;
  /** Bytes counted against the tier's bound: body, headers, tags and key. */
  readonly size: number;
  /** Invalidated (or rendered across an invalidation): only a last good copy. */
  stale: boolean;
}

export interface PageToStore {
  status: number;
  body: Buffer<ArrayBuffer>;
  headers: readonly (readonly [string, string])[];
  tags: readonly string[];
  /** Seconds the page stays fresh. */
  maxAge: number;
  /** The render read the request's list query (default false: stored under the path). */
  readsQuery?: boolean;
  /** A page of known content requested at its own canonical path (default false: the `other` tier). */
  canonical?: boolean;
}

export interface TierLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface RouteStoreOptions {
  /** Bounds of the canonical tier. Default 2000 pages, 128 MiB. */
  canonical?: Partial<TierLimits>;
  /** Bounds of the other tier. Default 500 pages, 16 MiB. */
  other?: Partial<TierLimits>;
  /** HITs carry `CDN-Cache-Control` and `Cache-Tag` for a CDN in front (`CDN_PURGE_URL` set, ../cdn/headers.ts). Default false. */
  cdnHeaders?: boolean;
  /** Clock, for tests. */
  now?: () => number;
}

export const DEFAULT_LIMITS: Readonly<Record<TierName, TierLimits>> = {
  // A page of the demo content is about 15 KB: the entry counts bind first, the bytes bound
  // pages of unusual size.
  canonical: { maxEntries: 2000, maxBytes: 128 * 1024 * 1024 },
  other: { maxEntries: 500, maxBytes: 16 * 1024 * 1024 },
};

export interface TierStats extends TierLimits {
  entries: number;
  bytes: number;
}
export type RouteStoreStats = Record<TierName, TierStats>;

/** Bookkeeping of one stored page beyond its bytes (Map entry, objects, arrays). */
const ENTRY_OVERHEAD = 256;

/** The path part of a stored key (invalidation by path ignores the query). */
function pathOf(key: string): string {
  const query = key.indexOf('?');
  return query < 0 ? key : key.slice(0, query);
}

/** One LRU bounded in entries and bytes; insertion order is recency order (a touch re-inserts). */
class Tier {
  readonly pages = new Map<string, StoredPage>();
  bytes = 0;
  constructor(readonly limits: TierLimits) {}

  touch(key: string, page: StoredPage): void {
    this.pages.delete(key);
    this.pages.set(key, page);
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (page === undefined) return;
    this.pages.delete(key);
    this.bytes -= page.size;
  }

  /** Adds a page, dropping the least recently used ones to make room; false when it could never fit. */
  add(key: string, page: StoredPage): boolean {
    if (page.size > this.limits.maxBytes) return false;
    while (this.pages.size >= this.limits.maxEntries || this.bytes + page.size > this.limits.maxBytes) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    this.pages.set(key, page);
    this.bytes += page.size;
    return true;
  }

  stats(): TierStats {
    return { entries: this.pages.size, bytes: this.bytes, ...this.limits };
  }
}

function limitsOf(given: Partial<TierLimits> | undefined, fallback: TierLimits): TierLimits {
  return {
    maxEntries: Math.max(1, Math.floor(given?.maxEntries ?? fallback.maxEntries)),
    maxBytes: Math.max(1, Math.floor(given?.maxBytes ?? fallback.maxBytes)),
  };
}

/** Bound on remembered invalidation marks; past it the oldest are forgotten conservatively (see `#invalidatedSince`). */
const MAX_MARKS = 50_000;

export class RouteStore {
  readonly #now: () => number;
  /** Whether pages go out with their CDN headers. */
  readonly cdnHeaders: boolean;
  readonly #tiers: Record<TierName, Tier>;
  /** Invalidation counter; a render remembers its value when it starts (a ticket). */
  #generation = 0;
  /** Generation of the last invalidation of each tag / path. */
  readonly #tagMarks = new Map<string, number>();
  readonly #pathMarks = new Map<string, number>();
  /** Renders started before this generation are treated as crossed by an invalidation (marks were forgotten). */
  #forgottenBefore = 0;

  constructor(options: RouteStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.cdnHeaders = options.cdnHeaders ?? false;
    this.#tiers = {
      canonical: new Tier(limitsOf(options.canonical, DEFAULT_LIMITS.canonical)),
      other: new Tier(limitsOf(options.other, DEFAULT_LIMITS.other)),
    };
  }

  /** Pages stored, both tiers. */
  get size(): number {
    return this.#tiers.canonical.pages.size + this.#tiers.other.pages.size;
  }

  stats(): RouteStoreStats {
    return { canonical: this.#tiers.canonical.stats(), other: this.#tiers.other.stats() };
  }

  /** The page that answers `key` if it may be served as a HIT now (and marks it recently used). */
  fresh(key: RequestKey): StoredPage | undefined {
    const found = this.#find(key);
    if (found === undefined) return undefined;
    const [stored, page] = found;
    if (page.stale || this.#now() > page.expiresAt) return undefined;
    this.#tiers[page.tier].touch(stored, page);
    return page;
  }

  /** The last good copy that answers `key`, fresh or not (for stale-if-error). */
  lastGood(key: RequestKey): StoredPage | undefined {
    return this.#find(key)?.[1];
  }

  /**
   * The page under the request's path, unless that page read the query: then the one under the
   * path and the list query. A page that reads no query is one entry for every query string.
   */
  #find(key: RequestKey): [string, StoredPage] | undefined {
    const byPath = this.#get(key.path);
    if (byPath !== undefined && (!byPath.readsQuery || key.query === '')) return [key.path, byPath];
    if (key.query === '') return undefined;
    const stored = `${key.path}?${key.query}`;
    const byQuery = this.#get(stored);
    return byQuery === undefined ? undefined : [stored, byQuery];
  }

  #get(stored: string): StoredPage | undefined {
    return this.#tiers.canonical.pages.get(stored) ?? this.#tiers.other.pages.get(stored);
  }

  /** Taken when a render starts; `remember` compares it with the invalidations since. */
  ticket(): number {
    return this.#generation;
  }

  /**
   * Stores a rendered page under `stored` (see `storageKey` in ./cache-key.ts), in the canonical
   * tier if it says so, else in the other one. Rendered across an invalidation of its tags or
   * path: stored stale. Undefined when it is larger than its tier's byte bound (not stored).
   */
  remember(stored: string, input: PageToStore, ticket: number): StoredPage | undefined {
    const hitHeaders: string[] = [];
    let headerBytes = 0;
    for (const [name, value] of input.headers) {
      headerBytes += name.length + value.length;
      const lower = name.toLowerCase();
      if (CDN_ONLY_HEADERS.has(lower) || FRAMING_HEADERS.has(lower) || lower === 'set-cookie' || lower === CACHE_STATUS_HEADER.toLowerCase()) continue;
      hitHeaders.push(name, value);
    }
    if (this.cdnHeaders) {
      const cdnCacheControl = input.headers.find(([name]) => name.toLowerCase() === 'cdn-cache-control')?.[1];
      for (const [name, value] of cdnHeadersOf(cdnCacheControl, input.tags)) hitHeaders.push(name, value);
    }
    hitHeaders.push('content-length', String(input.body.length), CACHE_STATUS_HEADER, 'HIT');
    const tier: TierName = input.canonical ? 'canonical' : 'other';
    const page: StoredPage = {
      status: input.status,
      body: input.body,
      headers: input.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie'),
      hitHeaders,
      tags: [...input.tags],
      expiresAt: this.#now() + input.maxAge * 1000,
      readsQuery: input.readsQuery ?? false,
      tier,
      // Headers are held twice (as rendered and as the HIT list); keys are short next to bodies.
      size: input.body.length + 2 * headerBytes + input.tags.reduce((n, t) => n + t.length, 0) + 2 * stored.length + ENTRY_OVERHEAD,
      stale: this.#invalidatedSince(ticket, stored, input.tags),
    };
    this.#tiers.canonical.delete(stored);
    this.#tiers.other.delete(stored);
    return this.#tiers[tier].add(stored, page) ? page : undefined;
  }

  /** Marks every page with one of `tags`, or whose path is `path`, stale. */
  invalidate(options: { tags?: string | readonly string[]; path?: string }): number {
    const tags = options.tags === undefined ? [] : typeof options.tags === 'string' ? [options.tags] : options.tags;
    this.#generation += 1;
    if (this.#tagMarks.size + this.#pathMarks.size + tags.length + 1 > MAX_MARKS) {
      this.#tagMarks.clear();
      this.#pathMarks.clear();
      this.#forgottenBefore = this.#generation;
    }
    for (const tag of tags) this.#tagMarks.set(tag, this.#generation);
    if (options.path !== undefined) this.#pathMarks.set(options.path, this.#generation);

    const wanted = new Set(tags);
    let marked = 0;
    for (const tier of [this.#tiers.canonical, this.#tiers.other]) {
      for (const [key, page] of tier.pages) {
        if (page.stale) continue;
        if ((options.path !== undefined && pathOf(key) === options.path) || page.tags.some((tag) => wanted.has(tag))) {
          page.stale = true;
          marked += 1;
        }
      }
    }
    return marked;
  }

  #invalidatedSince(ticket: number, key: string, tags: readonly string[]): boolean {
    if (ticket === this.#generation) return false;
    if (ticket < this.#forgottenBefore) return true;
    if ((this.#pathMarks.get(pathOf(key)) ?? -1) > ticket) return true;
    return tags.some((tag) => (this.#tagMarks.get(tag) ?? -1) > ticket);
  }
}

/**
 * The store of this server process. Astro creates the cache provider lazily, on the first request
 * that reaches it; the provider creates the store with its configured bounds, and the server
 * entry's fast path reads it from then on (before that, nothing is cached anyway).
 */
let processStore: RouteStore | undefined;

export function createSiteRouteStore(options: RouteStoreOptions = {}): RouteStore {
  processStore ??= new RouteStore(options);
  return processStore;
}

/** The process's store, once the cache provider has created it. */
export function siteRouteStore(): RouteStore | undefined {
  return processStore;
}
