/**
 * The static site's search (issue 15.1), on the real static build of site.test.ts: the Pagefind
 * bundles written by the build, one per locale (src/lib/search/static-index.ts), the list pages' script
 * (src/scripts/static-search.ts, on the list pages only), and the list's search box in Chromium,
 * served with the build's own `_headers` (its CSP must let Pagefind's WebAssembly run).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { createTranslator, defaultLocaleOf, directionOf, type Translate } from '../../src/lib/i18n';
import { SEARCH_INDEX_DIR } from '../../src/lib/search/static-index';
import { parseHeadersFile } from '../../src/lib/static-headers';
import { AXE_TAGS } from '../helpers/axe';
import { openPage } from '../helpers/browser';
import { serveStatic } from '../helpers/site-build';

export interface StaticSearchTarget {
  /** The static build's output folder. */
  outDir: string;
  cmsUrl: string;
}

/** The budget for the search script, compressed. */
const SCRIPT_BUDGET = 20 * 1024;
/** A list page, any facet and page: `/{l}/practices/[{facet}/{value}/][page/{n}/]`. */
const LIST_PAGE = /^[^/]+\/practices\/(?:(?:country|area|target-group|criteria)\/[^/]+\/)?(?:page\/\d+\/)?index\.html$/;
/** Long enough for a search, whatever the script (letters and numbers of any alphabet). */
const WORDS = /[\p{L}\p{N}]{5,}/gu;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** One indexed page as Pagefind stores it: a gzipped `pagefind_dcd` signature, then JSON. */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

function fragments(indexDir: string): Fragment[] {
  return filesUnder(join(indexDir, 'fragment')).map((file) => {
    const raw = gunzipSync(readFileSync(file)).toString('utf8');
    expect(raw.startsWith('pagefind_dcd'), file).toBe(true);
    return JSON.parse(raw.slice('pagefind_dcd'.length)) as Fragment;
  });
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The status line the script writes for `query`, as a pattern (the count is whatever matched). */
function statusPattern(t: Translate, query: string): RegExp {
  const templates = [t('search.results', { query }), t('search.resultsOne', { query })];
  return new RegExp(`^(?:${templates.map((text) => escapeRegExp(text).replace('\\{count\\}', '\\d+')).join('|')})$`);
}

/** Types `query` into the list's search box, submits, waits until the search has answered. */
async function search(page: Page, query: string, t: Translate): Promise<string> {
  await page.locator('#s-q').fill(query);
  await page.locator('#s-q').press('Enter');
  const status = page.locator('.search-status');
  await expect.poll(async () => status.textContent(), { timeout: 30_000, interval: 100 }).not.toMatch(new RegExp(`^$|^${escapeRegExp(t('search.searching'))}$`));
  return (await status.textContent()) ?? '';
}

export function defineStaticSearchChecks(target: () => StaticSearchTarget): void {
  describe('static search (Pagefind)', () => {
    let api: CmsClient;
    let locales: Locale[];
    let defaultLocale: Locale;
    let listed: Map<string, PracticeSummary[]>;
    let labels: Map<string, Translate>;
    /** Each locale's footer text (its funding disclaimer): on every page, outside the practice. */
    let footers: Map<string, string | null | undefined>;
    let indexDir: string;
    /** The static build served with the security headers of its `_headers` file. */
    let hosted: Awaited<ReturnType<typeof serveStatic>>;

    beforeAll(async () => {
      const { outDir, cmsUrl } = target();
      api = createCmsClient({ baseUrl: cmsUrl, timeoutMs: 10_000 });
      locales = await api.locales();
      defaultLocale = defaultLocaleOf(locales);
      listed = new Map();
      labels = new Map();
      footers = new Map();
      for (const l of locales) {
        listed.set(l.code, await api.allPractices(l.code));
        const site = await api.site(l.code);
        labels.set(l.code, createTranslator(site?.labels));
        footers.set(l.code, site?.footer?.fundingDisclaimer);
      }
      indexDir = join(outDir, SEARCH_INDEX_DIR);
      hosted = await serveStatic(outDir, 0, parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8')));
    });

    afterAll(async () => {
      await hosted?.close();
    });

    it('has one bundle per locale, of exactly the practices that locale lists', () => {
      expect(readdirSync(indexDir).sort()).toEqual(locales.map((l) => l.code).sort());
      for (const l of locales) {
        const entry = JSON.parse(readFileSync(join(indexDir, l.code, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        // Pagefind keys an index by the lowercased <html lang>, as pagefind.js looks it up: one language per bundle.
        expect(Object.keys(entry.languages), l.code).toEqual([l.code.toLowerCase()]);
        expect(entry.languages[l.code.toLowerCase()]?.page_count, l.code).toBe(listed.get(l.code)!.length);
        // Pagefind's own UIs are not served: the site has its own script.
        expect(readdirSync(join(indexDir, l.code)).filter((name) => /ui\.(js|css)$/.test(name))).toEqual([]);
      }
    });

    it('indexes each practice page’s text and facets, without the page’s navigation, header or footer', () => {
      for (const l of locales) {
        const t = labels.get(l.code)!;
        // A bundle's URLs are relative to its locale's folder (the script puts `/{locale}` in front).
        const ofLocale = fragments(join(indexDir, l.code));
        expect(ofLocale.length, l.code).toBe(listed.get(l.code)!.length);
        for (const practice of listed.get(l.code)!) {
          const fragment = ofLocale.find((f) => f.url === `/practices/${practice.slug}/`);
          expect(fragment, `${l.code} ${practice.slug}`).toBeDefined();
          expect(fragment!.meta.title).toBe(practice.title);
          expect(fragment!.meta.lang).toBe(practice.locale);
          expect(fragment!.meta.dir).toBe(directionOf(practice.locale));
          expect(fragment!.content).toContain(practice.title);
          // The skip link, the language switcher, the footer are outside the practice. (Navigation
          // labels such as "Inspiring tools" are headings of practice pages too: not telling.)
          const outside = [t('site.skipLink'), t('site.languageSwitcherHint'), t('site.footer'), t('nav.rss'), footers.get(l.code)].filter((text): text is string => !!text);
          for (const text of outside) expect(fragment!.content, `${l.code} ${practice.slug}: ${text}`).not.toContain(text);
          expect(fragment!.filters.country ?? []).toEqual(practice.country ? [practice.country] : []);
          expect([...(fragment!.filters.area ?? [])].sort()).toEqual(practice.integrationAreas.map((a) => a.key).sort());
          expect([...(fragment!.filters.targetGroup ?? [])].sort()).toEqual(practice.targetGroups.map((g) => g.key).sort());
          const met = practice.scores.filter((s) => s.total > 0 && s.met === s.total).map((s) => s.groupKey);
          expect([...(fragment!.filters.groupMet ?? [])].sort()).toEqual(met.sort());
        }
      }
    });

    it('ships one script, under 20 KB compressed, on the list pages only', () => {
      const { outDir } = target();
      // The search's script is the one the list pages load; the build's other script is the
      // self-assessment's (its own test checks it, and site.test that no other page has one).
      const listHtml = readFileSync(join(outDir, defaultLocale.code, 'practices', 'index.html'), 'utf8');
      const searchScript = /<script type="module" src="\/_astro\/([^"]+\.js)"><\/script>/.exec(listHtml)?.[1];
      expect(searchScript, 'the list page loads the search script').toBeDefined();
      const script = readFileSync(join(outDir, '_astro', searchScript!));
      const compressed = gzipSync(script, { level: 9 }).length;
      expect(compressed).toBeLessThanOrEqual(SCRIPT_BUDGET);
      const tag = `<script type="module" src="/_astro/${searchScript}"></script>`;
      let lists = 0;
      for (const file of filesUnder(outDir).filter((f) => f.endsWith('.html') && !f.startsWith(indexDir))) {
        const path = relative(outDir, file);
        const html = readFileSync(file, 'utf8');
        if (LIST_PAGE.test(path)) {
          lists += 1;
          expect(html.match(/<script\b[^>]*>/g), path).toEqual([tag.replace('</script>', '')]);
          expect(html).toContain(tag);
        } else {
          // No other page loads the search (the self-assessment's pages load their own script,
          // practice pages carry JSON-LD data: site.test checks those).
          expect(html, path).not.toContain(searchScript);
        }
      }
      expect(lists).toBeGreaterThan(locales.length);
      // Loaded on the first search, not counted in the budget: reported.
      const bundle = join(indexDir, defaultLocale.code);
      const gz = (name: string) => gzipSync(readFileSync(join(bundle, name)), { level: 9 }).length;
      const total = filesUnder(indexDir).reduce((sum, file) => sum + statSync(file).size, 0);
      const wasm = locales.flatMap((l) => readdirSync(join(indexDir, l.code)).filter((name) => name.startsWith('wasm.') && !name.includes('unknown')).map((name) => `${name} ${(gzipSync(readFileSync(join(indexDir, l.code, name)), { level: 9 }).length / 1024).toFixed(1)}`));
      console.info(
        `[site.test] search: script ${(compressed / 1024).toFixed(1)} KB gzip (${(script.length / 1024).toFixed(1)} KB); loaded on demand: pagefind.js ${(gz('pagefind.js') / 1024).toFixed(1)} KB, ` +
          `pagefind-worker.js ${(gz('pagefind-worker.js') / 1024).toFixed(1)} KB, ${wasm.join(', ')} KB gzip; whole index ${(total / 1024).toFixed(0)} KB on disk`,
      );
    });

    for (const which of ['default', 'rtl'] as const) {
      it(`finds a practice by a word of its title on a static host (${which} locale), announces the count, and passes axe with results shown`, async () => {
        const locale = which === 'default' ? defaultLocale : locales.find((l) => l.dir === 'rtl');
        expect(locale, 'the demo content has a right-to-left locale').toBeDefined();
        const l = locale!.code;
        const t = labels.get(l)!;
        const practice = listed.get(l)!.find((p) => (p.title.match(WORDS) ?? []).length > 0)!;
        const word = [...practice.title.match(WORDS)!].sort((a, b) => b.length - a.length)[0]!;
        const session = await openPage();
        const refused: string[] = [];
        session.page.on('console', (message) => {
          if (message.type() === 'error') refused.push(message.text());
        });
        session.page.on('pageerror', (error) => refused.push(error.message));
        try {
          await session.page.goto(`${hosted.url}/${l}/practices/`);
          const status = await search(session.page, word, t);
          expect(status).toMatch(statusPattern(t, word));
          const link = session.page.locator(`.search-results a[href="/${l}/practices/${practice.slug}/"]`);
          await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
          expect(await link.textContent()).toBe(practice.title);
          // A practice shown in another language than the page's says which.
          const item = link.locator('xpath=..');
          expect(await item.getAttribute('lang')).toBe(practice.locale === l ? null : practice.locale);
          expect(await item.getAttribute('dir')).toBe(practice.locale === l ? null : directionOf(practice.locale));
          expect(session.page.url()).toBe(`${hosted.url}/${l}/practices/?q=${encodeURIComponent(word)}`);
          const axe = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          expect(axe.violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
          // Under the build's own CSP: nothing refused (Pagefind's WebAssembly included).
          expect(refused).toEqual([]);
        } finally {
          await session.close();
        }
      }, 120_000);
    }

    it('searches within the facet of a facet page', async () => {
      const l = defaultLocale.code;
      const t = labels.get(l)!;
      const all = listed.get(l)!;
      const inside = all.find((p) => p.country && all.some((o) => o.country !== p.country && (o.title.match(WORDS) ?? []).length > 0) && (p.title.match(WORDS) ?? []).length > 0);
      expect(inside, 'the demo content has practices of two countries').toBeDefined();
      const outside = all.find((o) => o.country !== inside!.country && (o.title.match(WORDS) ?? []).length > 0)!;
      const session = await openPage();
      try {
        await session.page.goto(`${hosted.url}/${l}/practices/country/${inside!.country}/`);
        const own = inside!.title.match(WORDS)![0]!;
        expect(await search(session.page, own, t)).toMatch(statusPattern(t, own));
        expect(await session.page.locator(`.search-results a[href="/${l}/practices/${inside!.slug}/"]`).count()).toBe(1);
        // A word of a practice of another country: that practice is not proposed here.
        const other = outside.title.match(WORDS)![0]!;
        await search(session.page, other, t);
        expect(await session.page.locator(`.search-results a[href="/${l}/practices/${outside.slug}/"]`).count()).toBe(0);
        // The same word on the unfiltered list finds it.
        await session.page.goto(`${hosted.url}/${l}/practices/`);
        await search(session.page, other, t);
        expect(await session.page.locator(`.search-results a[href="/${l}/practices/${outside.slug}/"]`).count()).toBe(1);
      } finally {
        await session.close();
      }
    }, 120_000);

    it('says, without JavaScript, that searching by words needs it, and shows no form that cannot work', async () => {
      for (const locale of [defaultLocale, locales.find((l) => l.dir === 'rtl') ?? defaultLocale]) {
        const t = labels.get(locale.code)!;
        const session = await openPage({ javaScriptEnabled: false });
        try {
          await session.page.goto(`${hosted.url}/${locale.code}/practices/`);
          expect(await session.page.locator('[data-search-no-script]').textContent()).toBe(t('search.needsJavaScript'));
          expect(await session.page.locator('[data-search-no-script]').isVisible()).toBe(true);
          expect(await session.page.locator('.search-form').isVisible()).toBe(false);
          expect(await session.page.locator('#s-q').isVisible()).toBe(false);
        } finally {
          await session.close();
        }
      }
    });
  });
}
