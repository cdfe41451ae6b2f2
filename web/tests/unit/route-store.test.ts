/** The route store shared by the cache provider and the server's fast path. */
import { describe, expect, it } from 'vitest';
import { cacheKey, cacheKeyOfTarget } from '../../src/lib/cache/cache-key';
import { RouteStore, type PageToStore } from '../../src/lib/cache/route-store';

function page(body: string, tags: string[], maxAge = 300, headers: [string, string][] = []): PageToStore {
  return { status: 200, body: Buffer.from(body), headers: [['content-type', 'text/html'], ...headers], tags, maxAge };
}

describe('route store', () => {
  it('serves a page fresh until its max-age, then only as the last good copy', () => {
    let now = 1_000;
    const store = new RouteStore({ now: () => now });
    store.remember('/en/', page('home', ['site'], 60), store.ticket());
    expect(store.fresh('/en/')?.body.toString()).toBe('home');
    now += 60_000;
    expect(store.fresh('/en/')).toBeDefined();
    now += 1;
    expect(store.fresh('/en/')).toBeUndefined();
    expect(store.lastGood('/en/')?.body.toString()).toBe('home');
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
    expect(stored.hitHeaders).toEqual(['content-type', 'text/html', 'x-content-type-options', 'nosniff', 'content-length', '6', 'X-Astro-Cache', 'HIT']);
    expect(stored.headers.map(([name]) => name)).not.toContain('set-cookie');
  });

  it('invalidates by tag and by path (any query), leaving the last good copy', () => {
    const store = new RouteStore();
    store.remember('/en/practices/a/', page('a', ['practice:a']), store.ticket());
    store.remember('/en/practices/b/', page('b', ['practice:b']), store.ticket());
    store.remember('/en/practices/?q=x', page('list', ['practices']), store.ticket());
    expect(store.invalidate({ tags: ['practice:a'] })).toBe(1);
    expect(store.fresh('/en/practices/a/')).toBeUndefined();
    expect(store.lastGood('/en/practices/a/')?.body.toString()).toBe('a');
    expect(store.fresh('/en/practices/b/')).toBeDefined();
    expect(store.invalidate({ path: '/en/practices/' })).toBe(1);
    expect(store.fresh('/en/practices/?q=x')).toBeUndefined();
  });

  it('stores a render that an invalidation of its tags or path overtook as stale', () => {
    const store = new RouteStore();
    const before = store.ticket();
    store.invalidate({ tags: ['practice:a'] });
    store.remember('/en/practices/a/', page('old a', ['practice:a', 'site']), before);
    expect(store.fresh('/en/practices/a/')).toBeUndefined();
    expect(store.lastGood('/en/practices/a/')?.body.toString()).toBe('old a');
    // Other tags: unaffected.
    store.remember('/en/practices/b/', page('b', ['practice:b']), before);
    expect(store.fresh('/en/practices/b/')).toBeDefined();
    // By path.
    const ticket = store.ticket();
    store.invalidate({ path: '/en/about/' });
    store.remember('/en/about/?x=1', page('about', ['site']), ticket);
    expect(store.fresh('/en/about/?x=1')).toBeUndefined();
    // A render that starts after the invalidation is fresh.
    store.remember('/en/practices/a/', page('new a', ['practice:a']), store.ticket());
    expect(store.fresh('/en/practices/a/')?.body.toString()).toBe('new a');
  });

  it('drops the least recently used page when full', () => {
    const store = new RouteStore({ max: 2 });
    store.remember('/a/', page('a', []), store.ticket());
    store.remember('/b/', page('b', []), store.ticket());
    store.fresh('/a/');
    store.remember('/c/', page('c', []), store.ticket());
    expect(store.size).toBe(2);
    expect(store.lastGood('/b/')).toBeUndefined();
    expect(store.lastGood('/a/')).toBeDefined();
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
    ];
    for (const target of targets) {
      expect(cacheKeyOfTarget(target), target).toBe(cacheKey(new URL(`http://127.0.0.1:4321${target}`)));
    }
  });

  it('is undefined for targets that are not paths', () => {
    expect(cacheKeyOfTarget('*')).toBeUndefined();
    expect(cacheKeyOfTarget('http://other.test/en/')).toBeUndefined();
  });
});
