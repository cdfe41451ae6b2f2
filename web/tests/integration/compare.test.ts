/**
 * Comparing practices (`/{locale}/compare/?practices=a,b`, issue 14 item 2), against the REAL CMS
 * (in-process, on its project's database, demo content of `npm start`) and both builds of the site, as
 * tests/integration/site.test.ts builds and serves them:
 *
 * - server mode: the comparison (key facts, score bars, every checklist item of the framework as
 *   a row with each practice's state in words and mark, answers in <details>), the spellings that
 *   lead to it (the list form's `practices=a&practices=b`, case, spaces, duplicates: a redirect to
 *   `?practices=a,b`), the error answers (1, 5, unknown, duplicate, junk: 400/404 pages saying
 *   what is wrong, never a 500), a draft-only practice never shown, nothing stored in the route
 *   cache whatever is asked, the locale's texts with fallback marked by `lang`; in Chromium the
 *   list's checkbox form leading to the comparison, axe with 0 violations in en and ar, and a
 *   390 px phone that does not scroll sideways;
 * - static mode: the prerendered page says that comparison needs the site served on request, and
 *   the static list offers no compare form.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { PracticeDetail, PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { AXE_TAGS } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { splitJsonLd, decode } from '../helpers/html-text';
import { astroBuild, freePort, serveServer, serveStatic, SHARED_SERVER_OUT, sharedServerBuild } from '../helpers/site-build';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { defaultLabels } from '../../src/lib/i18n/labels';
import { createTranslator } from '../../src/lib/i18n';

const PRACTICE_UID = 'plugin::good-practices.practice';
const work = mkdtempSync(join(tmpdir(), 'gp-compare-'));
const staticOut = join(work, 'static');
const serverOut = SHARED_SERVER_OUT;

interface Documents {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

let cms: RunningStrapi;
let api: CmsClient;
let server: Awaited<ReturnType<typeof serveServer>>;
let staticSite: Awaited<ReturnType<typeof serveStatic>>;
/** Published English practices of the demo content (at least 5 are needed for "more than 4"). */
let english: PracticeSummary[];
let first: PracticeDetail;
let second: PracticeDetail;
/** A practice saved as a draft and never published. */
const draft = { slug: `draft-only-compare-${randomBytes(4).toString('hex')}`, title: `Unpublished comparison candidate ${randomBytes(4).toString('hex')}` };
const t = createTranslator(null);

beforeAll(async () => {
  const port = await freePort();
  const serverBuild = sharedServerBuild();
  cms = await startStrapi();
  api = createCmsClient({ baseUrl: cms.url, timeoutMs: 10_000 });
  await seedDemoContent(cms.strapi);
  const documents = cms.strapi.documents(PRACTICE_UID as never) as unknown as Documents;
  await documents.create({ locale: 'en', data: { title: draft.title, slug: draft.slug, summary: `${draft.title}: a draft.` } });
  // The demo content has two English practices: three more, published, each meeting other items.
  const demo = await api.allPractices('en');
  const framework = await api.framework('en');
  const itemKeys = (framework?.groups ?? []).flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => i.key)));
  for (let n = 1; n <= 5 - demo.length; n++) {
    const assessment = Object.fromEntries(itemKeys.filter((_, i) => i % (n + 1) === 0).map((key, i) => [key, i % 2 === 0 ? 'met' : 'not-met']));
    const { documentId } = await documents.create({ locale: 'en', data: { title: `Compared practice ${n}`, slug: `compared-practice-${n}`, summary: `Practice ${n} of the comparison test.`, country: 'DE', assessment } });
    await documents.publish({ documentId, locale: 'en' });
  }
  english = await api.allPractices('en');
  if (english.length < 5) throw new Error(`${english.length} English practices; the test needs 5`);
  [first, second] = (await Promise.all(demo.slice(0, 2).map((p) => api.practice(p.slug, 'en')))) as [PracticeDetail, PracticeDetail];

  const built = await serverBuild;
  if (built.code !== 0) throw new Error(`server build failed:\n${built.output}`);
  server = await serveServer(serverOut, { CMS_URL: cms.url }, port);

  const staticPort = await freePort();
  const staticBuild = await astroBuild(staticOut, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: `http://127.0.0.1:${staticPort}` });
  if (staticBuild.code !== 0) throw new Error(`static build failed:\n${staticBuild.output}`);
  staticSite = await serveStatic(staticOut, staticPort);
});

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  await staticSite?.close();
  await cms?.stop();
  rmSync(work, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });
const compare = (...slugs: string[]) => `/en/compare/?practices=${slugs.join(',')}`;

/** The route store's occupancy (the server's SIGUSR2 report, src/server/entry.ts). */
async function cacheEntries(): Promise<number> {
  const from = server.log().length;
  process.kill(server.pid, 'SIGUSR2');
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const line = /\[route-cache\] (\{.*\})\n/.exec(server.log().slice(from));
    if (line) {
      const stats = JSON.parse(line[1]!) as Record<'canonical' | 'other', { entries: number }>;
      return stats.canonical.entries + stats.other.entries;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no route cache report');
}

describe('comparison, server mode', () => {
  it('shows the practices side by side: key facts, score bars, every checklist item with its state, answers in <details>', async () => {
    const response = await get(compare(first.slug, second.slug));
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = decode(html);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<meta name="robots" content="noindex"');
    for (const practice of [first, second]) {
      expect(text).toContain(practice.title);
      expect(html).toContain(`href="/en/practices/${practice.slug}/"`);
    }
    // Key facts, in words.
    for (const key of ['practice.country', 'practice.period', 'practice.validationStatus', 'practice.areas', 'practice.targetGroups'] as const) expect(text).toContain(t(key));
    // A score bar per group and practice, plus each practice's overall bar.
    const groups = first.groups.length;
    expect(html.match(/<svg class="score-bar"/g)).toHaveLength(2 * groups + 2);
    const score = first.groups[0]!.score;
    expect(text).toContain(t('score.summary', { met: score.met, total: score.total }));
    // Every checklist item of the framework is a row, with each practice's state in words and mark.
    const items = first.groups.flatMap((g) => g.questions.flatMap((q) => q.items));
    expect(items.length).toBeGreaterThan(0);
    const cells = [...html.matchAll(/<td class="compare-state item-([a-z-]+)"[^>]*>(.*?)<\/td>/g)];
    expect(cells).toHaveLength(2 * items.length);
    const secondStates = new Map(second.groups.flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => [i.key, i.state]))));
    const expected = items.flatMap((item) => [item.state, secondStates.get(item.key) ?? 'not-assessed']);
    expect(cells.map((c) => c[1])).toEqual(expected);
    const marks = { met: '✓', 'not-met': '✗', 'not-assessed': '–' } as const;
    for (const [, state, cell] of cells) {
      const s = state as keyof typeof marks;
      expect(decode(cell!)).toContain(marks[s]);
      expect(decode(cell!)).toContain(t(`state.${s}`));
    }
    for (const item of items) expect(text).toContain(item.text);
    // Answers, each in a <details> (one per answered question and practice).
    const answered = [first, second].flatMap((p) => p.groups.flatMap((g) => g.questions.filter((q) => q.answer && q.answer.body.trim() !== ''))).length;
    expect(answered).toBeGreaterThan(0);
    expect(html.match(/<details>/g)).toHaveLength(answered);
    expect(text).toContain(t('compare.showAnswer'));
  });

  it('takes the list form’s repeated parameter, case, spaces and duplicates to the canonical ?practices=a,b', async () => {
    const canonical = compare(first.slug, second.slug);
    for (const query of [
      `practices=${first.slug}&practices=${second.slug}`,
      `practices=${first.slug.toUpperCase()},%20${second.slug}`,
      `practices=${first.slug},${second.slug},${first.slug}`,
      `practices=${first.slug}&practices=&practices=${second.slug},`,
    ]) {
      const response = await get(`/en/compare/?${query}`);
      expect(response.status, query).toBe(302);
      expect(response.headers.get('location'), query).toBe(canonical);
    }
    // Other parameters are ignored, as on every page.
    expect((await get(`${canonical}&utm_source=newsletter`)).status).toBe(200);
  });

  it('answers 1, 5, duplicate, unknown and junk selections with a page saying what is wrong, never a 500', async () => {
    const five = english.slice(0, 5).map((p) => p.slug);
    const cases: { query: string; status: number; says: string }[] = [
      { query: `practices=${first.slug}`, status: 400, says: t('compare.tooFew', { min: 2 }) },
      { query: `practices=${first.slug},${first.slug}`, status: 400, says: t('compare.tooFew', { min: 2 }) },
      { query: `practices=${five.join(',')}`, status: 400, says: t('compare.tooMany', { count: 5, max: 4 }) },
      { query: `practices=${first.slug},no-such-practice`, status: 404, says: t('compare.unknown', { slugs: 'no-such-practice' }) },
      { query: `practices=${first.slug},%3Cscript%3Ealert(1)%3C/script%3E`, status: 400, says: t('compare.invalid') },
      { query: `practices=${first.slug},${'a'.repeat(5000)}`, status: 400, says: t('compare.invalid') },
      { query: Array.from({ length: 200 }, (_, i) => `practices=p${i}`).join('&'), status: 400, says: t('compare.invalid') },
      { query: `practices=${first.slug},%F0%9F%98%80,%00`, status: 400, says: t('compare.invalid') },
    ];
    for (const { query, status, says } of cases) {
      const response = await get(`/en/compare/?${query}`);
      expect(response.status, query).toBe(status);
      expect(response.headers.get('content-type') ?? '', query).toMatch(/^text\/html/);
      const html = await response.text();
      expect(decode(html), query).toContain(says);
      expect(decode(html), query).toContain(t('compare.errorTitle'));
      expect(html, query).toContain('href="/en/practices/"');
      expect(html, query).not.toContain('<script');
    }
    // A query that is not even valid percent-encoding: refused before any page renders, still not a 500.
    const malformed = await get(`/en/compare/?practices=${first.slug},%E0%A4%A`);
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    // No selection: how to make one.
    const empty = await get('/en/compare/');
    expect(empty.status).toBe(200);
    expect(decode(await empty.text())).toContain(t('compare.howTo'));
  });

  it('never shows a practice that is only a draft', async () => {
    const response = await get(compare(first.slug, draft.slug));
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain(draft.title);
    // Named only as the visitor typed it, as not found.
    expect(decode(html)).toContain(t('compare.unknown', { slugs: draft.slug }));
    // The list offers no checkbox for it.
    const list = await (await get('/en/practices/')).text();
    expect(list).not.toContain(draft.slug);
  });

  it('stores no comparison in the route cache, whatever is asked, and the bare page never stands in for a comparison', async () => {
    await get('/en/practices/');
    const before = await cacheEntries();
    const slugs = english.map((p) => p.slug);
    const urls = ['/en/compare/', '/ar/compare/'];
    for (let i = 0; i < slugs.length; i++) for (let j = 0; j < slugs.length; j++) if (i !== j) urls.push(compare(slugs[i]!, slugs[j]!));
    for (let n = 0; n < 40; n++) urls.push(compare(slugs[0]!, `unknown-${n}`), `/en/compare/?practices=${slugs[0]}&x=${n}`, `/en/compare/?practices=junk${n}!`);
    for (const url of urls) expect((await get(url)).status, url).toBeLessThan(500);
    expect(await cacheEntries()).toBe(before);
    // The bare page was rendered just now; a comparison is still a comparison.
    const again = decode(await (await get(compare(first.slug, second.slug))).text());
    expect(again).toContain(first.title);
    expect(again).not.toContain(t('compare.howTo'));
  });

  it('shows the visitor’s labels and marks practice texts shown in another language with lang (ar, no translation)', async () => {
    const html = await (await get(`/ar/compare/?practices=${first.slug},${second.slug}`)).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    // The demo practices have no Arabic version: their titles are English, and say so.
    expect(html).toMatch(new RegExp(`<a href="/ar/practices/${first.slug}/" lang="en" dir="ltr">`));
    expect(html).toContain('class="shown-in"');
    // Every answer shown from English is marked English.
    expect(html).toMatch(/<div class="prose answer" lang="en" dir="ltr">/);
  });

  it('keeps the list and the practice page free of JavaScript, with the compare form next to (not inside) the filter form', async () => {
    const list = await (await get('/en/practices/')).text();
    const practice = await (await get(`/en/practices/${first.slug}/`)).text();
    expect(list).not.toMatch(/<script/i);
    // The practice page's JSON-LD is data, not a script (splitJsonLd throws on anything else in one).
    expect(splitJsonLd(practice).html).not.toMatch(/<script/i);
    // Forms do not nest: the compare form (with the results, first) closes before the filter form opens.
    const filter = list.indexOf('<form class="filters"');
    const compareForm = list.indexOf('<form class="compare-form"');
    expect(compareForm).toBeGreaterThan(-1);
    expect(filter).toBeGreaterThan(list.indexOf('</form>', compareForm));
    expect(list.match(/<form/g)).toHaveLength(2);
    const boxes = [...list.matchAll(/<input type="checkbox" id="compare-([a-z0-9-]+)" name="practices" value="([a-z0-9-]+)"/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [, id, value] of boxes) expect(id).toBe(value);
    expect(compareForm).toBeLessThan(list.indexOf('name="practices"'));
  });
});

describe('comparison in Chromium (server mode)', () => {
  it('goes from the list’s checkboxes to the comparison, without JavaScript', async () => {
    const session = await openPage({ javaScriptEnabled: false });
    try {
      const { page } = session;
      await page.goto(`${server.url}/en/practices/`);
      // The two demo practices (they answer questions: their answers open below).
      const titles = [first.title, second.title];
      for (const title of titles) {
        // Each box is named by its label and the practice (the label alone would repeat on every card);
        // Chromium puts a space before the colon: the hidden part is positioned, i.e. a block.
        const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const box = page.getByRole('checkbox', { name: new RegExp(`^${escape(t('compare.select'))}\\s*:\\s*${escape(title)}$`) });
        expect(await box.count(), title).toBe(1);
        await box.check();
      }
      await page.getByRole('button', { name: t('compare.submit') }).click();
      await page.waitForURL(/\/en\/compare\/\?practices=[a-z0-9-]+,[a-z0-9-]+$/);
      expect(new Set(new URL(page.url()).searchParams.get('practices')!.split(','))).toEqual(new Set([first.slug, second.slug]));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(t('compare.title'));
      for (const title of titles) expect(await page.getByRole('columnheader', { name: title }).count()).toBeGreaterThan(0);
      // An answer opens in place.
      const summary = page.locator('details summary').first();
      await summary.click();
      expect(await page.locator('details').first().getAttribute('open')).not.toBeNull();
    } finally {
      await session.close();
    }
  });

  it('has no WCAG 2.2 AA violations that axe can find, in en and ar, and fits a 390 px phone without sideways page scroll', async () => {
    for (const locale of ['en', 'ar']) {
      const session = await openPage({ viewport: { width: 390, height: 844 } });
      try {
        const url = `${server.url}/${locale}/compare/?practices=${english.slice(0, 4).map((p) => p.slug).join(',')}`;
        await session.page.goto(url);
        const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${locale}`).toEqual([]);
        // The page does not scroll sideways: the tables scroll in their own regions.
        const widths = await session.page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
        expect(widths.page, locale).toBeLessThanOrEqual(widths.view);
        const region = session.page.locator('.compare-scroll').first();
        expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        // Error pages too.
        await session.page.goto(`${server.url}/${locale}/compare/?practices=${english[0]!.slug}`);
        const errors = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
        expect(errors.violations.map((v) => v.id), `${locale} error page`).toEqual([]);
      } finally {
        await session.close();
      }
    }
  });
});

describe('comparison, static mode', () => {
  it('prerenders a page per locale that says comparison needs the site served on request, whatever the query', async () => {
    // Each locale's page says it in that locale's site texts (the demo translates them into Arabic).
    const arabic = createTranslator((await api.site('ar'))?.labels ?? null);
    for (const [path, say] of [['/en/compare/', t], [`/en/compare/?practices=${first.slug},${second.slug}`, t], ['/ar/compare/', arabic]] as const) {
      const response = await fetch(`${staticSite.url}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(decode(html), path).toContain(say('compare.staticMode'));
      expect(html, path).not.toMatch(/<script/i);
      expect(html, path).not.toContain(first.title);
    }
  });

  it('offers no compare form on the static list', async () => {
    const list = await (await fetch(`${staticSite.url}/en/practices/`)).text();
    expect(list).not.toContain('compare-form');
    expect(list).not.toContain('name="practices"');
    expect(defaultLabels['compare.submit']).toBeTruthy();
    expect(list).not.toContain(defaultLabels['compare.submit']);
  });
});
