/**
 * Issue 12 item 6 over real HTTP: CORS grants credentials only to the admin's own origin, the
 * CMS's public address (PUBLIC_URL) and the site (SITE_URL); Strapi's default reflected any
 * Origin with credentials, so any page could read a fresh admin token through an editor's browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDatabase, startStrapi, type DatabaseKind, type RunningStrapi } from '../harness/strapi.ts';

// The database of this file's vitest project: SQLite, and PostgreSQL in the postgres project.
const databases: DatabaseKind[] = [defaultDatabase()];

const SITE = 'https://site.example.org';
const PUBLIC = 'https://cms.example.org';
const EVIL = 'https://evil.example';

describe.each(databases)('CORS on %s', (database) => {
  let cms: RunningStrapi;

  beforeAll(async () => {
    cms = await startStrapi({ database, env: { SITE_URL: `${SITE}/some/path`, PUBLIC_URL: PUBLIC } });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const preflight = (origin: string, path = '/admin/access-token') =>
    fetch(`${cms.url}${path}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });

  it('gives a foreign origin neither its origin back nor credentials (GET, POST and preflight)', async () => {
    const answers = [
      await fetch(`${cms.url}/admin/init`, { headers: { Origin: EVIL } }),
      await fetch(`${cms.url}/admin/access-token`, { method: 'POST', headers: { Origin: EVIL, 'Content-Type': 'application/json' }, body: '{}' }),
      await preflight(EVIL),
    ];
    for (const response of answers) {
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it.each([
    ['the site (SITE_URL)', SITE],
    ['the public CMS address (PUBLIC_URL)', PUBLIC],
  ])('allows %s with credentials', async (_, origin) => {
    for (const response of [await fetch(`${cms.url}/admin/init`, { headers: { Origin: origin } }), await preflight(origin)]) {
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    }
  });

  it("allows the admin's own origin (the address it is served from)", async () => {
    const response = await preflight(cms.url);
    expect(response.headers.get('access-control-allow-origin')).toBe(cms.url);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('does not take a look-alike of an allowed origin', async () => {
    for (const origin of [`${SITE}.evil.example`, 'http://site.example.org', `${SITE}:8443`, 'null']) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('opens the public read API to any origin, without credentials (open data)', async () => {
    const path = '/api/good-practices/practices?locale=en';
    const answers = [
      await fetch(`${cms.url}${path}`, { headers: { Origin: EVIL } }),
      await fetch(`${cms.url}${path}`, { method: 'HEAD', headers: { Origin: EVIL } }),
      await fetch(`${cms.url}${path}`, { method: 'OPTIONS', headers: { Origin: EVIL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } }),
    ];
    for (const response of answers) {
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBe(EVIL);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('keeps writes and non-public paths closed to a foreign origin', async () => {
    const answers = [
      await preflight(EVIL, '/api/good-practices/practices'),
      await fetch(`${cms.url}/api/good-practices/practices`, { method: 'POST', headers: { Origin: EVIL, 'Content-Type': 'application/json' }, body: '{}' }),
      await fetch(`${cms.url}/api/upload/files`, { headers: { Origin: EVIL } }),
      await fetch(`${cms.url}/admin/good-practices/framework`, { headers: { Origin: EVIL } }),
    ];
    for (const response of answers) {
      await response.arrayBuffer();
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});
