/**
 * The CDN purge hook against a real local HTTP endpoint: what it sends, and that no failure
 * (non-2xx, no answer, nothing listening) ever rejects — each is logged instead.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnPurgeConfigFromEnv, purgeCdn } from '../../src/lib/cdn/purge';
import { freePort } from '../helpers/site-build';

let server: Server;
let base: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/fails')) res.writeHead(502).end('bad gateway');
      else if (req.url === '/hangs') return; // never answers
      else res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function recordingLog() {
  const lines: string[] = [];
  return { lines, warn: (line: string) => lines.push(line) };
}

describe('CDN purge hook', () => {
  it('POSTs the tags as JSON with the bearer token', async () => {
    const log = recordingLog();
    const outcome = await purgeCdn({ url: `${base}/purge`, token: 'secret-token', timeoutMs: 5000 }, ['practice:a', 'practices'], log);
    expect(outcome).toEqual({ ok: true, status: 200 });
    const request = received.find((r) => r.path === '/purge')!;
    expect(JSON.parse(request.body)).toEqual({ tags: ['practice:a', 'practices'] });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer secret-token');
    expect(log.lines).toEqual([]);
  });

  it('sends no Authorization header without a token', async () => {
    await purgeCdn({ url: `${base}/no-token`, token: undefined, timeoutMs: 5000 }, ['site']);
    expect(received.find((r) => r.path === '/no-token')!.headers.authorization).toBeUndefined();
  });

  it('logs, never rejects: a non-2xx answer, no answer within the timeout, nothing listening', async () => {
    const log = recordingLog();
    expect(await purgeCdn({ url: `${base}/fails?key=hidden`, token: undefined, timeoutMs: 5000 }, ['site'], log)).toEqual({ ok: false, error: 'HTTP 502' });
    expect(await purgeCdn({ url: `${base}/hangs`, token: undefined, timeoutMs: 200 }, ['site'], log)).toEqual({ ok: false, error: 'no answer within 200 ms' });
    const closed = `http://127.0.0.1:${await freePort()}/purge`;
    expect(await purgeCdn({ url: closed, token: undefined, timeoutMs: 5000 }, ['site'], log)).toMatchObject({ ok: false });
    expect(log.lines).toHaveLength(3);
    // The URL's query may hold a key: it is never logged.
    expect(log.lines.join('\n')).not.toContain('hidden');
  });

  it('reads its settings from the environment, refusing malformed ones by name', () => {
    expect(cdnPurgeConfigFromEnv({})).toBeUndefined();
    expect(cdnPurgeConfigFromEnv({ CDN_PURGE_URL: '  ' })).toBeUndefined();
    expect(cdnPurgeConfigFromEnv({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_TOKEN: ' t ' })).toEqual({ url: 'https://cdn.example/purge', token: 't', timeoutMs: 5000 });
    expect(cdnPurgeConfigFromEnv({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_TIMEOUT_MS: '1500' })?.timeoutMs).toBe(1500);
    expect(() => cdnPurgeConfigFromEnv({ CDN_PURGE_URL: 'ftp://cdn.example/' })).toThrow(/CDN_PURGE_URL/);
    expect(() => cdnPurgeConfigFromEnv({ CDN_PURGE_URL: 'not a url' })).toThrow(/CDN_PURGE_URL/);
    expect(() => cdnPurgeConfigFromEnv({ CDN_PURGE_URL: 'https://cdn.example/', CDN_PURGE_TIMEOUT_MS: '0' })).toThrow(/CDN_PURGE_TIMEOUT_MS/);
  });
});
