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
 * Invalidation (the webhook) marks pages stale instead of dropping them: they are never served
 * fresh again, only as the last good copy when a re-render fails. A render that was already
 * running when an invalidation of one of its tags (or its path) arrived is stored stale too —
 * it may show the content from before the change, so it must not be served fresh for minutes.
 */

export const CACHE_STATUS_HEADER = 'X-Astro-Cache';

/** Headers Astro removes from every response the provider returns (CDN-only instructions). */
const CDN_ONLY_HEADERS = new Set(['cdn-cache-control', 'cache-tag']);
/** Framing headers Node writes itself for the fast path (a HIT has a known length). */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

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
}

export interface RouteStoreOptions {
  /** Maximum number of URLs kept (least recently used dropped first). Default 2000. */
  max?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** The path part of a cache key (invalidation by path ignores the query). */
function pathOf(key: string): string {
  const query = key.indexOf('?');
  return query < 0 ? key : key.slice(0, query);
}

/** Bound on remembered invalidation marks; past it the oldest are forgotten conservatively (see `#invalidatedSince`). */
const MAX_MARKS = 50_000;

export class RouteStore {
  readonly #max: number;
  readonly #now: () => number;
  /** Insertion order is recency order: a touch re-inserts. */
  readonly #pages = new Map<string, StoredPage>();
  /** Invalidation counter; a render remembers its value when it starts (a ticket). */
  #generation = 0;
  /** Generation of the last invalidation of each tag / path. */
  readonly #tagMarks = new Map<string, number>();
  readonly #pathMarks = new Map<string, number>();
  /** Renders started before this generation are treated as crossed by an invalidation (marks were forgotten). */
  #forgottenBefore = 0;

  constructor(options: RouteStoreOptions = {}) {
    this.#max = Math.max(1, options.max ?? 2000);
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#pages.size;
  }

  /** The page under `key` if it may be served as a HIT now (and marks it recently used). */
  fresh(key: string): StoredPage | undefined {
    const page = this.#pages.get(key);
    if (page === undefined || page.stale || this.#now() > page.expiresAt) return undefined;
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  /** The last good copy under `key`, fresh or not (for stale-if-error). */
  lastGood(key: string): StoredPage | undefined {
    return this.#pages.get(key);
  }

  /** Taken when a render starts; `remember` compares it with the invalidations since. */
  ticket(): number {
    return this.#generation;
  }

  /** Stores a rendered page. Rendered across an invalidation of its tags or path: stored stale. */
  remember(key: string, input: PageToStore, ticket: number): StoredPage {
    const hitHeaders: string[] = [];
    for (const [name, value] of input.headers) {
      const lower = name.toLowerCase();
      if (CDN_ONLY_HEADERS.has(lower) || FRAMING_HEADERS.has(lower) || lower === 'set-cookie' || lower === CACHE_STATUS_HEADER.toLowerCase()) continue;
      hitHeaders.push(name, value);
    }
    hitHeaders.push('content-length', String(input.body.length), CACHE_STATUS_HEADER, 'HIT');
    const page: StoredPage = {
      status: input.status,
      body: input.body,
      headers: input.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie'),
      hitHeaders,
      tags: [...input.tags],
      expiresAt: this.#now() + input.maxAge * 1000,
      stale: this.#invalidatedSince(ticket, key, input.tags),
    };
    this.#pages.delete(key);
    if (this.#pages.size >= this.#max) {
      const oldest = this.#pages.keys().next().value;
      if (oldest !== undefined) this.#pages.delete(oldest);
    }
    this.#pages.set(key, page);
    return page;
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
    for (const [key, page] of this.#pages) {
      if (page.stale) continue;
      if ((options.path !== undefined && pathOf(key) === options.path) || page.tags.some((tag) => wanted.has(tag))) {
        page.stale = true;
        marked += 1;
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
 * that reaches it; the provider creates the store with its configured size, and the server
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
