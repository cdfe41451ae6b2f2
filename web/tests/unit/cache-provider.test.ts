/** The route-cache provider: fresh hits, invalidation by tag, and the last good copy on CMS failure. */
import { describe, expect, it } from 'vitest';
import { cacheKey, CMS_UNAVAILABLE_HEADER, createStaleIfErrorProvider } from '../../src/lib/cache/provider';

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

  it('serves the last good copy when the CMS fails after invalidation or expiry', async () => {
    const provider = createStaleIfErrorProvider();
    await get(provider, '/en/', () => page('good', ['site']));
    await provider.invalidate({ tags: ['site'] });
    const stale = await get(provider, '/en/', unavailable);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('X-Astro-Cache')).toBe('STALE-IF-ERROR');
    expect(stale.headers.get('Cache-Control')).toBe('no-store');
    expect(await stale.text()).toBe('good');

    await get(provider, '/en/expired/', () => page('old', ['site'], 0.001));
    await new Promise((r) => setTimeout(r, 20));
    expect(await (await get(provider, '/en/expired/', unavailable)).text()).toBe('503');
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

  it('keys by path and sorted query, ignoring tracking parameters', () => {
    expect(cacheKey(new URL('http://s/en/practices/?sort=title:asc&q=a&utm_source=x'))).toBe('/en/practices/?q=a&sort=title%3Aasc');
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
