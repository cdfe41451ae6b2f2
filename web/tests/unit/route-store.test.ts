/** The route store shared by the cache provider and the server's fast path. */
import { describe, expect, it } from 'vitest';
import { cacheKeyOfTarget, requestKey, type RequestKey } from '../../src/lib/cache/cache-key';
import { RouteStore, type PageToStore } from '../../src/lib/cache/route-store';

function page(body: string, tags: string[], maxAge = 300, headers: [string, string][] = [], more: Partial<PageToStore> = {}): PageToStore {
  return { status: 200, body: Buffer.from(body), headers: [['content-type', 'text/html'], ...headers], tags, maxAge, ...more };
}

/** The request key of a path with its query, e.g. `/en/practices/?q=x`. */
const at = (target: string): RequestKey => requestKey(new URL(target, 'http://site.test'));

describe('route store', () => {
  it('serves a page fresh until its max-age, then only as the last good copy', () => {
    let now = 1_000;
    const store = new RouteStore({ now: () => now });
    store.remember('/en/', page('home', ['site'], 60), store.ticket());
    expect(store.fresh(at('/en/'))?.body.toString()).toBe('home');
    now += 60_000;
    expect(store.fresh(at('/en/'))).toBeDefined();
    now += 1;
    expect(store.fresh(at('/en/'))).toBeUndefined();
    expect(store.lastGood(at('/en/'))?.body.toString()).toBe('home');
  });

  it('prebuilds the HIT headers: CDN-only and framing headers out, length and cache status in', () => {
    const store = new RouteStore();
    const stored = store.remember(
      '/en/',
      page('héllo', ['site'], 60, [
        ['CDN-Cache-Control', 'max-age=60'],
        ['Cache-Tag', 'site'],
        ['transfer-encoding', 'chunked'],
        ['set-cookie', 'a=b'],
        ['X-Astro-Cache', 'MISS'],
        ['x-content-type-options', 'nosniff'],
      ]),
      store.ticket(),
    );
    expect(stored!.hitHeaders).toEqual(['content-type', 'text/html', 'x-content-type-options', 'nosniff', 'content-length', '6', 'X-Astro-Cache', 'HIT']);
    expect(stored!.headers.map(([name]) => name)).not.toContain('set-cookie');
  });

  it('invalidates by tag and by path (any query), leaving the last good copy', () => {
    const store = new RouteStore();
    store.remember('/en/practices/a/', page('a', ['practice:a']), store.ticket());
    store.remember('/en/practices/b/', page('b', ['practice:b']), store.ticket());
    store.remember('/en/practices/?q=x', page('list', ['practices'], 300, [], { readsQuery: true }), store.ticket());
    expect(store.invalidate({ tags: ['practice:a'] })).toBe(1);
    expect(store.fresh(at('/en/practices/a/'))).toBeUndefined();
    expect(store.lastGood(at('/en/practices/a/'))?.body.toString()).toBe('a');
    expect(store.fresh(at('/en/practices/b/'))).toBeDefined();
    expect(store.invalidate({ path: '/en/practices/' })).toBe(1);
    expect(store.fresh(at('/en/practices/?q=x'))).toBeUndefined();
  });

  it('stores a render that an invalidation of its tags or path overtook as stale', () => {
    const store = new RouteStore();
    const before = store.ticket();
    store.invalidate({ tags: ['practice:a'] });
    store.remember('/en/practices/a/', page('old a', ['practice:a', 'site']), before);
    expect(store.fresh(at('/en/practices/a/'))).toBeUndefined();
    expect(store.lastGood(at('/en/practices/a/'))?.body.toString()).toBe('old a');
    // Other tags: unaffected.
    store.remember('/en/practices/b/', page('b', ['practice:b']), before);
    expect(store.fresh(at('/en/practices/b/'))).toBeDefined();
    // By path.
    const ticket = store.ticket();
    store.invalidate({ path: '/en/about/' });
    store.remember('/en/about/', page('about', ['site']), ticket);
    expect(store.fresh(at('/en/about/?x=1'))).toBeUndefined();
    // A render that starts after the invalidation is fresh.
    store.remember('/en/practices/a/', page('new a', ['practice:a']), store.ticket());
    expect(store.fresh(at('/en/practices/a/'))?.body.toString()).toBe('new a');
  });

  it('drops the least recently used page when full', () => {
    const store = new RouteStore({ other: { maxEntries: 2 } });
    store.remember('/a/', page('a', []), store.ticket());
    store.remember('/b/', page('b', []), store.ticket());
    store.fresh(at('/a/'));
    store.remember('/c/', page('c', []), store.ticket());
    expect(store.size).toBe(2);
    expect(store.lastGood(at('/b/'))).toBeUndefined();
    expect(store.lastGood(at('/a/'))).toBeDefined();
  });
});

describe('route store lookup by path, then by list query', () => {
  it('answers every query string of a page that reads none from its one entry', () => {
    const store = new RouteStore();
    store.remember('/en/practices/a/', page('a', ['practice:a']), store.ticket());
    for (const target of ['/en/practices/a/', '/en/practices/a/?x=1', '/en/practices/a/?q=code&page=2', '/en/practices/a/?utm_source=n']) {
      expect(store.fresh(at(target))?.body.toString(), target).toBe('a');
    }
    expect(store.size).toBe(1);
  });

  it('keys a page that reads the list query by its normalised list parameters only', () => {
    const store = new RouteStore();
    const list = (body: string) => page(body, ['practices'], 300, [], { readsQuery: true });
    store.remember('/en/practices/', list('all'), store.ticket());
    store.remember('/en/practices/?q=code', list('code'), store.ticket());
    expect(store.fresh(at('/en/practices/'))?.body.toString()).toBe('all');
    expect(store.fresh(at('/en/practices/?x=1&utm_source=y'))?.body.toString()).toBe('all');
    expect(store.fresh(at('/en/practices/?page=1&sort=updatedAt:desc&q='))?.body.toString()).toBe('all');
    expect(store.fresh(at('/en/practices/?q=%20code%20&x=9'))?.body.toString()).toBe('code');
    expect(store.fresh(at('/en/practices/?q=other'))).toBeUndefined();
    // Another page's entry never answers for the list.
    expect(store.fresh(at('/en/practices/?q=code&page=2'))).toBeUndefined();
  });
});

describe('route store tiers', () => {
  const canonical = (body: string) => page(body, ['site'], 300, [], { canonical: true });

  it('never evicts a canonical page for other pages, however many arrive', () => {
    const store = new RouteStore({ canonical: { maxEntries: 3 }, other: { maxEntries: 10 } });
    store.remember('/en/', canonical('home'), store.ticket());
    store.remember('/en/practices/a/', canonical('a'), store.ticket());
    for (let i = 0; i < 5000; i++) {
      store.remember(`/en/practices/?q=${i}`, page(`search ${i}`, ['practices'], 300, [], { readsQuery: true }), store.ticket());
    }
    expect(store.lastGood(at('/en/'))?.body.toString()).toBe('home');
    expect(store.lastGood(at('/en/practices/a/'))?.body.toString()).toBe('a');
    const stats = store.stats();
    expect(stats.canonical.entries).toBe(2);
    expect(stats.other.entries).toBe(10);
    expect(store.lastGood(at('/en/practices/?q=4999'))?.body.toString()).toBe('search 4999');
    expect(store.lastGood(at('/en/practices/?q=4989'))).toBeUndefined();
  });

  it('bounds each tier in bytes too, least recently used out first; a page larger than its tier is not stored', () => {
    const body = 'x'.repeat(10_000);
    const store = new RouteStore({ canonical: { maxBytes: 35_000 }, other: { maxBytes: 5_000 } });
    for (const slug of ['a', 'b', 'c']) store.remember(`/en/practices/${slug}/`, canonical(body), store.ticket());
    store.fresh(at('/en/practices/a/'));
    store.remember('/en/practices/d/', canonical(body), store.ticket());
    expect(store.lastGood(at('/en/practices/b/'))).toBeUndefined();
    expect(store.lastGood(at('/en/practices/a/'))).toBeDefined();
    const stats = store.stats();
    expect(stats.canonical.entries).toBe(3);
    expect(stats.canonical.bytes).toBeGreaterThan(30_000);
    expect(stats.canonical.bytes).toBeLessThanOrEqual(35_000);
    expect(store.remember('/en/practices/?q=big', page(body, [], 300, [], { readsQuery: true }), store.ticket())).toBeUndefined();
    expect(store.stats().other).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('moves a page between tiers when it is stored again, counting it once', () => {
    const store = new RouteStore();
    store.remember('/en/about/', page('about', ['site']), store.ticket());
    store.remember('/en/about/', canonical('about'), store.ticket());
    const stats = store.stats();
    expect([stats.canonical.entries, stats.other.entries]).toEqual([1, 0]);
    expect(stats.other.bytes).toBe(0);
  });

  it('invalidates pages in both tiers', () => {
    const store = new RouteStore();
    store.remember('/en/', canonical('home'), store.ticket());
    store.remember('/en/practices/?q=x', page('list', ['site'], 300, [], { readsQuery: true }), store.ticket());
    expect(store.invalidate({ tags: ['site'] })).toBe(2);
    expect(store.fresh(at('/en/'))).toBeUndefined();
    expect(store.lastGood(at('/en/'))?.body.toString()).toBe('home');
  });
});

describe('cache key of a raw request target', () => {
  it('is the key Astro computes from the URL it builds', () => {
    const targets = [
      '/en/practices/a/',
      '/en/practices/a',
      '/ar/practices/%D8%A3/',
      '/en/practices/a.json',
      '//en//practices/',
      '/en/practices/?sort=title:asc&q=a&utm_source=x',
      '/en/practices/?fbclid=1',
      '/en/./practices/../about/',
      '/en/%2e%2E/about/',
      '/en/practices/a b/',
      '/en/practices/ä/',
      '/en/practices/a\\b/',
      '/en/practices/a#frag',
      '/en/practices/?page=abc&page=2&q=%20x%20',
    ];
    for (const target of targets) {
      expect(cacheKeyOfTarget(target), target).toEqual(requestKey(new URL(`http://127.0.0.1:4321${target}`)));
    }
  });

  it('is undefined for targets that are not paths', () => {
    expect(cacheKeyOfTarget('*')).toBeUndefined();
    expect(cacheKeyOfTarget('http://other.test/en/')).toBeUndefined();
  });
});
