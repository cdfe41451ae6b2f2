/**
 * The shared route store (`ROUTE_CACHE_SHARED=on`, with `REDIS_URL`): a page rendered by one site
 * instance serves the others, so that N instances render a page once per change, not N times.
 *
 * It sits behind each instance's own store (../route-store.ts), never in front: a request is
 * answered from the process's memory when it can, asks Redis only on a local miss, and a page
 * found in Redis is copied into the local store (the fast path serves it from then on). Only
 * pages of the canonical tier are shared: they are bounded by the content, whereas searches and
 * odd spellings are an unbounded space of URLs that one instance rarely shares with another.
 *
 * Same invalidation semantics as the local store, across instances:
 *  - an invalidation by tag or path makes every page with that tag or path stale for every
 *    instance at once: it increments one generation counter and marks each tag / path with the
 *    new generation, in one script (atomic);
 *  - a render remembers the generation when it starts (`ticket`); its page is fresh only while no
 *    mark of its tags or path is newer, so a render overtaken by an invalidation is never served
 *    fresh (stored, but read as stale).
 * Stale pages are not served from here at all: each instance keeps its own last good copies for
 * stale-if-error; a shared page only lives while it is fresh (its key expires with it).
 *
 * Bounded: at most `maxEntries` pages (an index sorted by storage time; the oldest are dropped
 * past the bound), each at most `maxPageBytes`, each gone when its max-age ends. Marks expire
 * after `MARK_TTL_SECONDS`, far beyond any page's lifetime (a mark only matters to pages stored
 * before it, which expire within their max-age).
 *
 * Redis failing or slow (../redis/connection.ts: short timeouts, no offline queue): a lookup is a
 * miss, a store is skipped, an invalidation is the bus's business. Nothing here throws.
 */
import type { Redis } from 'ioredis';
import type { RequestKey } from '../cache-key';

/** A mark outlives every page it could concern (pages live minutes). */
const MARK_TTL_SECONDS = 3600;

/** INCR the generation and set every mark to it, atomically: KEYS[1] the counter, KEYS[2…] the marks, ARGV[1] their TTL. */
const INVALIDATE_SCRIPT = `
local generation = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], generation, 'EX', ARGV[1]) end
return generation`;

/** Add a page and drop the oldest beyond the bound: KEYS[1] the page, KEYS[2] the index; ARGV: meta, body, ttl ms, now, max entries, key prefix of pages, stored key. */
const STORE_SCRIPT = `
redis.call('HSET', KEYS[1], 'meta', ARGV[1], 'body', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[7])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if excess > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  for _, stored in ipairs(oldest) do redis.call('DEL', ARGV[6] .. stored) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
return 1`;

/** What is kept of a page in Redis besides its body. */
interface SharedMeta {
  status: number;
  headers: [string, string][];
  tags: string[];
  /** Epoch ms. */
  expiresAt: number;
  readsQuery: boolean;
  /** Generation when its render started. */
  ticket: number;
}

export interface SharedPage {
  status: number;
  body: Buffer<ArrayBuffer>;
  headers: [string, string][];
  tags: string[];
  expiresAt: number;
  readsQuery: boolean;
}

export interface SharedRouteStoreOptions {
  /** Pages kept at most (default 2000, the canonical tier's default). */
  maxEntries?: number;
  /** Larger pages are not shared (default 1 MiB). */
  maxPageBytes?: number;
  now?: () => number;
}

function pathOf(stored: string): string {
  const query = stored.indexOf('?');
  return query < 0 ? stored : stored.slice(0, query);
}

export class SharedRouteStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #maxEntries: number;
  readonly #maxPageBytes: number;
  readonly #now: () => number;

  /** `prefix`: the prefix of this store's keys (see ./connection.ts). */
  constructor(redis: Redis, prefix: string, options: SharedRouteStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#maxPageBytes = options.maxPageBytes ?? 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  #page(stored: string): string {
    return `${this.#prefix}page:${stored}`;
  }
  #tagMark(tag: string): string {
    return `${this.#prefix}mark:tag:${tag}`;
  }
  #pathMark(path: string): string {
    return `${this.#prefix}mark:path:${path}`;
  }
  get #generation(): string {
    return `${this.#prefix}generation`;
  }
  get #index(): string {
    return `${this.#prefix}pages`;
  }

  /** The generation now, taken when a render starts; undefined when Redis does not answer (the render is then not shared). */
  async ticket(): Promise<number | undefined> {
    try {
      return Number((await this.#redis.get(this.#generation)) ?? 0);
    } catch {
      return undefined;
    }
  }

  /** The fresh page that answers `key` (by path, or by path and query when the page read the query); undefined otherwise. */
  async fresh(key: RequestKey): Promise<SharedPage | undefined> {
    try {
      const byPath = await this.#read(key.path);
      if (byPath !== undefined && (!byPath.readsQuery || key.query === '')) return byPath;
      if (key.query === '' || byPath === undefined) return undefined;
      return await this.#read(`${key.path}?${key.query}`);
    } catch {
      return undefined;
    }
  }

  async #read(stored: string): Promise<SharedPage | undefined> {
    const [metaRaw, body] = await this.#redis.hmgetBuffer(this.#page(stored), 'meta', 'body');
    if (metaRaw == null || body == null) return undefined;
    const meta = JSON.parse(metaRaw.toString('utf8')) as SharedMeta;
    if (this.#now() > meta.expiresAt) return undefined;
    const marks = await this.#redis.mget(this.#pathMark(pathOf(stored)), ...meta.tags.map((tag) => this.#tagMark(tag)));
    if (marks.some((mark) => mark !== null && Number(mark) > meta.ticket)) return undefined;
    return { status: meta.status, body: Buffer.from(body), headers: meta.headers, tags: meta.tags, expiresAt: meta.expiresAt, readsQuery: meta.readsQuery };
  }

  /** Shares a page stored under `stored`, rendered since `ticket`, fresh for `maxAge` seconds. Resolves to whether it was shared. */
  async remember(
    stored: string,
    page: { status: number; body: Buffer; headers: readonly (readonly [string, string])[]; tags: readonly string[]; maxAge: number; readsQuery: boolean },
    ticket: number,
  ): Promise<boolean> {
    if (page.body.length > this.#maxPageBytes || page.maxAge <= 0) return false;
    const now = this.#now();
    const meta: SharedMeta = {
      status: page.status,
      headers: page.headers.filter(([name]) => name.toLowerCase() !== 'set-cookie').map(([name, value]) => [name, value]),
      tags: [...page.tags],
      expiresAt: now + page.maxAge * 1000,
      readsQuery: page.readsQuery,
      ticket,
    };
    try {
      await this.#redis.eval(STORE_SCRIPT, 2, this.#page(stored), this.#index, JSON.stringify(meta), page.body, page.maxAge * 1000, now, this.#maxEntries, `${this.#prefix}page:`, stored);
      return true;
    } catch {
      return false;
    }
  }

  /** Makes every shared page with one of `tags`, or whose path is `path`, stale for every instance. Resolves to whether Redis took it. */
  async invalidate(options: { tags?: readonly string[]; path?: string }): Promise<boolean> {
    const marks = [...(options.tags ?? []).map((tag) => this.#tagMark(tag)), ...(options.path === undefined ? [] : [this.#pathMark(options.path)])];
    if (marks.length === 0) return true;
    try {
      await this.#redis.eval(INVALIDATE_SCRIPT, marks.length + 1, this.#generation, ...marks, MARK_TTL_SECONDS);
      return true;
    } catch {
      return false;
    }
  }

  /** Pages shared now (tests, operators). */
  async size(): Promise<number> {
    return this.#redis.zcard(this.#index);
  }
}
