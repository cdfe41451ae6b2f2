/** The route-cache provider: fresh hits, invalidation by tag, and the last good copy on CMS failure. */
import { describe, expect, it } from 'vitest';
import { canonicalTag, READS_LIST_QUERY_TAG } from '../../src/lib/cache/tags';
import { CMS_UNAVAILABLE_HEADER, createStaleIfErrorProvider, routeCacheLimits } from '../../src/lib/cache/provider';

const logger = { info() {}, warn() {}, error() {} };

function page(body: string, tags: string[], maxAge = 300): Response {
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/html', 'CDN-Cache-Control': `max-age=${maxAge}`, 'Cache-Tag': tags.join(', ') },
  });
}

function unavailable(): Response {
  return new Response('503', { status: 503, headers: { [CMS_UNAVAILABLE_HEADER]: '1', 'Retry-After': '30' } });
}

async function get(provider: ReturnType<typeof createStaleIfErrorProvider>, path: string, render: () => Response) {
  const url = new URL(path, 'http://site.test');
  return provider.onRequest!({ request: new Request(url), url, logger }, async () => render());
}

describe('stale-if-error route cache', () => {
  it('serves a fresh copy without rendering again', async () => {
    const provider = createStaleIfErrorProvider();
    let renders = 0;
    const render = () => (renders++, page('v1', ['practice:a']));
    expect((await get(provider, '/en/practices/a/', render)).headers.get('X-Astro-Cache')).toBe('MISS');
    const hit = await get(provider, '/en/practices/a/', render);
    expect(hit.headers.get('X-Astro-Cache')).toBe('HIT');
    expect(await hit.text()).toBe('v1');
    expect(renders).toBe(1);
  });

  it('re-renders after invalidation by tag, and only the tagged pages', async () => {
    const provider = createStaleIfErrorProvider();
    await get(provider, '/en/practices/a/', () => page('a1', ['practice:a']));
    await get(provider, '/en/practices/b/', () => page('b1', ['practice:b']));
    await provider.invalidate({ tags: ['practice:a'] });
    const a = await get(provider, '/en/practices/a/', () => page('a2', ['practice:a']));
    expect(await a.text()).toBe('a2');
    const b = await get(provider, '/en/practices/b/', () => page('b2', ['practice:b']));
    expect(await b.text()).toBe('b1');
  });

  it('serves the last good copy when the CMS fails after invalidation', async () => {
    const provider = createStaleIfErrorProvider();
    await get(provider, '/en/', () => page('good', ['site']));
    await provider.invalidate({ tags: ['site'] });
    const stale = await get(provider, '/en/', unavailable);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('X-Astro-Cache')).toBe('STALE-IF-ERROR');
    expect(stale.headers.get('Cache-Control')).toBe('no-store');
    expect(await stale.text()).toBe('good');

  });

  it('serves a copy until its max-age, then renders again, and serves the expired copy when the CMS fails', async () => {
    // The store's clock, moved by hand: expiry is a matter of the page's max-age, not of this machine's speed.
    let now = 1_000_000;
    const provider = createStaleIfErrorProvider({ now: () => now });
    let renders = 0;
    await get(provider, '/en/expiring/', () => (renders++, page('old', ['site'], 60)));
    now += 60_000;
    expect((await get(provider, '/en/expiring/', () => (renders++, page('new', ['site'], 60)))).headers.get('X-Astro-Cache')).toBe('HIT');
    expect(renders).toBe(1);
    now += 1;
    const stale = await get(provider, '/en/expiring/', unavailable);
    expect(stale.headers.get('X-Astro-Cache')).toBe('STALE-IF-ERROR');
    expect(await stale.text()).toBe('old');
    const fresh = await get(provider, '/en/expiring/', () => (renders++, page('new', ['site'], 60)));
    expect(fresh.headers.get('X-Astro-Cache')).toBe('MISS');
    expect(await fresh.text()).toBe('new');
    expect(renders).toBe(2);
  });

  it('does not cache a max-age under a second (it rounds down to none)', async () => {
    const provider = createStaleIfErrorProvider();
    await get(provider, '/en/blink/', () => page('once', ['site'], 0.001));
    expect(provider.size()).toBe(0);
    expect(await (await get(provider, '/en/blink/', unavailable)).text()).toBe('503');
  });

  it('passes the 503 through when there is no good copy, without the internal marker', async () => {
    const provider = createStaleIfErrorProvider();
    const response = await get(provider, '/en/never-seen/', unavailable);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('30');
    expect(response.headers.has(CMS_UNAVAILABLE_HEADER)).toBe(false);
  });

  it('does not cache responses without max-age, errors, or null bodies', async () => {
    const provider = createStaleIfErrorProvider();
    await get(provider, '/x/', () => new Response('no cache header'));
    await get(provider, '/y/', () => new Response(null, { status: 404, headers: { 'CDN-Cache-Control': 'max-age=60' } }));
    await get(provider, '/z/', () => new Response('oops', { status: 500, headers: { 'CDN-Cache-Control': 'max-age=60' } }));
    expect(provider.size()).toBe(0);
  });

  it('answers a page that reads no query for every query string, from one entry', async () => {
    const provider = createStaleIfErrorProvider();
    let renders = 0;
    const render = () => (renders++, page('a', ['practice:a', canonicalTag('/en/practices/a/')]));
    await get(provider, '/en/practices/a/?x=1', render);
    for (let i = 2; i < 50; i++) expect((await get(provider, `/en/practices/a/?x=${i}&q=${i}`, render)).headers.get('X-Astro-Cache')).toBe('HIT');
    expect(renders).toBe(1);
    expect(provider.stats().canonical.entries).toBe(1);
  });

  it('keys a page that reads the list query by the list parameters, normalised', async () => {
    const provider = createStaleIfErrorProvider();
    let renders = 0;
    const render = () => (renders++, page(`list ${renders}`, ['practices', READS_LIST_QUERY_TAG]));
    await get(provider, '/en/practices/?sort=title:asc&q=a&utm_source=x', render);
    const hit = await get(provider, '/en/practices/?q=%20a%20&sort=title%3Aasc&junk=1', render);
    expect(hit.headers.get('X-Astro-Cache')).toBe('HIT');
    expect(await hit.text()).toBe('list 1');
    expect((await get(provider, '/en/practices/?q=b', render)).headers.get('X-Astro-Cache')).toBe('MISS');
    expect(renders).toBe(2);
  });

  it('keeps a page in the canonical tier only when it was requested at the canonical path it declares', async () => {
    const provider = createStaleIfErrorProvider();
    const declared = () => page('a', ['practice:a', canonicalTag('/en/practices/a/')]);
    await get(provider, '/en/practices/%61/', declared);
    await get(provider, '/en/practices/a', declared);
    await get(provider, '/en/practices/?q=a', () => page('list', [READS_LIST_QUERY_TAG, canonicalTag('/en/practices/')]));
    await get(provider, '/en/practices/no-such/', () => new Response('not found', { status: 404, headers: { 'CDN-Cache-Control': 'max-age=60', 'Cache-Tag': canonicalTag('/en/practices/no-such/') } }));
    expect(provider.stats().canonical.entries).toBe(0);
    expect(provider.stats().other.entries).toBe(4);
    await get(provider, '/en/practices/a/?utm_source=x', declared);
    await get(provider, '/en/practices/', () => page('list', [READS_LIST_QUERY_TAG, canonicalTag('/en/practices/')]));
    expect(provider.stats().canonical.entries).toBe(2);
  });

  it('keeps the canonical pages through a flood of other URLs, and serves them while the CMS is down', async () => {
    const provider = createStaleIfErrorProvider({ canonical: { maxEntries: 10 }, other: { maxEntries: 20 } });
    await get(provider, '/en/', () => page('home', ['site', canonicalTag('/en/')]));
    for (let i = 0; i < 2000; i++) {
      await get(provider, `/en/practices/?q=${i}`, () => page(`search ${i}`, ['site', READS_LIST_QUERY_TAG]));
      await get(provider, `/en/practices/nope-${i}/`, () => new Response('nf', { status: 404, headers: { 'CDN-Cache-Control': 'max-age=60', 'Cache-Tag': 'site' } }));
    }
    await provider.invalidate({ tags: ['site'] });
    const stale = await get(provider, '/en/?x=1', unavailable);
    expect(stale.headers.get('X-Astro-Cache')).toBe('STALE-IF-ERROR');
    expect(await stale.text()).toBe('home');
    expect(provider.stats().other.entries).toBe(20);
  });

  it('reads its bounds from the environment, refusing malformed values', () => {
    expect(routeCacheLimits({}, { max: 1234 })).toEqual({
      canonical: { maxEntries: 1234, maxBytes: 128 * 1024 * 1024 },
      other: { maxEntries: 500, maxBytes: 16 * 1024 * 1024 },
    });
    expect(routeCacheLimits({ ROUTE_CACHE_PAGES: '50', ROUTE_CACHE_PAGES_MB: '8', ROUTE_CACHE_OTHER: ' 7 ', ROUTE_CACHE_OTHER_MB: '1' }, { max: 1234 })).toEqual({
      canonical: { maxEntries: 50, maxBytes: 8 * 1024 * 1024 },
      other: { maxEntries: 7, maxBytes: 1024 * 1024 },
    });
    for (const bad of ['0', '-1', '1.5', 'lots', '1e3']) {
      expect(() => routeCacheLimits({ ROUTE_CACHE_OTHER: bad }), bad).toThrow(`ROUTE_CACHE_OTHER must be a positive integer, not "${bad}"`);
    }
  });

  it('never caches non-GET requests (a HEAD must not store an empty body)', async () => {
    const provider = createStaleIfErrorProvider();
    const url = new URL('http://site.test/api/revalidate');
    await provider.onRequest!({ request: new Request(url, { method: 'POST', body: '{}' }), url, logger }, async () => page('x', []));
    const head = new URL('http://site.test/en/');
    await provider.onRequest!({ request: new Request(head, { method: 'HEAD' }), url: head, logger }, async () => page('', ['site']));
    expect(provider.size()).toBe(0);
  });
});
