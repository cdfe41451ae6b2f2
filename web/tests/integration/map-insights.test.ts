/**
 * Saved-search feeds, the map and the insights pages (issue 15, items 2–4), in both modes, against
 * the REAL CMS (booted in-process, demo content plus a few practices written through the Document
 * Service): what they show is what the CMS's API says; feeds per list state; unknown values not
 * stored in the route cache; a draft never shows, a publish shows on request; axe in en and ar;
 * no JavaScript at all on these pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insights, PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { createPractice, documentIdByKey, documents, INTEGRATION_AREA, PRACTICE } from '../../../cms/src/plugins/good-practices/tests/support/practices.ts';
import { AXE_TAGS, violationLines } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { decode } from '../helpers/html-text';
import { astroBuild, freePort, serveServer, serveStatic, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { formatNumber, formatPercent } from '../../src/lib/i18n';
import { defaultLabels } from '../../src/lib/i18n/labels';

const SECRET = 'map-insights-secret';
const work = mkdtempSync(join(tmpdir(), 'gp-map-'));
const serverOut = SHARED_SERVER_OUT;
const staticOut = join(work, 'static');

let cms: RunningStrapi;
let api: CmsClient;
let staticSite: Awaited<ReturnType<typeof serveStatic>>;
let serverSite: Awaited<ReturnType<typeof serveServer>>;

beforeAll(async () => {
  const serverPort = await freePort();
  const serverOrigin = `http://127.0.0.1:${serverPort}`;
  const serverBuild = sharedServerBuild();
  cms = await startStrapi({ env: { SITE_REVALIDATE_URL: `${serverOrigin}/api/revalidate`, REVALIDATE_SECRET: SECRET } });
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  const server = await serverBuild;
  if (server.code !== 0) throw new Error(`server build failed:\n${server.output}`);
  serverSite = await serveServer(serverOut, { CMS_URL: cms.url, REVALIDATE_SECRET: SECRET }, serverPort);

  await seedDemoContent(cms.strapi);
  const { strapi } = cms;
  const area = (key: string) => documentIdByKey(strapi, INTEGRATION_AREA, key);
  await createPractice(strapi, { title: 'Berlin welcome desk', slug: 'berlin-welcome-desk', country: 'DE', integrationAreas: [await area('employment')], assessment: { 'inclusivity.accessible-services.1': 'met' } });
  await createPractice(strapi, { title: 'Hamburg mentors', slug: 'hamburg-mentors', country: 'DE', integrationAreas: [await area('language-learning')], assessment: {} });
  // A draft only: Malta must appear nowhere until it is published.
  await createPractice(strapi, { title: 'Valletta draft', slug: 'valletta-draft', country: 'MT', assessment: { 'relevance.migrant-needs.1': 'met' } }, { status: 'draft' });

  // Each locale's site texts as the pages show them (the demo translates them; a key missing
  // there falls back to the English default, as on the site).
  for (const locale of ['en', 'ar']) siteLabels.set(locale, (await api.site(locale))?.labels ?? {});

  const staticPort = await freePort();
  const build = await astroBuild(staticOut, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: `http://127.0.0.1:${staticPort}` });
  if (build.code !== 0) throw new Error(`static build failed:\n${build.output}`);
  staticSite = await serveStatic(staticOut, staticPort);
}, 600_000);

afterAll(async () => {
  await closeBrowser();
  await serverSite?.close();
  await staticSite?.close();
  await cms?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function get(url: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}
const countryName = (code: string, locale: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code)!;
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
const siteLabels = new Map<string, Record<string, string>>();
const label = (locale: string, key: keyof typeof defaultLabels) => siteLabels.get(locale)?.[key] ?? defaultLabels[key];
const counted = (count: number, locale = 'en') => (count === 1 ? label(locale, 'insights.countedOne') : fill(label(locale, 'insights.counted'), { count: String(count) }));
const share = (met: number, total: number, locale: string) =>
  fill(label(locale, 'insights.share'), { met: formatNumber(met, locale), total: formatNumber(total, locale), percent: formatPercent(total ? met / total : 0, locale) });
const feedLinks = (xml: string) => [...xml.matchAll(/<item>\s*<title>[^<]*<\/title>\s*<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
const slugsOf = (practices: PracticeSummary[], locale: string) => practices.map((p) => `/${locale}/practices/${p.slug}/`).sort();

const modes = [
  ['static', () => staticSite.url],
  ['server', () => serverSite.url],
] as const;

describe.each(modes)('%s mode', (mode, origin) => {
  const site = (path: string) => `${origin()}${path}`;

  describe('saved-search feeds', () => {
    it('has a feed per list state with the same filters, linked from the list page', async () => {
      for (const locale of ['en', 'ar']) {
        const all = await api.allPractices(locale);
        const whole = await get(site(`/${locale}/practices/feed.xml`));
        expect(whole.status).toBe(200);
        // The static test host types .xml as application/xml; the server says RSS.
        expect(whole.type).toContain(mode === 'server' ? 'application/rss+xml' : 'xml');
        expect(feedLinks(whole.text).sort()).toEqual(slugsOf(all, locale));

        const german = await get(site(`/${locale}/practices/country/DE/feed.xml`));
        expect(german.status).toBe(200);
        expect(feedLinks(german.text).sort()).toEqual(slugsOf(all.filter((p) => p.country === 'DE'), locale));
        expect(german.text).toContain(`<title>`);
        expect(decode(german.text)).toContain(countryName('DE', locale));

        const employment = await get(site(`/${locale}/practices/area/employment/feed.xml`));
        expect(feedLinks(employment.text).sort()).toEqual(slugsOf(all.filter((p) => p.integrationAreas.some((a) => a.key === 'employment')), locale));

        const list = await get(site(`/${locale}/practices/country/DE/`));
        expect(list.text).toContain(`<link rel="alternate" type="application/rss+xml" title="${label(locale, 'feed.listTitle')}" href="/${locale}/practices/country/DE/feed.xml">`);
        expect(list.text).toMatch(new RegExp(`<a class="feed-link" href="/${locale}/practices/country/DE/feed.xml"[^>]*>${label(locale, 'feed.thisList')}</a>`));
      }
      expect((await get(site('/en/practices/country/ZZ/feed.xml'))).status).toBe(404);
      expect((await get(site('/en/practices/page/2/feed.xml'))).status).toBe(404);
    });

    it('never lists a draft', async () => {
      const feed = await get(site('/en/practices/feed.xml'));
      expect(feed.text).not.toContain('valletta-draft');
      expect((await get(site('/en/practices/country/MT/feed.xml'))).status).toBe(404);
    });
  });

  describe('map', () => {
    it('shades and links every country with published practices, with the same numbers in a table, names in the visitor language', async () => {
      for (const locale of ['en', 'ar']) {
        const all = await api.allPractices(locale);
        const counts = new Map<string, number>();
        for (const p of all) if (p.country) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
        const page = await get(site(`/${locale}/map/`));
        expect(page.status).toBe(200);
        const html = decode(page.text);
        expect(page.text).toMatch(/<svg viewBox="0 0 960 \d+" aria-labelledby="map-svg-title" aria-describedby="map-svg-desc">\s*<title id="map-svg-title">/);
        const links = [...page.text.matchAll(/<a href="([^"]+)" aria-label="([^"]+)" class="shade-(\d)">/g)].map((m) => ({ href: m[1]!, label: decode(m[2]!), shade: Number(m[3]) }));
        expect(links.map((l) => l.href).sort()).toEqual([...counts.keys()].map((c) => `/${locale}/practices/country/${c}/`).sort());
        for (const [code, count] of counts) {
          const link = links.find((l) => l.href.endsWith(`/${code}/`))!;
          expect(link.label).toBe(
            count === 1
              ? fill(label(locale, 'map.countryLinkOne'), { country: countryName(code, locale) })
              : fill(label(locale, 'map.countryLink'), { country: countryName(code, locale), count: formatNumber(count, locale) }),
          );
          expect(link.shade).toBeGreaterThan(0);
          expect(html).toContain(`<tr><th scope="row"><a href="/${locale}/practices/country/${code}/">${countryName(code, locale)}</a></th><td class="num">${formatNumber(count, locale)}</td></tr>`);
          expect((await get(site(link.href))).status).toBe(200);
        }
        // The most practices: the darkest shade in use, and the legend says it in words.
        const max = Math.max(...counts.values());
        expect(links.find((l) => counts.get(l.href.split('/').at(-2)!) === max)!.shade).toBe(Math.max(...links.map((l) => l.shade)));
        expect(html).toContain(label(locale, 'map.legendNone'));
        expect(html).not.toContain('Malta');
        expect(page.text).not.toMatch(/<script/i);
        const gz = gzipSync(page.text).length;
        console.info(`[map-insights.test] ${mode} /${locale}/map/: ${page.text.length} bytes, ${gz} gzipped`);
        expect(gz).toBeLessThan(40 * 1024);
      }
    });
  });

  describe('insights', () => {
    const itemsOf = (insights: Insights) => insights.groups.flatMap((g) => g.items);

    it('shows, per item, group and overall, the CMS counts formatted for the locale, least met first', async () => {
      for (const locale of ['en', 'ar']) {
        const insights = await api.insights({ locale });
        const page = await get(site(`/${locale}/insights/`));
        expect(page.status).toBe(200);
        const html = decode(page.text);
        for (const item of itemsOf(insights)) expect(html).toContain(share(item.met, insights.practices, locale));
        expect(html).toContain(fill(label(locale, 'insights.overallText'), { met: formatNumber(insights.met, locale), total: formatNumber(insights.checks, locale), percent: formatPercent(insights.met / insights.checks, locale) }));
        for (const group of insights.groups) expect(html).toContain(`<h2 id="group-${group.key}">${group.title}</h2>`);
        // The summary comes first and lists the least met items.
        const summary = html.slice(html.indexOf('id="least-met"'), html.indexOf('id="overall"'));
        const leastMet = Math.min(...itemsOf(insights).map((i) => i.met));
        expect(summary).toContain(share(leastMet, insights.practices, locale));
        expect(html.indexOf('id="least-met"')).toBeLessThan(html.indexOf(`id="group-${insights.groups[0]!.key}"`));
        expect(page.text).not.toMatch(/<script/i);
      }
    });

    it('narrows by country and by integration area', async () => {
      for (const [path, filter] of [
        ['/en/insights/country/DE/', { country: 'DE' }],
        ['/en/insights/area/employment/', { area: 'employment' }],
      ] as const) {
        const insights = await api.insights({ locale: 'en', ...filter });
        const page = await get(site(path));
        expect(page.status, path).toBe(200);
        const html = decode(page.text);
        expect(html).toContain(counted(insights.practices));
        for (const item of itemsOf(insights)) expect(html).toContain(share(item.met, insights.practices, 'en'));
      }
      expect((await get(site('/en/insights/country/MT/'))).status).toBe(404);
      expect((await get(site('/en/insights/area/no-such-area/'))).status).toBe(404);
      if (mode === 'server') {
        const insights = await api.insights({ locale: 'en', country: 'DE', area: 'employment' });
        const page = await get(site('/en/insights/?country=DE&area=employment'));
        expect(decode(page.text)).toContain(counted(insights.practices));
        expect(page.text).toMatch(/<form class="filters insights-filters" method="get" action="\/en\/insights\/"/);
      } else {
        expect(okText(await get(site('/en/insights/')))).toContain('href="/en/insights/country/DE/"');
      }
    });
  });

  it('lists the map and the insights in the sitemap and the main navigation', async () => {
    const sitemap = (await get(site('/sitemap.xml'))).text;
    expect(sitemap).toContain(`<loc>${site('/en/map/')}</loc>`);
    expect(sitemap).toContain(`<loc>${site('/en/insights/')}</loc>`);
    const home = (await get(site('/ar/'))).text;
    expect(home).toMatch(/<nav class="wrap main-nav"[\s\S]*href="\/ar\/map\/"[\s\S]*href="\/ar\/insights\/"[\s\S]*<\/nav>/);
  });

  it('has no WCAG 2.2 AA violations on the map and insights pages in en and ar, and loads no JavaScript', async () => {
    const session = await openPage();
    try {
      const report: string[] = [];
      const scripts: string[] = [];
      session.page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      for (const path of ['/en/map/', '/ar/map/', '/en/insights/', '/ar/insights/', '/en/insights/country/DE/']) {
        await session.page.goto(site(path));
        const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
        report.push(...violationLines(path, results.violations));
      }
      expect(report).toEqual([]);
      expect(scripts).toEqual([]);
    } finally {
      await session.close();
    }
  }, 240_000);
});

function okText(page: { status: number; text: string }): string {
  expect(page.status).toBe(200);
  return page.text;
}

describe('server mode: route cache and publication', () => {
  async function cacheStats(): Promise<{ canonical: { entries: number }; other: { entries: number } }> {
    const from = serverSite.log().length;
    process.kill(serverSite.pid, 'SIGUSR2');
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const line = /\[route-cache\] (\{.*\})\n/.exec(serverSite.log().slice(from));
      if (line) return JSON.parse(line[1]!);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no route cache report');
  }

  it('does not store feeds or insights asked with values that name nothing, nor junk parameters', async () => {
    const before = await cacheStats();
    for (let n = 0; n < 10; n++) {
      expect((await get(`${serverSite.url}/en/practices/feed.xml?area=no-such-${n}`)).status).toBe(200);
      expect((await get(`${serverSite.url}/en/practices/feed.xml?page=${n + 2}`)).status).toBe(200);
      expect((await get(`${serverSite.url}/en/insights/?area=no-such-${n}`)).status).toBe(200);
      expect((await get(`${serverSite.url}/en/insights/?country=DE&q=junk-${n}`)).status).toBe(200);
      expect((await get(`${serverSite.url}/en/insights/?country=${n}`)).status).toBe(200);
    }
    const after = await cacheStats();
    expect(after.other.entries + after.canonical.entries).toBe(before.other.entries + before.canonical.entries);
    // A search of known words is a page of its own (the check above can fail).
    await get(`${serverSite.url}/en/practices/feed.xml?q=mentors`);
    const searched = await cacheStats();
    expect(searched.other.entries + searched.canonical.entries).toBe(after.other.entries + after.canonical.entries + 1);
  });

  it('shows a practice on the map, in the feeds and in the insights once published, never as a draft', async () => {
    const url = (path: string) => `${serverSite.url}${path}`;
    const before = await api.insights({ locale: 'en' });
    expect((await get(url('/en/map/'))).text).not.toContain('Malta');
    expect((await get(url('/en/insights/'))).text).toContain(counted(before.practices));
    const draft = await cms.strapi.documents(PRACTICE as never).findFirst({ filters: { slug: 'valletta-draft' }, locale: 'en' } as never) as { documentId: string };
    await documents(cms.strapi, PRACTICE).publish({ documentId: draft.documentId, locale: 'en' });
    await expect.poll(async () => decode((await get(url('/en/map/'))).text), { timeout: 30_000, interval: 200 }).toContain('Malta: 1 practice');
    await expect.poll(async () => (await get(url('/en/insights/'))).text, { timeout: 30_000, interval: 200 }).toContain(counted(before.practices + 1));
    expect(feedLinks((await get(url('/en/practices/country/MT/feed.xml'))).text)).toEqual(['/en/practices/valletta-draft/']);
  });
});
