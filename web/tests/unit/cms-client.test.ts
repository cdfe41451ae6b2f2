/**
 * The CMS client against a real local HTTP server that misbehaves on purpose: silent, nonsense,
 * 500, wrong shape, HTML 404, closed port. Every failure must be a CmsError naming URL and cause.
 *
 * The silent scenarios never finish their answer: only the client's own timeout can end the
 * request, so no test depends on how fast this machine is (a server that answered "late", after
 * a delay, would race the timeout on a loaded machine).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CmsError, createCmsClient, DEFAULT_TIMEOUT_MS, findCmsError } from '../../src/lib/cms/client';

let server: Server;
let base: string;
/** Requests of the `reset-once` scenario so far: the first connection of each pair is reset. */
let resetOnceRequests = 0;

const locales = { data: [{ code: 'en', name: 'English (en)', isDefault: true, dir: 'ltr', fallbacks: [] }] };

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const scenario = url.searchParams.get('locale') ?? url.pathname.split('/').pop();
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    switch (scenario) {
      case 'silent':
        // Never answers: held until the client gives up (or the server closes).
        return;
      case 'silent-body':
        // Starts a valid answer and never finishes it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":');
        return;
      case 'nonsense':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<!doctype html><p>Maintenance</p>');
        return;
      case 'boom':
        return json(500, { data: null, error: { status: 500, name: 'InternalServerError', message: 'database is locked' } });
      case 'bare500':
        res.writeHead(502);
        res.end('Bad Gateway');
        return;
      case 'shape':
        return json(200, { data: [{ code: 'EN!', isDefault: 'yes' }] });
      case 'missing':
        return json(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
      case 'html404':
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
        return;
      case 'locales':
        return json(200, locales);
      case 'versions-short':
        // Announces more practices than it lists (a cut answer, a proxy's truncation).
        return json(200, { data: [{ documentId: 'd1', locale: 'en', slug: 'one', digest: 'x' }], meta: { total: 2 } });
      case 'reset-once':
        if (resetOnceRequests++ % 2 === 0) {
          req.socket.destroy();
          return;
        }
        return json(200, { data: { locale: 'en', groups: [] } });
      default:
        return json(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<CmsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CmsError);
    return error as CmsError;
  }
  throw new Error('expected a CmsError');
}

describe('CMS client', () => {
  it('parses a valid answer with the contract schema', async () => {
    const client = createCmsClient({ baseUrl: base });
    expect(await client.locales()).toEqual(locales.data);
  });

  it('times out an answer that does not come, naming the URL', async () => {
    const client = createCmsClient({ baseUrl: base, timeoutMs: 300 });
    const error = await failure(client.site('silent'));
    expect(error.kind).toBe('timeout');
    expect(error.url).toBe(`${base}/api/good-practices/site?locale=silent`);
    expect(error.message).toContain(error.url);
    expect(error.message).toMatch(/timed out/);
  });

  it('times out a body that stalls mid-way', async () => {
    const client = createCmsClient({ baseUrl: base, timeoutMs: 300 });
    const error = await failure(client.site('silent-body'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/body not complete/);
  });

  // How long the client waits is the duration of the timeout signal it hands to `fetch`:
  // observed there (the signal itself stays real), not measured on the clock.
  const timeoutsAsked = () => vi.spyOn(AbortSignal, 'timeout');

  it('uses a 2 s timeout by default', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(2000);
    const asked = timeoutsAsked();
    const error = await failure(createCmsClient({ baseUrl: base }).site('silent'));
    expect(error.kind).toBe('timeout');
    expect(asked.mock.calls.map(([ms]) => ms)).toEqual([2000]);
    expect(error.message).toContain('no answer within 2000 ms');
  });

  it('waits as long as it is told to', async () => {
    const asked = timeoutsAsked();
    await createCmsClient({ baseUrl: base, timeoutMs: 60_000 }).locales();
    await failure(createCmsClient({ baseUrl: base, timeoutMs: 250 }).site('silent'));
    expect(asked.mock.calls.map(([ms]) => ms)).toEqual([60_000, 250]);
  });

  it('reports nonsense (not JSON) as invalid-json', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.site('nonsense'));
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toContain('/api/good-practices/site?locale=nonsense');
    expect(error.message).toContain('Maintenance');
  });

  it('reports a 500 with the status and the CMS error message', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.site('boom'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/HTTP 500.*database is locked/);
  });

  it('reports a non-JSON error status', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.site('bare500'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('reports an answer that does not match the contract as a schema error, with the path', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.framework('shape'));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('does not match the API contract');
    expect(error.message).toMatch(/\(data: /);
  });

  it('resolves the API 404 envelope to null for single entries', async () => {
    const client = createCmsClient({ baseUrl: base });
    expect(await client.site('missing')).toBeNull();
    expect(await client.practice('no-such-practice', 'en')).toBeNull();
  });

  it('treats an HTML 404 (wrong CMS_URL) as an error, not as missing content', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.site('html404'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
  });

  it('reports a closed port as unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createCmsClient({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await failure(client.locales());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`http://127.0.0.1:${port}/api/good-practices/locales`);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses practice versions that do not add up to the total they announce', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.practiceVersions('versions-short'));
    expect(error.kind).toBe('schema');
    expect(error.message).toMatch(/announced 2 practices but listed 1/);
  });

  it('refuses a list query the contract rejects, before sending it', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.practices({ locale: 'en', country: 'Germany' } as never));
    expect(error.kind).toBe('invalid-query');
  });

  it('sends a GET again after a connection reset only when asked to (the static build)', async () => {
    resetOnceRequests = 0;
    const visitor = createCmsClient({ baseUrl: base });
    const error = await failure(visitor.framework('reset-once'));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/ECONNRESET|socket/i);
    resetOnceRequests = 0;
    const build = createCmsClient({ baseUrl: base, resetRetries: 1 });
    expect(await build.framework('reset-once')).toEqual({ locale: 'en', groups: [] });
    expect(resetOnceRequests).toBe(2);
  });

  it('refuses a bulk detail page larger than the contract allows, before sending it', async () => {
    const client = createCmsClient({ baseUrl: base });
    const error = await failure(client.practiceDetails({ locale: 'en', page: 1, pageSize: 500 }));
    expect(error.kind).toBe('invalid-query');
    expect(error.url).toContain('/api/good-practices/practice-details');
  });

  it('finds a CmsError wrapped as the cause of another error', () => {
    const inner = new CmsError('http://x/api', 'timeout', 'slow');
    const wrapped = new Error('LiveCollectionError', { cause: inner });
    expect(findCmsError(wrapped)).toBe(inner);
    expect(findCmsError(new Error('other'))).toBeUndefined();
  });
});
