/**
 * URL floods against the route cache of the on-request site: the real server build (our entry in
 * front of @astrojs/node) reading the REAL CMS (compiled Strapi booted in-process by the CMS's
 * harness on a throw-away database of its project, seeded with the demo content) through the fault proxy
 * (tests/helpers/fault-proxy.ts), which can take the CMS down.
 *
 * Issue 12, item 7: thousands of junk `?x=N` URLs evicted every cached page, and with the CMS then
 * down the key pages answered 503. Here the key pages are rendered, the site is flooded over
 * loopback (7,000 requests per flood, 16 at a time), the CMS is taken down and every key page
 * must still answer 200 with the bytes it answered before. The store's occupancy is read from the
 * server's `SIGUSR2` report (one `[route-cache] {…}` line on stdout, see src/server/entry.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { freePort, serveServer, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { defaultLocaleOf } from '../../src/lib/i18n';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';

const SECRET = 'cache-flood-secret';
const FLOOD = 7_000;
const CONCURRENCY = 16;
const serverOut = SHARED_SERVER_OUT;

let cms: RunningStrapi;
let proxy: FaultProxy;
let api: CmsClient;
let site: Awaited<ReturnType<typeof serveServer>>;
let locales: Locale[];
let defaultCode: string;

beforeAll(async () => {
  const port = await freePort();
  const build = sharedServerBuild();
  cms = await startStrapi({ env: { REVALIDATE_SECRET: SECRET } });
  proxy = await startFaultProxy(cms.url);
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  const built = await build;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  await seedDemoContent(cms.strapi);
  site = await serveServer(serverOut, { CMS_URL: proxy.url, REVALIDATE_SECRET: SECRET }, port);
  locales = await api.locales();
  defaultCode = defaultLocaleOf(locales).code;
});

afterAll(async () => {
  await site?.close();
  await proxy?.close();
  await cms?.stop();
});

/** The pages a visitor must get even while the CMS is down, by path. */
async function keyPaths(): Promise<string[]> {
  const d = defaultCode;
  const practices = await api.allPractices(d);
  const tools = await api.tools(d);
  const country = practices.find((p) => p.country)?.country;
  expect(practices.length, 'demo practices').toBeGreaterThan(0);
  expect(tools.length, 'demo tools').toBeGreaterThan(0);
  expect(country, 'a practice with a country').toBeTruthy();
  const other = locales.find((l) => l.code !== d);
  const translated = other ? (await api.allPractices(other.code))[0] : undefined;
  return [
    ...locales.flatMap((l) => [`/${l.code}/`, `/${l.code}/practices/`]),
    `/${d}/framework/`,
    `/${d}/tools/`,
    `/${d}/tools/${tools[0]!.slug}/`,
    `/${d}/about/`,
    `/${d}/rss.xml`,
    '/sitemap.xml',
    `/${d}/practices/country/${country}/`,
    `/${d}/practices/${practices[0]!.slug}.json`,
    ...practices.map((p) => `/${d}/practices/${p.slug}/`),
    ...(translated && other ? [`/${other.code}/practices/${translated.slug}/`] : []),
  ];
}

/** GETs every URL, `CONCURRENCY` at a time, reading each body; counts the statuses. */
async function flood(urls: string[]): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(`${site.url}${url}`, { redirect: 'manual' });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

interface TierStats {
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}
interface CacheStats {
  canonical: TierStats;
  other: TierStats;
}

/** The route store's occupancy, as the server reports it on SIGUSR2. */
async function cacheStats(): Promise<CacheStats> {
  const from = site.log().length;
  process.kill(site.pid, 'SIGUSR2');
  // Generous: the report comes at once, but the server shares this machine's cores with builds.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const line = /\[route-cache\] (\{.*\})\n/.exec(site.log().slice(from));
    if (line) return JSON.parse(line[1]!) as CacheStats;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no route cache report in the server's log:\n${site.log().slice(from)}`);
}

async function render(paths: string[]): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const path of paths) {
    const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
    expect(response.status, path).toBe(200);
    bodies.set(path, await response.text());
  }
  return bodies;
}

describe('route cache under URL floods (server build, real CMS)', () => {
  it('answers junk query parameters from the page they do not change, creating no entry', { timeout: 600_000 }, async () => {
    const paths = await keyPaths();
    const bodies = await render(paths);
    // A never-seen junk parameter: the page's own entry, not a render of its own.
    for (const path of paths) {
      const response = await fetch(`${site.url}${path}?x=never-seen&utm_source=mail`, { redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-astro-cache'), path).toBe('HIT');
      expect(await response.text(), path).toBe(bodies.get(path));
    }
    const before = await cacheStats();
    const statuses = await flood(Array.from({ length: FLOOD }, (_, i) => `${paths[i % paths.length]}?x=${i}`));
    expect(statuses).toEqual({ 200: FLOOD });
    const after = await cacheStats();
    expect(after.canonical.entries).toBe(before.canonical.entries);
    expect(after.other.entries).toBe(before.other.entries);
    expect(after.canonical.entries).toBeGreaterThanOrEqual(paths.length);
  });

  it('gives invalid values of the list parameters one entry, and stores no page for values that name nothing', async () => {
    const d = defaultCode;
    const list = `/${d}/practices/`;
    const get = async (path: string) => {
      const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      return { status: response.status, cache: response.headers.get('x-astro-cache'), html: await response.text() };
    };
    // Unusable values: one page (the unfiltered list with its notice), stored once.
    const first = await get(`${list}?page=abc`);
    expect(first.status).toBe(200);
    expect(first.html).toContain('class="notice" role="note"');
    for (const junk of ['page=xyz&zz=1', 'page=999999', 'page=0&sort=bogus', `q=${'x'.repeat(300)}`, 'page=&page=abc&x=1']) {
      const again = await get(`${list}?${junk}`);
      expect([again.status, again.cache], junk).toEqual([200, 'HIT']);
      expect(again.html, junk).toBe(first.html);
    }
    const before = await cacheStats();
    // Values of the right form that name nothing the CMS knows: answered, never stored (no
    // X-Astro-Cache: neither a HIT nor a MISS that filled the store), however often asked.
    for (const junk of ['area=no-such-area', 'targetGroup=no-such-group', 'country=ZZ', 'groupMet=no-such', 'itemMet=no.such.1']) {
      for (let i = 0; i < 2; i++) {
        const answer = await get(`${list}?${junk}`);
        expect([answer.status, answer.cache], junk).toEqual([200, null]);
      }
    }
    // In the path (the form static hosting has): not found, as when prerendered.
    for (const path of ['area/no-such-area/', 'target-group/no-such-group/', 'country/ZZ/', 'criteria/no-such/', 'page/500/']) {
      expect((await get(`${list}${path}`)).status, path).toBe(404);
    }
    const after = await cacheStats();
    expect(after.other.entries).toBe(before.other.entries);
    expect(after.canonical.entries).toBe(before.canonical.entries);
  });

  it('keeps the last good copy of every key page through a flood of distinct URLs, then serves it while the CMS is down', { timeout: 600_000 }, async () => {
    const paths = await keyPaths();
    const d = defaultCode;
    const slug = (await api.allPractices(d))[0]!.slug;
    const bodies = await render(paths);

    // Searches (distinct pages by nature), unknown and invalid filter values, unknown slugs and
    // facet values, encoded and slash-less variants of a real page, junk on the list's query.
    const kinds = [
      (i: number) => `/${d}/practices/?q=flood-${i}`,
      (i: number) => `/${d}/practices/?area=no-such-area-${i}&sort=title:asc`,
      (i: number) => `/${d}/practices/?page=x${i}&zz=${i}`,
      (i: number) => `/${d}/practices/no-such-practice-${i}/`,
      (i: number) => `/${d}/practices/area/no-such-area-${i}/`,
      (i: number) => `/${d}/pr%61ctices/${slug}/?x=${i}`,
      (i: number) => `/${d}/practices/${slug}?v=${i}`,
    ];
    const statuses = await flood(Array.from({ length: FLOOD }, (_, i) => kinds[i % kinds.length]!(i)));
    console.info(`[cache-flood] ${FLOOD} flood requests: ${JSON.stringify(statuses)}`);

    // The CMS goes down right after an edit of the site texts made every page stale.
    const raw = JSON.stringify({ event: 'entry.update', createdAt: new Date().toISOString(), model: 'site', entry: { locale: d } });
    const ts = String(Math.floor(Date.now() / 1000));
    const hook = await fetch(`${site.url}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gp-timestamp': ts, 'x-gp-signature': sign(SECRET, ts, raw) },
      body: raw,
    });
    expect(hook.status).toBe(200);
    await proxy.setMode('refused');
    try {
      const failed: string[] = [];
      const served: Record<string, number> = {};
      for (const path of paths) {
        const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
        const text = await response.text();
        if (response.status !== 200 || text !== bodies.get(path)) failed.push(`${path}: ${response.status}`);
        // The last good copy; or a render (MISS) of a page that needs only the locale list and
        // site texts, which the site's data cache still holds (src/lib/cache/data-cache.ts).
        const status = String(response.headers.get('x-astro-cache'));
        served[status] = (served[status] ?? 0) + 1;
      }
      console.info(`[cache-flood] ${paths.length} key pages with the CMS down: ${JSON.stringify(served)}`);
      expect(failed, `key pages not served as before (of ${paths.length})`).toEqual([]);
      expect(served['STALE-IF-ERROR'], 'most key pages need the CMS: served from their last good copy').toBeGreaterThanOrEqual(paths.length - 4);
    } finally {
      await proxy.setMode('pass');
    }

    const after = await cacheStats();
    console.info(`[cache-flood] store after the flood: ${JSON.stringify(after)}`);
    // The canonical tier holds the key pages and nothing the flood made; the rest of the store
    // stayed within its bounds.
    expect(after.canonical.entries).toBe(paths.length);
    expect(after.other.entries).toBeLessThanOrEqual(after.other.maxEntries);
    expect(after.other.bytes).toBeLessThanOrEqual(after.other.maxBytes);
    expect(after.canonical.bytes).toBeLessThanOrEqual(after.canonical.maxBytes);
  });
});
