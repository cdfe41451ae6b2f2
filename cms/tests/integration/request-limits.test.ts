/**
 * Issue 12 item 3 over real HTTP: the authentication routes refuse large, chunked or compressed
 * bodies before parsing them (src/middlewares/auth-body-caps.ts) and over-long e-mails before the
 * rate limiters (src/middlewares/auth-email-length.ts); other routes keep the parser's limits.
 */
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDatabase, startStrapi, type DatabaseKind, type RunningStrapi } from '../harness/strapi.ts';

// The database of this file's vitest project: SQLite, and PostgreSQL in the postgres project.
const databases: DatabaseKind[] = [defaultDatabase()];

/** The unauthenticated auth routes, with a body each would otherwise accept. */
const AUTH_ROUTES: { path: string; field: string }[] = [
  { path: '/admin/login', field: 'email' },
  { path: '/admin/forgot-password', field: 'email' },
  { path: '/admin/register-admin', field: 'email' },
  { path: '/admin/register', field: 'email' },
  { path: '/admin/reset-password', field: 'resetPasswordToken' },
  { path: '/api/auth/local', field: 'identifier' },
  { path: '/api/auth/local/register', field: 'email' },
  { path: '/api/auth/forgot-password', field: 'email' },
];

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request over a fresh connection; `chunks` are written as they come (chunked when no
 * Content-Length is given). Resolves on the answer even if the server closes before reading all.
 */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: Iterable<Buffer> }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers, agent: false });
    let answered = false;
    req.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => (body += piece));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunks = options.chunks?.[Symbol.iterator]();
    const pump = (): void => {
      for (let next = chunks?.next(); next && !next.done; next = chunks?.next()) {
        if (answered) return;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function* repeated(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

function jsonBody(field: string, valueLength: number): Buffer {
  const value = field === 'email' || field === 'identifier' ? `${'a'.repeat(Math.max(1, valueLength - 12))}@example.org` : 'x'.repeat(valueLength);
  return Buffer.from(JSON.stringify({ [field]: value, password: 'Not-the-password-1', firstname: 'A', lastname: 'B', username: 'someone' }));
}

describe.each(databases)('request limits on %s', (database) => {
  let cms: RunningStrapi;

  beforeAll(async () => {
    cms = await startStrapi({ database });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  describe('authentication routes', () => {
    it.each(AUTH_ROUTES)('$path answers 413 to a 900 KB body', async ({ path, field }) => {
      const body = jsonBody(field, 900 * 1024);
      const response = await raw(`${cms.url}${path}`, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, chunks: [body] });
      expect(response.status).toBe(413);
    });

    it.each(AUTH_ROUTES)('$path answers 413 to a 5 KB body (the cap is 4 KB)', async ({ path, field }) => {
      const body = jsonBody(field, 5 * 1024);
      const response = await raw(`${cms.url}${path}`, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, chunks: [body] });
      expect(response.status).toBe(413);
    });

    it('answers 413 from the declared length alone: a 200 MB body is never sent, let alone read', async () => {
      const response = await raw(`${cms.url}/admin/login`, {
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(200 * 1024 * 1024) },
        chunks: [Buffer.from('{"email":"')],
      });
      expect(response.status).toBe(413);
      expect(response.headers.connection).toBe('close');
    });

    it.each(['/admin/login', '/api/auth/local', '/api/auth/forgot-password'])('%s answers 411 to a chunked body (200 MB offered)', async (path) => {
      const response = await raw(`${cms.url}${path}`, {
        headers: { 'Content-Type': 'application/json' },
        chunks: [Buffer.from('{"email":"'), ...repeated(Buffer.alloc(64 * 1024, 0x61), 3200)],
      });
      expect(response.status).toBe(411);
    });

    it('answers 415 to a compressed body (a few KB of gzip can inflate to megabytes)', async () => {
      const body = gzipSync(jsonBody('email', 2 * 1024 * 1024));
      expect(body.length).toBeLessThan(4096);
      const response = await raw(`${cms.url}/admin/login`, {
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) },
        chunks: [body],
      });
      expect(response.status).toBe(415);
    });

    it.each(['/admin/login', '/admin/forgot-password', '/api/auth/forgot-password', '/api/auth/local/register'])(
      '%s refuses an e-mail over 254 characters with 400, naming the limit',
      async (path) => {
        const body = jsonBody('email', 255);
        const response = await raw(`${cms.url}${path}`, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, chunks: [body] });
        expect(response.status).toBe(400);
        expect(JSON.parse(response.body).error.message).toMatch(/254 characters/);
      },
    );

    it('still serves a small login: wrong credentials are answered by Strapi, not by the caps', async () => {
      const response = await fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${'a'.repeat(242)}@example.org`, password: 'Not-the-password-1' }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/invalid credentials/i);
    });

    it('matches the routes whatever the case, slashes or trailing slash', async () => {
      const body = jsonBody('email', 5 * 1024);
      for (const path of ['/ADMIN/Login', '/admin//login', '/admin/login/', '/api/auth/local/']) {
        const response = await raw(`${cms.url}${path}`, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, chunks: [body] });
        expect(response.status, path).toBe(413);
      }
    });

    it('leaves other routes to the body parser: a JSON body over 1 MB is refused with 413 there', async () => {
      const body = Buffer.from(JSON.stringify({ data: { title: 'x'.repeat(1100 * 1024) } }));
      const response = await raw(`${cms.url}/api/good-practices/practices`, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }, chunks: [body] });
      expect(response.status).toBe(413);
    });
  });
});
