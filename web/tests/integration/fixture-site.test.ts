/**
 * The whole site, both modes, built and served against the fixture CMS (a TEMPORARY stand-in
 * for the real CMS, see tests/helpers/fixture-cms.ts): the shared e2e suite, plus what only a
 * controllable CMS can show — a failing build, a publish appearing within 2 s after the
 * webhook, and the behaviour while the CMS is down, slow or answering nonsense.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSiteSuite, type SiteTarget } from '../e2e/suite';
import { startFixtureCms, type FixtureCms } from '../helpers/fixture-cms';
import { astroBuild, freePort, serveServer, serveStatic } from '../helpers/site-build';
import { sign } from '../../src/lib/webhook';

const SECRET = 'integration-secret';
const work = mkdtempSync(join(tmpdir(), 'gp-web-'));
let cms: FixtureCms;

beforeAll(async () => {
  cms = await startFixtureCms();
});

afterAll(async () => {
  await cms?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('static build', () => {
  const outDir = join(work, 'static');
  let target: SiteTarget;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    // Canonical and hreflang URLs are absolute (SITE_URL): build for the port it will be served on.
    const port = await freePort();
    const build = await astroBuild(outDir, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: `http://127.0.0.1:${port}` });
    if (build.code !== 0) throw new Error(`static build failed:\n${build.output}`);
    server = await serveStatic(outDir, port);
    target = { siteUrl: server.url, cmsUrl: cms.url, mode: 'static' };
  });
  afterAll(async () => server?.close());

  it('prerendered every locale, fallback pages included, with no client JavaScript', () => {
    for (const path of ['en/index.html', 'cs/index.html', 'ar/index.html', 'cs/practices/migracode/index.html', 'en/practices/page/2/index.html', 'ar/rss.xml', 'sitemap.xml']) {
      expect(existsSync(join(outDir, path)), path).toBe(true);
    }
    expect(readdirSync(join(outDir, '_astro')).filter((f) => f.endsWith('.js'))).toEqual([]);
    expect(readdirSync(join(outDir, '_astro')).filter((f) => f.endsWith('.css'))).toHaveLength(1);
  });

  defineSiteSuite(() => target);
});

describe('static build against a failing CMS', () => {
  it('fails, naming the URL and the cause, and writes no site', async () => {
    const port = await freePort();
    const outDir = join(work, 'static-down');
    const build = await astroBuild(outDir, { SITE_MODE: 'static', CMS_URL: `http://127.0.0.1:${port}` });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain(`http://127.0.0.1:${port}/api/good-practices/locales`);
    expect(build.output).toMatch(/unreachable|ECONNREFUSED/);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });

  it('fails on an answer that does not match the contract', async () => {
    const bad = await startFixtureCms();
    bad.setMode('wrong-shape');
    try {
      const build = await astroBuild(join(work, 'static-bad'), { SITE_MODE: 'static', CMS_URL: bad.url });
      expect(build.code).not.toBe(0);
      expect(build.output).toMatch(/does not match the API contract/);
      expect(existsSync(join(work, 'static-bad', 'index.html'))).toBe(false);
    } finally {
      await bad.close();
    }
  });
});

describe('server build', () => {
  const outDir = join(work, 'server');
  let site: Awaited<ReturnType<typeof serveServer>>;
  let target: SiteTarget;

  beforeAll(async () => {
    const port = await freePort();
    const build = await astroBuild(outDir, { SITE_MODE: 'server', SITE_URL: `http://127.0.0.1:${port}` });
    if (build.code !== 0) throw new Error(`server build failed:\n${build.output}`);
    expect(build.output).not.toMatch(/getStaticPaths\(\) ignored/);
    site = await serveServer(outDir, { CMS_URL: cms.url, REVALIDATE_SECRET: SECRET }, port);
    target = { siteUrl: site.url, cmsUrl: cms.url, mode: 'server', revalidateSecret: SECRET };
  });
  afterAll(async () => site?.close());

  defineSiteSuite(() => target);

  async function webhook(body: object): Promise<Response> {
    const raw = JSON.stringify(body);
    const ts = String(Math.floor(Date.now() / 1000));
    return fetch(`${site.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gp-timestamp': ts, 'x-gp-signature': sign(SECRET, ts, raw) },
      body: raw,
    });
  }

  it('shows a publish within 2 s of the webhook', async () => {
    const path = `${site.url}/en/practices/practice-7/`;
    await fetch(path);
    expect((await fetch(path)).headers.get('x-astro-cache')).toBe('HIT');
    const practice = cms.content.practices.find((p) => p.slug === 'practice-7' && p.locale === 'en')!;
    practice.title = 'Practice seven, edited';
    // Still the cached page until the CMS says it changed.
    expect(await (await fetch(path)).text()).not.toContain('Practice seven, edited');
    const started = Date.now();
    expect((await webhook({ event: 'entry.publish', model: 'practice', entry: { slug: 'practice-7', locale: 'en', documentId: practice.documentId } })).status).toBe(200);
    let seen = false;
    while (!seen && Date.now() - started < 2000) {
      seen = (await (await fetch(path)).text()).includes('Practice seven, edited');
    }
    expect(seen).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    // The list shows it too (tag "practices").
    expect(await (await fetch(`${site.url}/en/practices/?q=seven`)).text()).toContain('Practice seven, edited');
  });

  it('serves the last good page while the CMS is down, and a plain 503 for pages never seen', async () => {
    const good = `${site.url}/en/practices/practice-8/`;
    expect((await fetch(good)).status).toBe(200);
    await webhook({ model: 'practice', entry: { slug: 'practice-8' } });
    for (const mode of ['down-500', 'garbage', 'wrong-shape'] as const) {
      cms.setMode(mode);
      try {
        const stale = await fetch(good);
        expect(stale.status, mode).toBe(200);
        expect(stale.headers.get('x-astro-cache'), mode).toBe('STALE-IF-ERROR');
        expect(await stale.text()).toContain('Practice number 8');
        const never = await fetch(`${site.url}/en/practices/practice-9/`);
        expect(never.status, mode).toBe(503);
        expect(never.headers.get('retry-after')).toBe('30');
        const text = await never.text();
        expect(text).not.toMatch(/at .*\.(js|ts|mjs):\d+|CmsError|127\.0\.0\.1/);
      } finally {
        cms.setMode('ok');
      }
    }
  });

  it('answers 503 within the 2 s CMS timeout when the CMS is slow', async () => {
    cms.setMode('slow');
    try {
      const started = Date.now();
      const response = await fetch(`${site.url}/cs/practices/portal-uznavani-kvalifikaci/`);
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      cms.setMode('ok');
    }
  });

  it('redirects a default-locale slug to the translation under its own slug', async () => {
    const response = await fetch(`${site.url}/cs/practices/czech-qualification-recognition-portal/`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toContain('/cs/practices/portal-uznavani-kvalifikaci/');
  });

  it('ignores unknown filter keys instead of failing (the CMS answers 400 to them)', async () => {
    const page = await fetch(`${site.url}/en/practices/?groupMet=no-such-group&itemMet=no.such.1&country=NL`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('class="notice" role="note"');
    expect(html).toContain('5 practices');
    expect((await fetch(`${site.url}/en/practices/criteria/no-such-group/`)).status).toBe(404);
  });

  it('renders hostile editor Markdown inert', async () => {
    const html = await (await fetch(`${site.url}/en/practices/migracode/`)).text();
    expect(html).toContain('<em>emphasis</em>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });
});
