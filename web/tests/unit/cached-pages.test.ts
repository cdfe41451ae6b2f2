/**
 * The server's fast path, over real HTTP: fresh pages stored by the cache provider are answered
 * from Node with the headers the provider's HIT has; everything else reaches the next handler
 * (Astro in the real server).
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READS_LIST_QUERY_TAG } from '../../src/lib/cache/tags';
import { createStaleIfErrorProvider } from '../../src/lib/cache/provider';
import { RouteStore } from '../../src/lib/cache/route-store';
import { createCachedPageHandler } from '../../src/server/cached-pages';

const logger = { info() {}, warn() {}, error() {} };
let now = 1_000_000;
const store = new RouteStore({ now: () => now });
const provider = createStaleIfErrorProvider({ store });
let server: Server;
let origin: string;
const reachedAstro: string[] = [];

/** What a page rendered by Astro + the site's middleware looks like when it reaches the provider. */
function rendered(body: string, tags: string[]): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/html',
      'Cache-Control': 'no-cache',
      'CDN-Cache-Control': 'max-age=300',
      'Cache-Tag': tags.join(','),
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The provider's answer, as Astro's cache handler passes it on (CDN-only headers removed). */
async function throughProvider(path: string, render: () => Response): Promise<Response> {
  const url = new URL(path, origin);
  const response = await provider.onRequest!({ request: new Request(url), url, logger }, async () => render());
  response.headers.delete('CDN-Cache-Control');
  response.headers.delete('Cache-Tag');
  return response;
}

function send(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const answerFromCache = createCachedPageHandler(() => store);
  server = createServer((req, res) => {
    if (answerFromCache(req, res)) return;
    reachedAstro.push(`${req.method} ${req.url}`);
    res.writeHead(418, { 'content-type': 'text/plain' }).end('astro');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('cached pages answered before Astro', () => {
  it('answers a fresh page with the bytes and headers of the provider’s HIT', async () => {
    const body = '<!doctype html><p>Práctica</p>';
    await throughProvider('/es/practices/a/', () => rendered(body, ['site', 'practice:a']));
    const providerHit = await throughProvider('/es/practices/a/', () => {
      throw new Error('a HIT must not render');
    });
    expect(providerHit.headers.get('x-astro-cache')).toBe('HIT');

    const fast = await send('GET', '/es/practices/a/');
    expect(fast.status).toBe(200);
    expect(fast.body).toBe(body);
    const expected: Record<string, string> = {};
    providerHit.headers.forEach((value, name) => (expected[name] = value));
    const { 'content-length': length, connection: _connection, 'keep-alive': _keepAlive, date: _date, ...rest } = fast.headers;
    expect(rest).toEqual(expected);
    expect(Number(length)).toBe(Buffer.byteLength(body));
    expect(reachedAstro).toEqual([]);
  });

  it('answers HEAD without a body, and a query with tracking parameters from the same page', async () => {
    const head = await send('HEAD', '/es/practices/a/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['x-astro-cache']).toBe('HIT');
    expect((await send('GET', '/es/practices/a/?utm_source=news')).headers['x-astro-cache']).toBe('HIT');
    // The page reads no query: any query string is that page.
    expect((await send('GET', '/es/practices/a/?x=1&page=2')).headers['x-astro-cache']).toBe('HIT');
    expect(reachedAstro).toEqual([]);
  });

  it('leaves other methods, unknown pages, invalidated and expired pages to Astro', async () => {
    expect((await send('POST', '/es/practices/a/')).status).toBe(418);
    expect((await send('GET', '/es/practices/b/')).status).toBe(418);
    await throughProvider('/es/practices/', () => rendered('list', ['practices', READS_LIST_QUERY_TAG]));
    expect((await send('GET', '/es/practices/?utm_source=x')).status).toBe(200);
    expect((await send('GET', '/es/practices/?page=2')).status).toBe(418);

    await throughProvider('/es/about/', () => rendered('about', ['site']));
    expect((await send('GET', '/es/about/')).status).toBe(200);
    await provider.invalidate({ tags: ['practice:a'] });
    expect((await send('GET', '/es/practices/a/')).status).toBe(418);
    expect((await send('GET', '/es/about/')).status).toBe(200);

    now += 301_000;
    expect((await send('GET', '/es/about/')).status).toBe(418);
    expect(reachedAstro).toEqual(['POST /es/practices/a/', 'GET /es/practices/b/', 'GET /es/practices/?page=2', 'GET /es/practices/a/', 'GET /es/about/']);
  });
});
