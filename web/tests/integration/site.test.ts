/**
 * The whole site, both modes, built and served against the REAL CMS: the compiled Strapi app
 * booted in-process by the CMS's test harness (cms/tests/harness/strapi.ts) on a throw-away
 * database of the file's project (SQLite; PostgreSQL as well when TEST_DATABASE_URL is set), seeded with the demo content of `npm start` (cms/scripts/seed-demo.ts).
 *
 * One CMS, one static build and the shared server build (helpers/site-build.ts) for the whole file, shared by every block:
 * - static: `SITE_MODE=static` build into a temporary folder, served as plain files;
 * - server: `SITE_MODE=server` build run by @astrojs/node, reading the CMS through a fault
 *   injector (tests/helpers/fault-proxy.ts) so that the CMS can be made unreachable, slow or
 *   nonsensical without faking any of its answers.
 *
 * The demo content gets one more locale (German) with no text of its own, as an administrator
 * adding a language would leave it. The shared e2e suite (tests/e2e/suite.ts) runs against each mode; what it expects is learned
 * from the CMS's API. The checks below change content through the CMS's Document Service (what
 * the admin does); the CMS then calls the site's signed webhook itself (SITE_REVALIDATE_URL,
 * REVALIDATE_SECRET: the plugin's site notifier). To make a page stale without changing it (CMS
 * outage checks), the test signs the same webhook call with the site's own `sign`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceListQuery, practiceSorts, type Locale, type PracticeListQueryInput, type PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { signPreviewToken } from 'strapi-plugin-good-practices/contract/preview-token';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { defineSiteSuite, type SiteTarget } from '../e2e/suite';
import { defineStaticSearchChecks } from './static-search-checks';
import { AXE_TAGS, violationLines } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../helpers/fault-proxy';
import { astroBuild, freePort, serveServer, serveStatic, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { decode, splitJsonLd } from '../helpers/html-text';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { queryPractices } from '../../src/lib/data/static-query';
import { createTranslator, defaultLocaleOf, languageName } from '../../src/lib/i18n';
import AxeBuilder from '@axe-core/playwright';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import { SITE_DATA_TTL_SECONDS } from '../../src/lib/cache/data-cache';

const SECRET = 'integration-secret';
/** The draft preview: the site's secret (the admin's Preview URL carries it) and its CMS token. */
const PREVIEW_SECRET = 'preview+secret/of=the-integration-test';
const PREVIEW_TOKEN = 'site-preview-token-of-the-integration-test-0123456789';
const PRACTICE_UID = 'plugin::good-practices.practice';
/** A locale added after the demo content, with nothing translated into it. */
const BARE_LOCALE = 'de';

/** Static output needs nothing at run time: a temporary folder. */
const work = mkdtempSync(join(tmpdir(), 'gp-web-'));
/** The server build imports its dependencies at run time: it must live under web/ to find them. */
const serverOut = SHARED_SERVER_OUT;
const staticOut = join(work, 'static');

/** The Document Service without Strapi's generated types (they do not know plugin UIDs). */
interface Documents {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  findOne(params: Record<string, unknown>): Promise<Record<string, unknown> & { documentId: string } | null>;
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

interface StoredAnswer {
  questionKey: string;
  body: string;
  tools?: string[];
}

let cms: RunningStrapi;
let proxy: FaultProxy;
/** The site's own CMS client, straight to the CMS (not through the proxy): the expectations. */
let api: CmsClient;
let locales: Locale[];
let defaultLocale: Locale;
let staticSite: Awaited<ReturnType<typeof serveStatic>>;
let serverSite: Awaited<ReturnType<typeof serveServer>>;
let staticBuildSeconds = 0;

const practices = (): Documents => cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;

/**
 * How long a check waits for a change made in the CMS to show on a cached page. How fast it
 * shows is the benchmark's business, not a test's (builds, browsers and other CMS instances share
 * this machine's cores); what the tests check is that it shows long before any cached copy
 * expires on its own (pages: PAGE_MAX_AGE, 300 s; locales and site texts: SITE_DATA_TTL_SECONDS),
 * which only the CMS's webhook can explain.
 */
const CHANGE_SHOWN_WITHIN_MS = 30_000;
const untilShown = { timeout: CHANGE_SHOWN_WITHIN_MS, interval: 100 };

beforeAll(async () => {
  const started = Date.now();
  // The server build needs no CMS: it runs while the CMS boots.
  const serverPort = await freePort();
  const serverOrigin = `http://127.0.0.1:${serverPort}`;
  const serverBuild = sharedServerBuild();

  // The CMS tells the site about publications itself (plugin webhooks/site-notifier.ts), signed.
  cms = await startStrapi({
    env: { SITE_REVALIDATE_URL: `${serverOrigin}/api/revalidate`, REVALIDATE_SECRET: SECRET, SITE_PREVIEW_TOKEN: PREVIEW_TOKEN, PREVIEW_SECRET },
  });
  proxy = await startFaultProxy(cms.url);
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });

  const server = await serverBuild;
  if (server.code !== 0) throw new Error(`server build failed:\n${server.output}`);
  expect(server.output).not.toMatch(/getStaticPaths\(\) ignored/);
  // Up before the content is written, so that the CMS's notifications of the seed find it.
  serverSite = await serveServer(serverOut, { CMS_URL: proxy.url, REVALIDATE_SECRET: SECRET, SITE_PREVIEW_TOKEN: PREVIEW_TOKEN, PREVIEW_SECRET }, serverPort);
  const serverReady = Date.now();

  // Before the demo content, so that the demo's newest practice stays the suite's sample.
  await addOpenDataCases();
  await seedDemoContent(cms.strapi);
  // A language just added in the CMS, with no text of its own yet (not even the site texts): the
  // site must still serve it in full, in the fallback language, without being indexed. And a
  // partial Czech translation (addFallbackCases).
  await addFallbackCases();
  expect((await webhook({ event: 'locale.create', createdAt: new Date().toISOString(), model: 'locale', entry: { locale: BARE_LOCALE } })).status).toBe(200);
  const seeded = Date.now();
  locales = await api.locales();
  defaultLocale = defaultLocaleOf(locales);

  // Canonical and hreflang URLs are absolute (SITE_URL): build for the port it will be served on.
  const staticPort = await freePort();
  const staticStarted = Date.now();
  const build = await astroBuild(staticOut, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: `http://127.0.0.1:${staticPort}` });
  staticBuildSeconds = (Date.now() - staticStarted) / 1000;
  if (build.code !== 0) throw new Error(`static build failed:\n${build.output}`);
  staticSite = await serveStatic(staticOut, staticPort);
  console.info(
    `[site.test] CMS boot + server build (in parallel) ${((serverReady - started) / 1000).toFixed(1)} s; demo seed ${((seeded - serverReady) / 1000).toFixed(1)} s; ` +
      `static build ${staticBuildSeconds.toFixed(1)} s; ready after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

/**
 * The demo content translates practices into Spanish only: Czech gets a partial translation
 * (title, slug and summary, as through XLIFF), and a new locale `de` none at all; Arabic (RTL)
 * has none either and falls back to English.
 */
const PARTIAL = { title: 'Částečně přeložená praxe', slug: 'castecne-prelozena-praxe', summary: 'Shrnutí v češtině; zbytek zatím jen anglicky.' };
let partialSource: PracticeSummary;

/**
 * Open data cases: a published practice whose title a spreadsheet would run as a formula; a
 * published practice with a newer, unpublished draft; a practice that exists only as a draft.
 * Neither draft may reach the CSV, the JSON, the citations or the JSON-LD, in either mode.
 */
const OPEN_DATA = {
  formulaTitle: '=HYPERLINK("https://evil.example/","open data formula")',
  formulaSlug: 'open-data-formula',
  changedSlug: 'open-data-draft-change',
  draftTitle: 'OPENDATADRAFTCHANGE never published',
  draftOnlySlug: 'open-data-draft-only',
  draftOnlyTitle: 'OPENDATADRAFTONLY never published',
  organisation: 'Open Data Checks Association',
};

async function addOpenDataCases(): Promise<void> {
  const base = { summary: 'A practice of the open data checks.', organisation: OPEN_DATA.organisation, country: 'DE', projectStart: '2020-01-01', projectEnd: null, assessment: { 'inclusivity.accessible-services.1': 'met' } };
  const answers = [{ questionKey: 'inclusivity.accessible-services', body: 'An answer of the open data checks.', tools: [] }];
  await practices().create({ locale: 'en', status: 'published', data: { ...base, answers, title: OPEN_DATA.formulaTitle, slug: OPEN_DATA.formulaSlug } });
  const changed = await practices().create({ locale: 'en', status: 'published', data: { ...base, answers, title: 'Open data practice with a draft change', slug: OPEN_DATA.changedSlug } });
  await practices().update({ documentId: changed.documentId, locale: 'en', data: { title: OPEN_DATA.draftTitle, summary: OPEN_DATA.draftTitle } });
  await practices().create({ locale: 'en', data: { ...base, answers, title: OPEN_DATA.draftOnlyTitle, slug: OPEN_DATA.draftOnlySlug } });
}

/** The open data of a site in every locale: nothing of a draft, formulas defused. */
function defineOpenDataChecks(target: () => SiteTarget): void {
  it('never shows a draft in the CSV, the JSON, the citations or the JSON-LD, and defuses formulas', async () => {
    const siteUrl = target().siteUrl;
    for (const l of locales) {
      const csv = await (await fetch(`${siteUrl}/${l.code}/practices.csv`)).text();
      const json = await (await fetch(`${siteUrl}/${l.code}/practices.json`)).text();
      for (const body of [csv, json]) {
        expect(body).not.toContain('OPENDATADRAFT');
        expect(body).not.toContain(OPEN_DATA.draftOnlySlug);
        expect(body).toContain(OPEN_DATA.changedSlug);
      }
      // The formula title: plain text in the CSV (apostrophe first), unchanged in the JSON.
      expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/"",""open data formula"")"`);
      expect(csv).not.toMatch(/(^|,)"=/m);
      expect(JSON.parse(json).data.some((row: { title: string }) => row.title === OPEN_DATA.formulaTitle)).toBe(true);
      // The organisation: a column of the CSV, a field of the JSON, a fact on the practice page.
      const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',').map((name) => name.replace(/^"|"$/g, ''));
      expect(header.indexOf('organisation')).toBe(header.indexOf('summary') + 1);
      expect(JSON.parse(json).data.find((row: { slug: string }) => row.slug === OPEN_DATA.changedSlug)?.organisation).toBe(OPEN_DATA.organisation);
      const page = await (await fetch(`${siteUrl}/${l.code}/practices/${OPEN_DATA.changedSlug}/`)).text();
      expect(page).toContain(OPEN_DATA.organisation);
      const { jsonLd } = splitJsonLd(page);
      expect(JSON.stringify(jsonLd)).toContain('Open data practice with a draft change');
      for (const format of ['bib', 'ris']) {
        const citation = await (await fetch(`${siteUrl}/${l.code}/practices/${OPEN_DATA.changedSlug}.${format}`)).text();
        expect(citation).toContain('Open data practice with a draft change');
        expect(citation).not.toContain('OPENDATADRAFT');
        expect((await fetch(`${siteUrl}/${l.code}/practices/${OPEN_DATA.draftOnlySlug}.${format}`)).status).toBe(404);
      }
      expect(page).not.toContain('OPENDATADRAFT');
    }
  });

  it('has no axe violations on the data page in the default and the right-to-left locale', async () => {
    const rtl = locales.find((l) => l.dir === 'rtl');
    expect(rtl, 'the demo content has a right-to-left locale').toBeDefined();
    const session = await openPage();
    try {
      const report: string[] = [];
      for (const code of [defaultLocale.code, rtl!.code]) {
        await session.page.goto(`${target().siteUrl}/${code}/data/`);
        const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
        report.push(...violationLines(`/${code}/data/`, results.violations));
      }
      expect(report).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
}

async function addFallbackCases(): Promise<void> {
  const i18n = cms.strapi.plugin('i18n').service('locales') as { create(locale: { code: string; name: string }): Promise<unknown> };
  await i18n.create({ code: BARE_LOCALE, name: 'German (de)' });
  const [first] = await api.allPractices('en');
  if (!first) throw new Error('the demo content has no practice');
  partialSource = first;
  await practices().update({ documentId: first.documentId, locale: 'cs', data: { ...PARTIAL, answers: [] } });
  await practices().publish({ documentId: first.documentId, locale: 'cs' });
}

afterAll(async () => {
  await closeBrowser();
  await serverSite?.close();
  await staticSite?.close();
  await proxy?.close();
  await cms?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The default-locale practices as the CMS publishes them now. */
async function defaultPractices(): Promise<PracticeSummary[]> {
  const list = await api.allPractices(defaultLocale.code);
  if (list.length === 0) throw new Error('the demo content has no published practice in the default locale');
  return list;
}

async function webhook(body: object): Promise<Response> {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  return fetch(`${serverSite.url}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gp-timestamp': ts, 'x-gp-signature': sign(SECRET, ts, raw) },
    body: raw,
  });
}

/**
 * Marks a practice's pages stale the way the CMS does after a change (same signed body as the
 * plugin's site notifier), without changing it: the next request must go to the CMS.
 */
function invalidate(practice: PracticeSummary): Promise<Response> {
  // createdAt (as in Strapi's own webhooks) keeps two calls within one second from being replays.
  return webhook({ event: 'entry.update', createdAt: new Date().toISOString(), model: 'practice', entry: { documentId: practice.documentId, slug: practice.slug, locale: practice.locale } });
}

const pageText = async (url: string) => decode(await (await fetch(url)).text());

function pagesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) count += pagesUnder(path);
    else if (name === 'index.html') count += 1;
  }
  return count;
}

describe('static build', () => {
  let target: SiteTarget;
  beforeAll(() => {
    target = { siteUrl: staticSite.url, cmsUrl: cms.url };
  });

  it('prerendered every page of every locale, fallback pages included, with no client JavaScript but the list’s search', async () => {
    const counts: string[] = [];
    const defaults = await defaultPractices();
    for (const l of locales) {
      // The locale's list: every practice, in its own version or the first of the chain that has one.
      const listed = await api.allPractices(l.code);
      const own = new Map(listed.filter((p) => p.locale === l.code).map((p) => [p.documentId, p.slug]));
      const expected = [`${l.code}/index.html`, `${l.code}/practices/index.html`, `${l.code}/framework/index.html`, `${l.code}/404/index.html`, `${l.code}/rss.xml`];
      // Every default-locale practice has a page in every locale: its translation, or the fallback.
      for (const p of defaults) expected.push(`${l.code}/practices/${own.get(p.documentId) ?? p.slug}/index.html`);
      // Every listed practice has a page under the locale (the link of its card).
      for (const p of listed) expected.push(`${l.code}/practices/${p.slug}/index.html`);
      // JSON of every listed practice, as its page shows it.
      for (const p of listed) expected.push(`${l.code}/practices/${p.slug}.json`);
      for (const path of expected) expect(existsSync(join(staticOut, path)), path).toBe(true);
      counts.push(`${l.code} ${pagesUnder(join(staticOut, l.code))}`);
    }
    for (const path of ['index.html', '404.html', 'sitemap.xml', 'robots.txt']) expect(existsSync(join(staticOut, path)), path).toBe(true);
    // Client JavaScript on three kinds of page only: the self-assessment's script (its form and
    // report), the submit pages' (form, thanks, status: both in tests/integration/self-assessment.test.ts)
    // and the list pages' search (static-search-checks.ts: within its budget). A practice page's
    // JSON-LD is data, not a script.
    expect(readdirSync(join(staticOut, '_astro')).filter((f) => f.endsWith('.js'))).toHaveLength(3);
    const htmlFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? htmlFiles(join(dir, name)) : name.endsWith('.html') ? [join(dir, name)] : []));
    const runsScript = (html: string) => /<script(?![^>]*type="application\/ld\+json")/i.test(html);
    const scripted = htmlFiles(staticOut).filter((file) => runsScript(readFileSync(file, 'utf8'))).map((file) => relative(staticOut, file));
    const allowed = [/^[^/]+\/self-assessment\/(report\/)?index\.html$/, /^[^/]+\/submit\/((thanks|status)\/)?index\.html$/, /^[^/]+\/practices\/((country|area|target-group|criteria)\/[^/]+\/)?(page\/\d+\/)?index\.html$/];
    expect(scripted.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(readdirSync(join(staticOut, '_astro')).filter((f) => f.endsWith('.css'))).toHaveLength(1);
    console.info(`[site.test] static build: ${staticBuildSeconds.toFixed(1)} s; HTML pages per locale: ${counts.join(', ')}`);
  });

  it('answers the list query from the build-time collection exactly as the CMS does', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const l of locales) {
      // Each practice as the locale's list shows it: its own version, or the chain's (p.locale).
      const details = (await Promise.all((await api.allPractices(l.code)).map((p) => api.practice(p.slug, p.locale)))).filter((p) => p !== null);
      const words = (text: string | null | undefined) => (text ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
      const queries: PracticeListQueryInput[] = [
        {},
        ...practiceSorts.map((sort) => ({ sort })),
        ...[1, 2, 3].map((page) => ({ pageSize: 1, page })),
        ...[...new Set(details.map((p) => p.country).filter((c) => c !== null))].map((country) => ({ country })),
        ...[...new Set(details.flatMap((p) => p.integrationAreas.map((a) => a.key)))].map((area) => ({ area })),
        ...[...new Set(details.flatMap((p) => p.targetGroups.map((g) => g.key)))].map((targetGroup) => ({ targetGroup })),
        ...[...new Set(details.flatMap((p) => p.groups.map((g) => g.key)))].map((groupMet) => ({ groupMet })),
        ...[...new Set(details.flatMap((p) => p.groups.flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => i.key)))))].map((itemMet) => ({ itemMet })),
        // Text search: a title word in capitals, a summary word, two answer words far apart, accents dropped.
        ...details.flatMap((p) => {
          const answer = words(p.groups.flatMap((g) => g.questions.map((q) => q.answer?.body ?? '')).join(' '));
          const summary = words(p.summary);
          return [
            { q: (words(p.title)[0] ?? p.title).toLocaleUpperCase(l.code) },
            ...(summary.length > 0 ? [{ q: summary[summary.length - 1]! }] : []),
            ...(answer.length > 1 ? [{ q: `${answer[answer.length - 1]} ${answer[0]}` }] : []),
            ...summary.filter((w) => w.normalize('NFKD') !== w).slice(0, 1).map((w) => ({ q: w.normalize('NFKD').replace(/\p{M}/gu, '') })),
          ];
        }),
        { q: 'no-practice-says-this-e2e' },
      ];
      for (const input of queries) {
        const expected = await api.practices({ ...input, locale: l.code });
        const { locale: _locale, ...query } = practiceListQuery.parse({ ...input, locale: l.code });
        const actual = queryPractices(details, query, l.code);
        compared += 1;
        const show = (r: typeof actual) => `${r.data.map((p) => p.slug).join(',') || '-'} ${JSON.stringify(r.meta.pagination)}`;
        if (show(actual) !== show(expected)) mismatches.push(`${l.code} ${JSON.stringify(input)}: static ${show(actual)}, CMS ${show(expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  defineSiteSuite('static', () => target);
  defineFallbackChecks(() => target);
  defineOpenDataChecks(() => target);
  defineStaticSearchChecks(() => ({ outDir: staticOut, cmsUrl: cms.url }));
});

describe('server build', () => {
  let target: SiteTarget;
  beforeAll(() => {
    // The site reads the CMS through the fault injector (pass-through unless a test says otherwise).
    target = { siteUrl: serverSite.url, cmsUrl: proxy.url, revalidateSecret: SECRET };
  });

  defineSiteSuite('server', () => target);
  defineFallbackChecks(() => target);
  defineOpenDataChecks(() => target);

  it('redirects a default-locale slug to a translation under its own slug', async () => {
    // The demo content translates the Czech portal into Spanish under a Spanish slug (and
    // addFallbackCases a practice into Czech under a Czech one).
    const moved: { locale: string; from: string; to: string }[] = [];
    for (const summary of await defaultPractices()) {
      const detail = await api.practice(summary.slug, defaultLocale.code);
      for (const alt of detail?.locales ?? []) {
        if (alt.locale !== defaultLocale.code && alt.slug !== summary.slug) moved.push({ locale: alt.locale, from: summary.slug, to: alt.slug });
      }
    }
    expect(moved.map(({ locale }) => locale), 'the demo content has a translation under a slug of its own').toContain('es');
    for (const { locale, from, to } of moved) {
      const response = await fetch(`${serverSite.url}/${locale}/practices/${from}/`, { redirect: 'manual' });
      expect(response.status, `/${locale}/practices/${from}/`).toBe(301);
      expect(new URL(response.headers.get('location') ?? '', serverSite.url).pathname).toBe(`/${locale}/practices/${to}/`);
    }
  });

  it('ignores unknown filter keys instead of failing (the CMS answers 400 to them)', async () => {
    const l = defaultLocale.code;
    const all = await defaultPractices();
    const country = all.find((p) => p.country)?.country;
    expect(country, 'a practice with a country').toBeTruthy();
    const page = await fetch(`${serverSite.url}/${l}/practices/?groupMet=no-such-group&itemMet=no.such.1&country=${country}`);
    expect(page.status).toBe(200);
    const html = decode(await page.text());
    expect(html).toContain('class="notice" role="note"');
    const t = createTranslator((await api.site(l))?.labels);
    const count = all.filter((p) => p.country === country).length;
    expect(html).toContain(count === 1 ? t('list.resultsOne') : t('list.results', { count }));
    expect((await fetch(`${serverSite.url}/${l}/practices/criteria/no-such-group/`)).status).toBe(404);
  });

  it('shows a publish made in the CMS before the cached page expires: the CMS calls the signed webhook itself', async () => {
    const l = defaultLocale.code;
    const [practice] = await defaultPractices();
    const url = `${serverSite.url}/${l}/practices/${practice!.slug}/`;
    const list = `${serverSite.url}/${l}/practices/`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).headers.get('x-astro-cache')).toBe('HIT');
    expect((await fetch(list)).status).toBe(200);
    expect((await fetch(list)).headers.get('x-astro-cache')).toBe('HIT');

    // What an editor does in the admin: edit the practice, then publish it.
    const edited = `${practice!.title} (edited ${Date.now().toString(36)})`;
    await practices().update({ documentId: practice!.documentId, locale: l, data: { title: edited } });
    await practices().publish({ documentId: practice!.documentId, locale: l });
    expect((await api.practice(practice!.slug, l))?.title, 'the CMS publishes the change').toBe(edited);

    // The cached copies are good for minutes: only the CMS's webhook can make the change show now.
    await expect
      .poll(async () => (await pageText(url)).includes(edited), { ...untilShown, message: 'the page shows the change (the CMS must call SITE_REVALIDATE_URL)' })
      .toBe(true);
    // The lists show it too (tag "practices").
    expect(await pageText(list)).toContain(edited);
  });

  it('shows a locale added in the CMS on every cached page, and sends its visitors there: the CMS calls the signed webhook itself', async () => {
    const home = `${serverSite.url}/${defaultLocale.code}/`;
    expect((await fetch(home)).status).toBe(200);
    expect((await fetch(home)).headers.get('x-astro-cache'), 'the home page is cached, with the locale list').toBe('HIT');
    const code = 'pt-BR';
    const i18n = cms.strapi.plugin('i18n').service('locales') as {
      create(data: { code: string; name: string }): Promise<{ id: number }>;
      delete(where: { id: number }): Promise<unknown>;
    };
    // The site's locale list would otherwise be reused for a minute: the webhook must be what ends it.
    expect(SITE_DATA_TTL_SECONDS * 1000).toBeGreaterThan(CHANGE_SHOWN_WITHIN_MS);
    // What an administrator does in Settings → Internationalization.
    const created = await i18n.create({ code, name: 'Portuguese (Brazil) (pt-BR)' });
    try {
      await expect
        .poll(() => pageText(home), { ...untilShown, message: 'the switcher of a cached page lists the new locale' })
        .toContain(`<a href="/${code}/" hreflang="${code}" lang="${code}"`);
      expect((await fetch(`${serverSite.url}/${code}/`)).status).toBe(200);
      const root = await fetch(`${serverSite.url}/`, { redirect: 'manual', headers: { 'accept-language': 'pt-PT, pt;q=0.9, en;q=0.5' } });
      expect(root.headers.get('location')).toBe(`/${code}/`);
    } finally {
      await i18n.delete({ id: created.id });
    }
    // And gone again once deleted.
    await expect.poll(() => pageText(home), untilShown).not.toContain(`hreflang="${code}"`);
  });

  const faults: FaultMode[] = ['refused', 'reset', 'slow', 'nonsense', 'wrong-shape'];
  it.each(faults)('serves the last good page while the CMS is %s, and a plain 503 for a page never rendered', async (fault) => {
    const l = defaultLocale.code;
    const [practice] = await defaultPractices();
    const good = `${serverSite.url}/${l}/practices/${practice!.slug}/`;
    expect((await fetch(good)).status).toBe(200);
    // Invalidated as after an edit, so the next request must go to the CMS.
    expect((await invalidate(practice!)).status).toBe(200);
    // A `slow` CMS never answers: the site's own timeout (2 s, tests/unit/cms-client.test.ts) is
    // what ends these requests, or they would run into the test's timeout.
    await proxy.setMode(fault);
    try {
      const stale = await fetch(good);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-astro-cache')).toBe('STALE-IF-ERROR');
      expect(decode(await stale.text())).toContain(practice!.title);

      const never = await fetch(`${serverSite.url}/${l}/practices/?q=never-rendered-${fault}`);
      expect(never.status).toBe(503);
      expect(never.headers.get('retry-after')).toBe('30');
      expect(never.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await never.text();
      expect(text).toContain(`<html lang="${l}"`);
      expect(text).not.toMatch(/\bat .*\.(js|ts|mjs):\d+|CmsError|stack|127\.0\.0\.1|\/api\/good-practices/i);

      // `/` needs only the locale list: the last one that loaded, even after the site's tag was
      // invalidated (as after an edit of the site texts), still picks the visitor's language.
      expect((await webhook({ event: 'entry.update', createdAt: new Date().toISOString(), model: 'site', entry: { locale: l } })).status).toBe(200);
      const root = await fetch(`${serverSite.url}/`, { redirect: 'manual', headers: { 'accept-language': l } });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe(`/${l}/`);
    } finally {
      await proxy.setMode('pass');
    }
    // Back to normal once the CMS answers again.
    const again = await fetch(good);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-astro-cache')).toBe('MISS');
  });

  it('renders hostile Markdown written into the CMS inert', async () => {
    const l = defaultLocale.code;
    const all = await defaultPractices();
    const practice = all[all.length - 1]!;
    const stored = await practices().findOne({ documentId: practice.documentId, locale: l, status: 'draft' });
    const answers = (stored?.answers ?? []) as StoredAnswer[];
    expect(answers.length, 'the practice has written answers').toBeGreaterThan(0);
    const marker = `hostile-${Date.now().toString(36)}`;
    const hostile = [
      `Marker ${marker} with *emphasis* kept.`,
      '',
      `<script>window.__gpPwned = 'script'; alert('script')</script>`,
      '',
      `<img src="x" onerror="window.__gpPwned = 'onerror'; alert('onerror')"> <svg onload="alert('svg')"></svg>`,
      '',
      `[a javascript link](javascript:window.__gpPwned=1) and <a href="javascript:alert('raw')" onclick="alert('click')">a raw link</a>`,
      '',
      `<iframe src="javascript:alert('iframe')"></iframe><object data="javascript:alert('object')"></object>`,
      '',
      `<p style="background:url(javascript:alert('style'))" onmouseover="alert('hover')">styled</p>`,
    ].join('\n');
    answers[0] = { ...answers[0]!, body: hostile };
    await practices().update({ documentId: practice.documentId, locale: l, data: { answers } });
    await practices().publish({ documentId: practice.documentId, locale: l });
    expect((await api.practice(practice.slug, l))?.groups.flatMap((g) => g.questions).some((q) => q.answer?.body === hostile), 'the CMS stores and publishes it').toBe(true);
    const url = `${serverSite.url}/${l}/practices/${practice.slug}/`;
    await expect.poll(async () => (await fetch(url)).text(), untilShown).toContain(marker);
    const html = await (await fetch(url)).text();
    expect(html).toContain('<em>emphasis</em>');
    // Nowhere on the page: script elements (but the schema.org JSON-LD, data that is never run),
    // event handler attributes, javascript: URLs.
    const { jsonLd, html: withoutJsonLd } = splitJsonLd(html);
    expect(jsonLd).toHaveLength(1);
    expect(withoutJsonLd).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<[^>]*\s(href|src|data|action|formaction|style)\s*=\s*["']?\s*javascript:/i);
    // In the answer: no embedded documents, SVG or inline styles either (the page's own SVG
    // score bars are not the editor's).
    const answer = html.slice(html.lastIndexOf('<div class="prose answer">', html.indexOf(marker)), html.indexOf('</div>', html.indexOf(marker)));
    expect(answer).toContain(marker);
    expect(answer).not.toMatch(/<(iframe|object|embed|svg|math|form|base|meta|link)\b/i);
    expect(answer).not.toMatch(/<[^>]*\sstyle\s*=/i);

    // And in a browser, with the site's CSP switched off so that only the sanitizer protects.
    const session = await openPage({ bypassCSP: true, javaScriptEnabled: true });
    try {
      const dialogs: string[] = [];
      session.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await session.page.goto(url, { waitUntil: 'load' });
      await session.page.locator('main').hover();
      const state = await session.page.evaluate(() => ({
        pwned: (window as unknown as { __gpPwned?: unknown }).__gpPwned ?? null,
        hrefs: [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href') ?? ''),
      }));
      expect(state.pwned).toBeNull();
      expect(state.hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await session.close();
    }
  });
  it('previews a draft with a token signed for it (PREVIEW_SECRET as the key), with the public page markup, never cached, indexed nor referred, never on the public page', async () => {
    const l = defaultLocale.code;
    const all = await defaultPractices();
    const practice = all[Math.floor(all.length / 2)]!;
    const stored = await practices().findOne({ documentId: practice.documentId, locale: l, status: 'draft' });
    const title = String(stored?.title ?? practice.title);
    const marker = `draft-only-${Date.now().toString(36)}`;
    const other = all.find((candidate) => candidate.documentId !== practice.documentId)!;
    const otherLocale = locales.find((candidate) => candidate.code !== l)?.code ?? 'xx';
    // What the CMS puts in the Preview panel's URL (contract/preview-token.ts), for this practice and locale.
    const tokenFor = (documentId: string, locale: string, now?: number) => signPreviewToken(PREVIEW_SECRET, { documentId, locale }, { now });
    const previewUrl = (token?: string, extra = '') =>
      `${serverSite.url}/preview/practices/${practice.documentId}?locale=${l}${token === undefined ? '' : `&token=${encodeURIComponent(token)}`}${extra}`;
    const publicUrl = `${serverSite.url}/${l}/practices/${practice.slug}/`;

    // What an editor does in the admin: change the practice and save, without publishing.
    await practices().update({ documentId: practice.documentId, locale: l, data: { title: `${title} ${marker}` } });
    try {
      for (let round = 0; round < 2; round++) {
        const token = tokenFor(practice.documentId, l);
        const preview = await fetch(previewUrl(token));
        expect(preview.status).toBe(200);
        expect(preview.headers.get('cache-control')).toBe('no-store');
        expect(preview.headers.get('x-robots-tag')).toBe('noindex');
        // The URL carries the token: no Referer takes it to wherever a link of the draft leads.
        expect(preview.headers.get('referrer-policy')).toBe('no-referrer');
        // Never from (nor into) the route cache: the second request renders again.
        expect(preview.headers.get('x-astro-cache')).toBeNull();
        expect(preview.headers.get('cdn-cache-control')).toBeNull();
        // Framable by the CMS admin's Preview panel (the site's CMS_URL).
        expect(preview.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${new URL(proxy.url).origin}`);
        const html = decode(await preview.text());
        expect(html).toContain(`${title} ${marker}`);
        expect(html).toContain('Preview — draft, not published');
        expect(html).toMatch(/<meta name="?robots"? content="?noindex"?/);
        expect(html).toContain('<article class="practice">');
        expect(html).not.toContain(PREVIEW_TOKEN);
        expect(html).not.toContain(PREVIEW_SECRET);
        expect(html).not.toContain(token);
      }

      // The public page and the public API still show the published version only.
      expect((await api.practice(practice.slug, l))?.title).toBe(practice.title);
      const published = await fetch(publicUrl);
      expect(published.status).toBe(200);
      const publicHtml = decode(await published.text());
      expect(publicHtml).toContain(practice.title);
      expect(publicHtml).not.toContain(marker);
      expect(publicHtml).not.toContain('Preview — draft, not published');

      // No token, a forged or expired one, the old global secret, a token of another practice or
      // locale: 401 / 403, without the draft.
      const genuine = tokenFor(practice.documentId, l);
      const refusals: [string, string | undefined, string, number][] = [
        ['no token', undefined, '', 401],
        ['empty', '', '', 401],
        ['forged', `${genuine.slice(0, -4)}AAAA`, '', 401],
        ['signed with another key', signPreviewToken(`${PREVIEW_SECRET}x`, { documentId: practice.documentId, locale: l }), '', 401],
        ['expired', tokenFor(practice.documentId, l, Date.now() - 601_000), '', 401],
        ['the secret itself, as before', PREVIEW_SECRET, '', 401],
        ['the secret parameter of before', undefined, `&secret=${encodeURIComponent(PREVIEW_SECRET)}`, 401],
        ['another practice', tokenFor(other.documentId, l), '', 403],
        ['another locale', tokenFor(practice.documentId, otherLocale), '', 403],
      ];
      for (const [what, token, extra, status] of refusals) {
        const refused = await fetch(previewUrl(token, extra));
        expect(refused.status, what).toBe(status);
        expect(refused.headers.get('cache-control'), what).toBe('no-store');
        expect(refused.headers.get('referrer-policy'), what).toBe('no-referrer');
        const text = await refused.text();
        expect(text, what).not.toContain(marker);
        expect(text, what).not.toContain(title);
      }
      // An unknown document: 404, still not stored.
      const missing = await fetch(`${serverSite.url}/preview/practices/nosuchdocument0?locale=${l}&token=${encodeURIComponent(tokenFor('nosuchdocument0', l))}`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('cache-control')).toBe('no-store');
    } finally {
      await practices().update({ documentId: practice.documentId, locale: l, data: { title } });
    }
  });
});

describe('static build against a failing CMS', () => {
  it.each([
    ['refused', /CMS unreachable/, /ECONNREFUSED/],
    ['slow', /timed out/, /./],
    ['nonsense', /answer is not valid JSON/, /./],
    ['wrong-shape', /answer does not match the API contract/, /./],
  ] as const)('fails when the CMS is %s, naming the URL and the cause, and writes no site', async (fault, cause, detail) => {
    const outDir = join(work, `static-${fault}`);
    await proxy.setMode(fault);
    try {
      // Build-time requests wait 60 s by default and the proxy's `slow` never answers: a shorter build timeout.
      const build = await astroBuild(outDir, { SITE_MODE: 'static', CMS_URL: proxy.url, CMS_BUILD_TIMEOUT_MS: '2000' });
      expect(build.code).not.toBe(0);
      expect(build.output).toContain(`${proxy.url}/api/good-practices/locales`);
      expect(build.output).toMatch(cause);
      expect(build.output).toMatch(detail);
      const written = existsSync(outDir) ? readdirSync(outDir, { recursive: true }).map(String) : [];
      expect(written.filter((f) => f.endsWith('.html')), `HTML written into ${relative(work, outDir)}`).toEqual([]);
    } finally {
      await proxy.setMode('pass');
    }
  });
});

/**
 * Issue 11, items 1 and 2, in the built and served site (both modes): a locale with no
 * translation (de), one with a partial translation (cs) and an RTL one falling back to LTR
 * English (ar) list every practice, mark what is shown in another language, and the partial
 * translation's page shows the English answers, marked, instead of "does not answer".
 */
function defineFallbackChecks(target: () => SiteTarget): void {
  const site = (path: string) => new URL(path, target().siteUrl).href;
  const labels = async (code: string) => createTranslator((await api.site(code))?.labels);
  const cardTitles = (html: string) => [...html.matchAll(/<h[23] class="card-title"><a href="([^"]+)"([^>]*)>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, attrs: m[2]!, title: decode(m[3]!) }));

  describe('every visitor sees the whole database in their own language', () => {
    it('a locale with no translation (de) lists every practice on its home, list, RSS and tools pages, marked as English', async () => {
      const all = await defaultPractices();
      const t = await labels('de');
      const home = await pageText(site('/de/'));
      expect(home).toContain(`${t('home.allPractices')} (${all.length})`);
      const list = await pageText(site('/de/practices/'));
      expect(list).not.toContain(t('list.noResults'));
      expect(list).toContain(all.length === 1 ? t('list.resultsOne') : t('list.results', { count: all.length }));
      const cards = cardTitles(list);
      expect(cards.length).toBe(Math.min(all.length, 25));
      for (const card of cards) {
        expect(card.attrs).toContain('lang="en"');
        expect(card.attrs).toContain('dir="ltr"');
        expect(card.href).toMatch(/^\/de\/practices\//);
      }
      // German has no translated labels: the built-in English label names the language in English, and says it is English.
      expect(list).toContain('<p class="shown-in" lang="en">In English</p>');
      const feed = await (await fetch(site('/de/rss.xml'))).text();
      expect((feed.match(/<item>/g) ?? []).length).toBe(Math.min(50, all.length));
      const tools = await api.tools('en');
      const toolsPage = await pageText(site('/de/tools/'));
      for (const tool of tools) expect(toolsPage).toContain(`lang="en" dir="ltr">${tool.name}</a>`);
      // A fallback card links to a page of the locale that shows the practice, and to its JSON.
      const practice = await fetch(site(cards[0]!.href));
      expect(practice.status).toBe(200);
      const json = await fetch(site(cards[0]!.href.replace(/\/$/, '.json')));
      expect(json.status).toBe(200);
      expect(((await json.json()) as { data: { locale: string } }).data.locale).toBe('en');
    });

    it('a locale with a partial translation (cs) lists its own version unmarked and the others in English', async () => {
      const all = await defaultPractices();
      const list = await pageText(site('/cs/practices/'));
      const t = await labels('cs');
      expect(list).toContain(all.length === 1 ? t('list.resultsOne') : t('list.results', { count: all.length }));
      const cards = cardTitles(list);
      const own = cards.find((card) => card.title === PARTIAL.title);
      expect(own, 'the Czech translation is listed').toBeDefined();
      expect(own!.attrs).toBe('');
      expect(own!.href).toBe(`/cs/practices/${PARTIAL.slug}/`);
      expect(cards.filter((card) => card !== own).every((card) => card.attrs.includes('lang="en"'))).toBe(true);
    });

    it('the partial translation shows every English answer, marked, and says so', async () => {
      const english = await api.practice(partialSource.slug, 'en');
      const czech = await api.practice(PARTIAL.slug, 'cs');
      expect(czech).not.toBeNull();
      const answered = english!.groups.flatMap((g) => g.questions).filter((q) => q.answer);
      expect(answered.length).toBeGreaterThan(0);
      const html = await pageText(site(`/cs/practices/${PARTIAL.slug}/`));
      const t = await labels('cs');
      expect(html).toContain(`<h1>${PARTIAL.title}</h1>`);
      const fallbackLanguage = languageName('en', 'cs');
      expect(html).toContain(answered.length === 1 ? t('fallback.answerShownIn', { fallbackLanguage }) : t('fallback.answersShownIn', { count: answered.length, fallbackLanguage }));
      expect((html.match(/class="prose answer" lang="en"/g) ?? []).length).toBe(answered.length);
      const unanswered = english!.groups.flatMap((g) => g.questions).length - answered.length;
      expect((html.match(new RegExp(escapeForRegExp(t('practice.noAnswer')), 'g')) ?? []).length).toBe(unanswered);
    });

    it('an RTL locale (ar) marks its English cards and fallback pages LTR, with no axe violation', async () => {
      const [practice] = await defaultPractices();
      const list = await pageText(site('/ar/practices/'));
      expect(list).toContain('<html lang="ar" dir="rtl"');
      const cards = cardTitles(list);
      expect(cards.length).toBe(Math.min((await defaultPractices()).length, 25));
      for (const card of cards) expect(card.attrs).toContain('lang="en" dir="ltr"');
      const session = await openPage();
      try {
        const report: string[] = [];
        for (const path of ['/ar/', '/ar/practices/', `/ar/practices/${practice!.slug}/`, '/ar/tools/', `/cs/practices/${PARTIAL.slug}/`, '/de/practices/']) {
          const response = await session.page.goto(site(path));
          expect(response?.status(), path).toBe(200);
          const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          report.push(...violationLines(path, results.violations));
        }
        expect(report).toEqual([]);
      } finally {
        await session.close();
      }
    }, 240_000);
  });
}

function escapeForRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
