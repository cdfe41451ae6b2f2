/**
 * The site's end-to-end checks, content-agnostic: what to expect is learned from the CMS's
 * public API (through the site's own CMS client), then the built/running site is checked
 * against it. Used by tests/integration/site.test.ts (the real CMS booted in-process with the
 * demo content, both modes built and served) and by tests/e2e/site.test.ts (a site and CMS that
 * are already running, e.g. `npm start`).
 *
 * Nothing is skipped silently: a check whose content precondition the CMS does not meet is
 * reported as skipped with the reason (vitest lists it), never passed. Checks that only a server
 * can pass are defined for server mode only: they are not skipped in static mode, they do not exist.
 */
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, PracticeDetail, PracticeSummary, Site } from 'strapi-plugin-good-practices/contract';
import { openDataResponse, practiceResponse } from 'strapi-plugin-good-practices/contract';
import { createCmsClient, type CmsClient } from '../../src/lib/cms/client';
import { createTranslator, defaultLocaleOf, languageName, type Translate } from '../../src/lib/i18n';
import type { defaultLabels as builtInLabels } from '../../src/lib/i18n/labels';
import { revalidationSignature as sign } from 'strapi-plugin-good-practices/contract/revalidation-webhook';
import type { SiteMode } from '../../src/lib/mode';
import { AXE_TAGS, violationLines } from '../helpers/axe';
import { closeBrowser, openPage } from '../helpers/browser';
import { decode, splitJsonLd } from '../helpers/html-text';
import { csvRecords } from '../helpers/csv';

export interface SiteTarget {
  siteUrl: string;
  cmsUrl: string;
  /** Server mode: the REVALIDATE_SECRET the site runs with (webhook checks; required there). */
  revalidateSecret?: string | undefined;
}

interface Known {
  cms: CmsClient;
  locales: Locale[];
  defaultLocale: Locale;
  sites: Map<string, Site | null>;
  practices: Map<string, PracticeSummary[]>;
  sample: PracticeDetail;
}

export function labelsFor(known: Known, locale: string): Translate {
  return createTranslator(known.sites.get(locale)?.labels);
}

async function fetchText(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * The checks of a site built in `mode`. The mode is known when the tests are defined, so the
 * checks that only a server can pass exist only for the server, instead of being skipped.
 */
export function defineSiteSuite(mode: SiteMode, target: () => SiteTarget): void {
  let known: Known;
  const site = (path: string) => new URL(path, target().siteUrl).href;

  beforeAll(async () => {
    const { cmsUrl } = target();
    const cms = createCmsClient({ baseUrl: cmsUrl, timeoutMs: 10_000 });
    const locales = await cms.locales();
    const defaultLocale = defaultLocaleOf(locales);
    const sites = new Map<string, Site | null>();
    const practices = new Map<string, PracticeSummary[]>();
    for (const l of locales) {
      sites.set(l.code, await cms.site(l.code));
      practices.set(l.code, await cms.allPractices(l.code));
    }
    const first = practices.get(defaultLocale.code)?.[0];
    if (!first) throw new Error(`The CMS at ${cmsUrl} has no published practice in the default locale: the e2e suite needs demo content`);
    const sample = await cms.practice(first.slug, defaultLocale.code);
    if (!sample) throw new Error(`practice ${first.slug} is listed but not found`);
    known = { cms, locales, defaultLocale, sites, practices, sample };
  });

  afterAll(async () => {
    await closeBrowser();
  });

  describe('routing and locales', () => {
    it('answers / with the preferred or default locale', async () => {
      const other = known.locales.find((l) => !l.isDefault) ?? known.defaultLocale;
      const root = await fetchText(site('/'), { headers: { 'accept-language': `${other.code};q=1, en;q=0.5` } });
      if (mode === 'server') {
        expect(root.status).toBe(302);
        expect(new URL(root.headers.get('location') ?? '', site('/')).pathname).toBe(`/${other.code}/`);
        expect(root.headers.get('vary')).toMatch(/accept-language/i);
      } else {
        // No server to negotiate: a chooser of every language by its own name, no refresh, no script.
        expect(root.status).toBe(200);
        expect(root.text).not.toMatch(/http-equiv="?refresh/i);
        expect(root.text).not.toMatch(/<script/i);
        expect(root.text).toMatch(/<meta name="?robots"? content="?noindex,follow"?/);
        for (const l of known.locales) {
          expect(root.text).toContain(`<a href="/${l.code}/" hreflang="${l.code}" lang="${l.code}" dir="${l.dir}">${escapeHtml(autonymOf(l.code))}</a>`);
        }
        for (const l of known.locales.filter((x) => known.sites.get(x.code))) {
          expect(root.text).toContain(`<link rel="alternate" hreflang="${l.code}" href="${site(`/${l.code}/`)}"`);
        }
      }
    });

    // A static host cannot read Accept-Language: its / is a chooser (checked above).
    if (mode === 'server') {
      it('sends each visitor of / to their own language, every CMS locale included, uncached', async () => {
        // Alternating visitors: a cached answer for one would send the next to the wrong language.
        for (let round = 0; round < 2; round++) {
          for (const l of known.locales) {
            const [language, region = 'XX'] = l.code.split('-');
            const root = await fetchText(site('/'), { headers: { 'accept-language': `${language}-${region};q=0.9, zz;q=0.8, *;q=0.1` } });
            expect(root.status, l.code).toBe(302);
            expect(new URL(root.headers.get('location') ?? '', site('/')).pathname, l.code).toBe(`/${l.code}/`);
            expect(root.headers.get('vary')).toMatch(/accept-language/i);
            expect(root.headers.get('cache-control')).toMatch(/no-store/);
            expect(root.headers.get('x-astro-cache')).toBeNull();
          }
        }
        const none = await fetchText(site('/'), { headers: { 'accept-language': 'zz, *;q=0.5' } });
        expect(new URL(none.headers.get('location') ?? '', site('/')).pathname).toBe(`/${known.defaultLocale.code}/`);
      });
    }

    it('serves every locale home with <html lang dir>, no script and one stylesheet', async () => {
      for (const l of known.locales) {
        const home = await fetchText(site(`/${l.code}/`));
        expect(home.status, `/${l.code}/`).toBe(200);
        expect(home.text).toContain(`<html lang="${l.code}" dir="${l.dir}"`);
        expect(home.text).not.toMatch(/<script/i);
        expect(home.text.match(/<link rel="stylesheet"/g)).toHaveLength(1);
        expect(home.text).toContain('<main id="main"');
      }
    });

    it('puts a search of the practices, the counts and browse tiles on every home page', async () => {
      for (const l of known.locales) {
        const t = labelsFor(known, l.code);
        const { text } = await fetchText(site(`/${l.code}/`));
        // A GET form to the list's `q`: the CMS answers it on request, the list's static search reads it.
        const form = text.match(/<form class="hero-search" method="get" action="([^"]+)" role="search">([\s\S]*?)<\/form>/);
        expect(form, l.code).toBeTruthy();
        expect(form![1]).toBe(`/${l.code}/practices/`);
        expect(form![2]).toMatch(/<input id="home-q" name="q" type="search"/);
        expect(decode(form![2]!)).toContain(t('home.searchLabel'));
        const total = known.practices.get(l.code)?.length ?? 0;
        const stats = [...text.matchAll(/<span class="stat-value">([^<]+)<\/span>/g)].map((m) => m[1]);
        expect(stats, l.code).toEqual([
          new Intl.NumberFormat(l.code).format(total),
          new Intl.NumberFormat(l.code).format(new Set((known.practices.get(l.code) ?? []).map((p) => p.country).filter(Boolean)).size),
          new Intl.NumberFormat(l.code).format(known.locales.length),
        ]);
        expect(text).toMatch(new RegExp(`<a class="tile" href="/${escapeRegExp(l.code)}/practices/`));
      }
    });

    it('shows the practices the editors featured first on every home page, each card once', async (ctx) => {
      const anyFeatured = [...known.practices.values()].some((list) => list.some((p) => p.featured));
      if (!anyFeatured) return ctx.skip('no practice in the CMS is featured');
      const newest = (list: PracticeSummary[]) => [...list].sort((a, b) => ((b.publishedAt ?? b.updatedAt) > (a.publishedAt ?? a.updatedAt) ? 1 : -1));
      for (const l of known.locales) {
        const t = labelsFor(known, l.code);
        const { text } = await fetchText(site(`/${l.code}/`));
        const listed = known.practices.get(l.code) ?? [];
        const cardLinks = (html: string) => [...html.matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
        const section = (id: string) => text.match(new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`))?.[1] ?? '';
        const featured = newest(listed.filter((p) => p.featured)).slice(0, 6);
        expect(decode(section('featured')), l.code).toContain(t('home.featured'));
        expect(cardLinks(section('featured')), l.code).toEqual(featured.map((p) => `/${l.code}/practices/${p.slug}/`));
        expect(cardLinks(section('latest')), l.code).toEqual(newest(listed.filter((p) => !p.featured)).slice(0, 6).map((p) => `/${l.code}/practices/${p.slug}/`));
        expect(text.indexOf('aria-labelledby="featured"'), l.code).toBeLessThan(text.indexOf('aria-labelledby="latest"'));
      }
    });

    it('shows the logo set in the CMS in every page header, a language without its own showing the default language’s', async (ctx) => {
      const defaultLogo = known.sites.get(known.defaultLocale.code)?.logo ?? null;
      if (![...known.sites.values()].some((s) => s?.logo)) return ctx.skip('no site texts in the CMS have a logo');
      for (const l of known.locales) {
        const logo = known.sites.get(l.code)?.logo ?? defaultLogo;
        for (const path of [`/${l.code}/`, `/${l.code}/practices/`]) {
          const { text } = await fetchText(site(path));
          const brand = text.match(/<p class="brand">([\s\S]*?)<\/p>/)?.[1] ?? '';
          if (!logo) {
            expect(brand, path).toContain('<svg class="brand-logo"');
            continue;
          }
          // Decorative (alt=""): the site name follows it inside the same link.
          const img = brand.match(/<img class="brand-logo brand-image" src="([^"]+)" alt=""([^>]*)>/);
          expect(img, path).toBeTruthy();
          expect(img![1], path).toBe(known.cms.assetUrl(logo.url));
          if (logo.width && logo.height) expect(img![2], path).toContain(`width="${logo.width}" height="${logo.height}"`);
          expect(decode(brand), path).toContain(known.sites.get(l.code)?.siteName ?? known.sites.get(known.defaultLocale.code)!.siteName);
        }
        // The file is served (the uploads' public URL, which the CSP's img-src allows).
        if (logo) expect((await fetch(known.cms.assetUrl(logo.url))).headers.get('content-type'), l.code).toMatch(/^image\//);
      }
    });

    it('shows each practice\'s cover image on its card and page through the image service: the CMS\'s copies as a srcset, its description, lazy on cards', async (ctx) => {
      const withCover = [...known.practices.values()].flat().filter((p) => p.coverImage);
      if (withCover.length === 0) return ctx.skip('no practice in the CMS has a cover image');
      for (const l of known.locales) {
        const { text: list } = await fetchText(site(`/${l.code}/practices/`));
        for (const practice of known.practices.get(l.code) ?? []) {
          const card = [...list.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)].map((m) => m[1]!).find((c) => c.includes(`href="/${l.code}/practices/${practice.slug}/"`));
          expect(card, `${l.code} ${practice.slug}`).toBeTruthy();
          const img = imgAttributes(card!, 'card-cover');
          if (!practice.coverImage) {
            expect(img, `${l.code} ${practice.slug}`).toBeNull();
            continue;
          }
          const cover = practice.coverImage;
          expect(img, `${l.code} ${practice.slug}`).toMatchObject({ src: known.cms.assetUrl(cover.url), alt: cover.alternativeText ?? '', loading: 'lazy', decoding: 'async' });
          expect(img!.width).toBe(String(cover.width));
          expect(img!.height).toBe(String(cover.height));
          expect(img!.sizes).toMatch(/100vw$/);
          // Every copy and the original, by width: the browser picks what the screen needs.
          const candidates = [...cover.renditions, { url: cover.url, width: cover.width! }].map((c) => `${known.cms.assetUrl(c.url)} ${c.width}w`);
          expect(img!.srcset?.split(', ')).toEqual(cover.renditions.length > 0 ? candidates : undefined);

          const { text: page } = await fetchText(site(`/${l.code}/practices/${practice.slug}/`));
          const hero = imgAttributes(page, 'cover');
          // Above the fold on the practice page: loaded at once.
          expect(hero, `${l.code} ${practice.slug}`).toMatchObject({ src: known.cms.assetUrl(cover.url), alt: cover.alternativeText ?? '', loading: 'eager', fetchpriority: 'high' });
          expect(hero!.srcset).toBe(img!.srcset);
        }
      }
      // The copies are served where the srcset says.
      for (const rendition of withCover[0]!.coverImage!.renditions) {
        expect((await fetch(known.cms.assetUrl(rendition.url))).headers.get('content-type')).toMatch(/^image\//);
      }
    });

    it('answers an unknown practice with a localized 404', async () => {
      const l = known.locales.find((x) => !x.isDefault) ?? known.defaultLocale;
      if (mode === 'server') {
        const missing = await fetchText(site(`/${l.code}/practices/no-such-practice-e2e/`));
        expect(missing.status).toBe(404);
        expect(missing.text).toContain(`<html lang="${l.code}"`);
        expect(decode(missing.text)).toContain(labelsFor(known, l.code)('notFound.title'));
      } else {
        const page = await fetchText(site(`/${l.code}/404/`));
        expect(page.text).toContain(`<html lang="${l.code}"`);
        expect((await fetchText(site('/404.html'))).status).toBe(200);
      }
    });
  });

  describe('practice page', () => {
    it('shows metadata, the criteria groups in order, answers and checklist states in words', async () => {
      const p = known.sample;
      const l = known.defaultLocale.code;
      const t = labelsFor(known, l);
      const page = await fetchText(site(`/${l}/practices/${p.slug}/`));
      expect(page.status).toBe(200);
      const html = decode(page.text);
      expect(html).toMatch(new RegExp(`<h1[^>]*>${escapeRegExp(p.title)}</h1>`));
      const groupPositions = [...p.groups].sort((a, b) => a.order - b.order).map((g) => html.indexOf(`>${g.title}</h3>`));
      expect(groupPositions.every((pos) => pos > 0)).toBe(true);
      expect([...groupPositions].sort((a, b) => a - b)).toEqual(groupPositions);
      const items = p.groups.flatMap((g) => g.questions.flatMap((q) => q.items));
      const stateWords = (html.match(/<span class="state">[^<]*<\/span>/g) ?? []).length;
      expect(stateWords).toBe(items.length);
      for (const g of p.groups) expect(html).toContain(t('score.summary', { met: g.score.met, total: g.score.total }));
      const unanswered = p.groups.flatMap((g) => g.questions).filter((q) => !q.answer || !q.answer.body.trim()).length;
      expect((html.match(new RegExp(escapeRegExp(t('practice.noAnswer')), 'g')) ?? []).length).toBe(unanswered);
      // 0 KB of JavaScript: the one script element is the schema.org JSON-LD (data, never run).
      const { jsonLd, html: withoutData } = splitJsonLd(html);
      expect(jsonLd).toHaveLength(1);
      expect(withoutData).not.toMatch(/<script|onerror=|javascript:/i);
      if (p.country) expect(html).toContain(new Intl.DisplayNames([l], { type: 'region' }).of(p.country) ?? p.country);
    });

    it('stays within 60 KB compressed (HTML and CSS)', async () => {
      const l = known.defaultLocale.code;
      const page = await fetchText(site(`/${l}/practices/${known.sample.slug}/`));
      const cssHref = page.text.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
      expect(cssHref).toBeTruthy();
      const css = await fetchText(site(cssHref!));
      const size = gzipSync(page.text).length + gzipSync(css.text).length;
      expect(size).toBeLessThanOrEqual(60 * 1024);
    });

    it('shows breadcrumbs on inner pages: a named nav, Home first, the page itself current', async () => {
      for (const l of known.locales) {
        const t = labelsFor(known, l.code);
        const pages = [
          { path: `/${l.code}/practices/`, trail: [`/${l.code}/`] },
          { path: `/${l.code}/tools/`, trail: [`/${l.code}/`] },
          { path: `/${l.code}/framework/`, trail: [`/${l.code}/`] },
        ];
        const own = known.practices.get(l.code)?.find((p) => p.locale === l.code);
        if (own) pages.push({ path: `/${l.code}/practices/${own.slug}/`, trail: [`/${l.code}/`, `/${l.code}/practices/`] });
        for (const { path, trail } of pages) {
          const { text } = await fetchText(site(path));
          const nav = text.match(/<nav class="wrap breadcrumbs" aria-label="([^"]+)">([\s\S]*?)<\/nav>/);
          expect(nav, path).toBeTruthy();
          expect(decode(nav![1]!)).toBe(t('site.breadcrumb'));
          const links = [...nav![2]!.matchAll(/<a ([^>]*)>/g)].map((m) => ({ href: decode(m[1]!.match(/href="([^"]+)"/)?.[1] ?? ''), current: /aria-current="page"/.test(m[1]!) }));
          expect(links, path).toEqual([...trail.map((href) => ({ href, current: false })), { href: path, current: true }]);
        }
      }
      // Home is the top: no breadcrumbs there.
      expect((await fetchText(site(`/${known.defaultLocale.code}/`))).text).not.toContain('class="wrap breadcrumbs"');
    });

    it('publishes the practice as JSON in the contract shape', async () => {
      const l = known.defaultLocale.code;
      const json = await fetch(site(`/${l}/practices/${known.sample.slug}.json`));
      expect(json.status).toBe(200);
      const parsed = practiceResponse.parse(await json.json());
      expect(parsed.data.slug).toBe(known.sample.slug);
      expect(parsed.data.title).toBe(known.sample.title);
    });

    it('offers the translations in the language switcher and as hreflang', async (ctx) => {
      const translated = await findPractice(known, (p) => p.locales.length > 1);
      if (!translated) return ctx.skip('no practice in the CMS has a translation');
      const page = await fetchText(site(`/${translated.locale}/practices/${translated.slug}/`));
      const head = page.text.slice(0, page.text.indexOf('</head>'));
      // hreflang: the real translations only, and x-default; indexed, canonical to itself.
      const hreflangs = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
      const defaultSlug = translated.locales.find((a) => a.locale === known.defaultLocale.code)?.slug;
      expect(hreflangs.sort()).toEqual(
        [
          ...translated.locales.map((alt) => `${alt.locale} ${site(`/${alt.locale}/practices/${alt.slug}/`)}`),
          ...(defaultSlug ? [`x-default ${site(`/${known.defaultLocale.code}/practices/${defaultSlug}/`)}`] : []),
        ].sort(),
      );
      expect(head).toContain(`<link rel="canonical" href="${site(`/${translated.locale}/practices/${translated.slug}/`)}"`);
      expect(head).not.toMatch(/name="?robots/);
      // The switcher: every locale, translations under their own slug, the others' fallback pages.
      const links = switcherLinksOf(page.text);
      expect(links.map((l) => l.code).sort()).toEqual(known.locales.map((l) => l.code).sort());
      for (const l of known.locales) {
        const alt = translated.locales.find((a) => a.locale === l.code);
        expect(links.find((x) => x.code === l.code)?.href, l.code).toBe(`/${l.code}/practices/${alt?.slug ?? defaultSlug}/`);
      }
      expect(links.filter((l) => l.current).map((l) => l.code)).toEqual([translated.locale]);
    });

    it('falls back to the default locale with a notice, noindex,follow without canonical nor hreflang, every language in the switcher', async (ctx) => {
      const defaultCode = known.defaultLocale.code;
      let found: { practice: PracticeDetail; locale: Locale } | undefined;
      for (const summary of known.practices.get(defaultCode) ?? []) {
        const detail = await known.cms.practice(summary.slug, defaultCode);
        const missing = known.locales.filter((l) => !detail?.locales.some((a) => a.locale === l.code));
        // A locale written the other way round shows most: the content must keep its own direction.
        const pick = missing.find((l) => l.dir !== known.defaultLocale.dir) ?? missing[0];
        if (detail && pick && (!found || (found.locale.dir === known.defaultLocale.dir && pick.dir !== found.locale.dir))) {
          found = { practice: detail, locale: pick };
        }
        if (found && found.locale.dir !== known.defaultLocale.dir) break;
      }
      if (!found) return ctx.skip('every practice is translated into every locale: no fallback page to check');
      const { practice, locale } = found;
      const page = await fetchText(site(`/${locale.code}/practices/${practice.slug}/`));
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<html lang="${locale.code}" dir="${locale.dir}"`);
      expect(page.text).toContain('class="notice" role="note"');
      // Not a translation: reachable, links followed, never indexed; no canonical, no hreflang.
      const head = page.text.slice(0, page.text.indexOf('</head>'));
      expect(head).toMatch(/<meta name="?robots"? content="?noindex,follow"?/);
      expect(head).not.toContain('rel="canonical"');
      expect(head).not.toContain('hreflang=');
      // Still offers every language: the real translations and the other fallback pages.
      const links = switcherLinksOf(page.text);
      expect(links.map((l) => l.code).sort()).toEqual(known.locales.map((l) => l.code).sort());
      for (const l of known.locales) {
        const alt = practice.locales.find((a) => a.locale === l.code);
        expect(links.find((x) => x.code === l.code)?.href, l.code).toBe(`/${l.code}/practices/${alt?.slug ?? practice.slug}/`);
      }
      expect(page.text).toContain(`lang="${defaultCode}"`);
      // Every piece of default-locale content says its language and, when the page is written the
      // other way round, its direction (else English punctuation lands on the wrong side in Arabic).
      const main = page.text.slice(page.text.indexOf('<main'), page.text.indexOf('</main>'));
      const tagsInContentLang = main.match(new RegExp(`<[a-z0-9]+\\s[^>]*\\blang="${defaultCode}"[^>]*>`, 'g')) ?? [];
      expect(tagsInContentLang.length).toBeGreaterThan(0);
      if (locale.dir !== known.defaultLocale.dir) {
        expect(tagsInContentLang.filter((tag) => !tag.includes(`dir="${known.defaultLocale.dir}"`))).toEqual([]);
      }
    });
  });

  describe('every language on every page', () => {
    it('lists every CMS locale in the language switcher of every kind of page, by its own name, the current one marked', async () => {
      const d = known.defaultLocale.code;
      const other = known.locales.find((l) => !l.isDefault) ?? known.defaultLocale;
      const tool = (await known.cms.tools(d))[0];
      const pages = [
        `/${d}/`,
        `/${other.code}/`,
        `/${other.code}/practices/`,
        `/${other.code}/framework/`,
        `/${other.code}/tools/`,
        `/${other.code}/about/`,
        `/${d}/practices/${known.sample.slug}/`,
        `/${other.code}/practices/${known.sample.locales.find((a) => a.locale === other.code)?.slug ?? known.sample.slug}/`,
        ...(tool ? [`/${other.code}/tools/${tool.slug}/`] : []),
        `/${other.code}/404/`,
      ];
      const country = known.sample.country;
      if (country) pages.push(`/${d}/practices/country/${country}/`);
      // The same order in both modes: the default locale first, then by code.
      const offered = [d, ...known.locales.map((l) => l.code).filter((c) => c !== d).sort()];
      for (const path of pages) {
        const page = await fetchText(site(path));
        const links = switcherLinksOf(page.text);
        expect(links.map((l) => l.code), path).toEqual(offered);
        const current = path.split('/')[1];
        expect(links.filter((l) => l.current).map((l) => l.code), path).toEqual([current]);
        for (const link of links) {
          const locale = known.locales.find((l) => l.code === link.code)!;
          expect(link.tag, `${path} ${link.code}`).toContain(`hreflang="${locale.code}" lang="${locale.code}" dir="${locale.dir}"`);
          expect(link.name, `${path} ${link.code}`).toBe(autonymOf(locale.code));
          // A list keeps its filter in every locale where that list exists (on request: all).
          if (country && path.includes('/country/') && (mode === 'server' || known.practices.get(link.code)?.some((p) => p.country === country))) {
            expect(link.href, `${path} ${link.code}`).toBe(`/${link.code}/practices/country/${country}/`);
          }
          // Every link leads to a page (not a 404) in that language.
          if (!link.current) {
            const target = await fetch(site(link.href), { redirect: 'manual' });
            expect(target.status, `${path} → ${link.href}`).toBe(200);
          }
        }
      }
    });

    it('shows a locale without any text of its own in full: its UI labels whole in the fallback language, marked, and not indexed', async (ctx) => {
      const bare = known.locales.find((l) => !known.sites.get(l.code));
      if (!bare) return ctx.skip('every CMS locale has its site texts: add a locale without any (the integration test does)');
      const d = known.defaultLocale;
      // What the locale gets instead: the default locale's CMS labels, else the built-in English.
      const defaultLabels = known.sites.get(d.code)?.labels ?? {};
      const fallback = createTranslator(defaultLabels);
      const langOf = (key: keyof typeof builtInLabels) => ((defaultLabels[key] ?? '').trim() !== '' ? d.code : 'en');

      // A practice page there: the notice is one sentence in one language, names included.
      const practice = await fetchText(site(`/${bare.code}/practices/${known.sample.slug}/`));
      expect(practice.status).toBe(200);
      const noticeLang = langOf('fallback.notice');
      const notice = fallback('fallback.notice', { language: languageName(bare.code, noticeLang), fallbackLanguage: languageName(d.code, noticeLang) });
      const shown = decode(practice.text).match(/<p class="notice" role="note"([^>]*)>([^<]*)<\/p>/);
      expect(shown?.[2]).toBe(notice);
      expect(shown?.[1]).toContain(`lang="${noticeLang}"`);

      const home = await fetchText(site(`/${bare.code}/`));
      expect(home.status).toBe(200);
      expect(home.text).toContain(`<html lang="${bare.code}" dir="${bare.dir}"`);
      // Each label is the fallback language's whole label, in an element that says its language.
      expect(home.text).toContain(`<a class="skip-link" href="#main" lang="${langOf('site.skipLink')}"`);
      expect(decode(home.text)).toMatch(new RegExp(`<a href="/${bare.code}/practices/"[^>]* lang="${langOf('nav.practices')}"[^>]*>${escapeRegExp(fallback('nav.practices'))}</a>`));
      // Not a translation: not indexed.
      const head = home.text.slice(0, home.text.indexOf('</head>'));
      expect(head).toMatch(/<meta name="?robots"? content="?noindex,follow"?/);
      expect(head).not.toContain('rel="canonical"');
    });
  });

  describe('open data and citations', () => {
    it('serves every locale’s practices as RFC 4180 CSV: a row per published practice, in the language it is shown in', async () => {
      for (const l of known.locales) {
        const response = await fetch(site(`/${l.code}/practices.csv`));
        expect(response.status).toBe(200);
        if (mode === 'server') {
          expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
          expect(response.headers.get('content-disposition')).toBe(`attachment; filename="practices-${l.code}.csv"`);
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const { header, records } = csvRecords(new TextDecoder('utf-8', { ignoreBOM: false, fatal: true }).decode(bytes));
        const listed = known.practices.get(l.code) ?? [];
        expect(records.map((r) => `${r.language}/${r.slug}`).sort()).toEqual(listed.map((p) => `${p.locale}/${p.slug}`).sort());
        for (const p of listed) {
          const row = records.find((r) => r.id === p.documentId)!;
          const title = /^[=+\-@\t\r]/.test(p.title) ? `'${p.title}` : p.title;
          expect(row.title).toBe(title);
          expect(row.url).toBe(site(`/${l.code}/practices/${p.slug}/`));
          expect(row.integrationAreaKeys).toBe(p.integrationAreas.map((a) => a.key).join('; '));
          for (const score of p.scores) expect(row[`${score.groupKey}:met`]).toBe(String(score.met));
        }
        // One column per checklist item, named by its key, with its state.
        const sample = records.find((r) => r.id === known.sample.documentId);
        if (sample) {
          for (const item of known.sample.groups.flatMap((g) => g.questions.flatMap((q) => q.items))) {
            expect(header).toContain(item.key);
            if (l.code === known.defaultLocale.code) expect(sample[item.key]).toBe(item.state);
          }
        }
      }
    });

    it('serves the same data as JSON in the contract’s shape, with the licence and the date', async () => {
      for (const l of known.locales) {
        const response = await fetch(site(`/${l.code}/practices.json`));
        expect(response.status).toBe(200);
        const data = openDataResponse.parse(await response.json());
        const listed = known.practices.get(l.code) ?? [];
        expect(data.data.map((r) => `${r.language}/${r.slug}`).sort()).toEqual(listed.map((p) => `${p.locale}/${p.slug}`).sort());
        expect(data.meta.count).toBe(listed.length);
        const texts = known.sites.get(l.code) ?? known.sites.get(known.defaultLocale.code);
        expect(data.meta.licence).toEqual(texts?.dataLicence);
        const newest = listed.map((p) => p.publishedAt ?? p.updatedAt).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
        expect(data.meta.modified).toBe(newest);
      }
    });

    it('describes every field, the licence and the date on the data page, linked from every page’s footer', async () => {
      for (const l of known.locales) {
        const t = labelsFor(known, l.code);
        const home = await fetchText(site(`/${l.code}/`));
        expect(home.text).toContain(`href="/${l.code}/data/"`);
        const page = await fetchText(site(`/${l.code}/data/`));
        expect(page.status).toBe(200);
        const html = decode(page.text);
        expect(html).toContain(`href="/${l.code}/practices.csv"`);
        expect(html).toContain(`href="/${l.code}/practices.json"`);
        expect(html).toContain('/api/good-practices/openapi.json');
        const licence = (known.sites.get(l.code) ?? known.sites.get(known.defaultLocale.code))!.dataLicence;
        expect(html).toContain(`>${licence.name}</a>`);
        expect(html).toMatch(/<time datetime="[^"]+">/);
        const csvHeader = (await (await fetch(site(`/${l.code}/practices.csv`))).text()).split('\r\n')[0]!.replace(/^\uFEFF/, '');
        for (const column of csvHeader.split(',').map((c) => c.replace(/^"|"$/g, '')).filter((c) => !c.includes('.') && !c.includes(':'))) {
          expect(html, column).toContain(`<code dir="ltr">${column}</code>`);
        }
        expect(html).toContain(t('data.field.checklist'));
        expect(html).not.toMatch(/<script/i);
      }
    });

    it('offers a citation line, BibTeX, RIS and schema.org JSON-LD for a practice', async () => {
      const p = known.sample;
      const l = known.defaultLocale.code;
      const pageUrl = site(`/${l}/practices/${p.slug}/`);
      const html = decode((await fetchText(pageUrl)).text);
      const { jsonLd } = splitJsonLd(html);
      expect(jsonLd).toEqual([expect.objectContaining({ '@context': 'https://schema.org', '@type': 'CreativeWork', url: pageUrl, name: p.title, inLanguage: p.locale })]);
      expect(html).toContain(`<cite>${p.title}</cite>`);
      const bib = await fetch(site(`/${l}/practices/${p.slug}.bib`));
      expect(bib.status).toBe(200);
      const bibText = await bib.text();
      // citation-js 0.8 makes its own key (author, year, first title word); the entry is a @misc.
      expect(bibText).toMatch(/^@misc\{[^,\s]+,$/m);
      expect(bibText).toContain(`url = {${pageUrl}}`);
      const ris = await fetch(site(`/${l}/practices/${p.slug}.ris`));
      expect(ris.status).toBe(200);
      const risText = await ris.text();
      expect(risText).toMatch(/^TY {2}- ELEC\r\n/);
      expect(risText).toContain(`TI  - ${p.title}\r\n`);
      expect(risText).toContain(`UR  - ${pageUrl}\r\n`);
      expect(risText).toMatch(/ER {2}- *(\r\n)*$/);
      if (mode === 'server') {
        expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
        expect(ris.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
        expect(ris.headers.get('content-disposition')).toBe(`attachment; filename="${p.slug}.ris"`);
      }
      expect((await fetch(site(`/${l}/practices/no-such-practice-e2e.bib`))).status).toBe(404);
    });
  });

  describe('lists, feeds and sitemap', () => {
    it('lists the practices of each locale with their count and pagination', async () => {
      for (const l of known.locales) {
        const total = known.practices.get(l.code)?.length ?? 0;
        const page = await fetchText(site(`/${l.code}/practices/`));
        expect(page.status).toBe(200);
        const t = labelsFor(known, l.code);
        expect(decode(page.text)).toContain(total === 1 ? t('list.resultsOne') : t('list.results', { count: total }));
        if (total > 25) {
          expect(page.text).toContain(`href="/${l.code}/practices/page/2/"`);
          expect((await fetchText(site(`/${l.code}/practices/page/2/`))).status).toBe(200);
        }
      }
    });

    it('names the terms of every card in the visitor’s language where a translator did, marking the others, even on a fallback card', async (ctx) => {
      let fallbackCards = 0;
      let translatedTermsOnFallbackCards = 0;
      for (const l of known.locales) {
        const page = await fetchText(site(`/${l.code}/practices/`));
        const cards = [...page.text.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)].map((m) => m[1]!);
        expect(cards.length, l.code).toBeGreaterThan(0);
        for (const card of cards) {
          const href = card.match(/<a href="([^"]+)"/)?.[1] ?? '';
          const summary = known.practices.get(l.code)?.find((p) => href.endsWith(`/practices/${p.slug}/`));
          expect(summary, `${l.code}: card ${href} is a practice the CMS lists`).toBeDefined();
          // What the card shows: each tag's text and language, in order.
          const shown = [...card.matchAll(/<span class="tag"([^>]*)>([^<]*)<\/span>/g)].map((m) => ({
            name: decode(m[2]!),
            lang: m[1]!.match(/\blang="([^"]+)"/)?.[1],
          }));
          const expected = summary!.integrationAreas.map((term) => ({ name: term.name, lang: term.locale !== l.code ? term.locale : undefined }));
          expect(shown, `${l.code}: tags of ${href}`).toEqual(expected);
          if (summary!.locale !== l.code) {
            fallbackCards++;
            translatedTermsOnFallbackCards += summary!.integrationAreas.filter((term) => term.locale === l.code).length;
          }
        }
      }
      if (fallbackCards === 0 || translatedTermsOnFallbackCards === 0) {
        return ctx.skip('no fallback card with a term translated into its locale on a first list page: nothing to distinguish');
      }
    });

    it('has a per-country facet page', async () => {
      const l = known.defaultLocale.code;
      const country = (known.practices.get(l) ?? []).find((p) => p.country)?.country;
      expect(country).toBeTruthy();
      const count = (known.practices.get(l) ?? []).filter((p) => p.country === country).length;
      const page = await fetchText(site(`/${l}/practices/country/${country}/`));
      expect(page.status).toBe(200);
      const t = labelsFor(known, l);
      expect(decode(page.text)).toContain(count === 1 ? t('list.resultsOne') : t('list.results', { count }));
    });

    it('filters with the GET form on request, or offers facet links when static', async () => {
      const l = known.defaultLocale.code;
      if (mode !== 'server') {
        const list = await fetchText(site(`/${l}/practices/`));
        expect(list.text).toContain('<nav class="facets"');
        // No GET form a static host could not answer: the only form is the search box of the
        // static search, hidden until its script runs (tests/integration/static-search-checks.ts).
        expect(list.text.match(/<form\b[^>]*>/g)).toEqual(['<form class="search-form" role="search" aria-labelledby="search-heading" hidden>']);
        expect(list.text).not.toMatch(/<select\b|method="get"/i);
        // Its one script, the search's (the static site's only one).
        expect(list.text.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/^<script type="module" src="\/_astro\/[^"]+\.js">$/)]);
        return;
      }
      const sample = known.sample;
      const area = sample.integrationAreas[0]?.key;
      const query = new URLSearchParams({ q: '', country: sample.country ?? '', area: area ?? '', sort: 'title:asc' });
      const expected = await known.cms.practices({ locale: l, sort: 'title:asc', ...(sample.country ? { country: sample.country } : {}), ...(area ? { area } : {}) });
      const page = await fetchText(site(`/${l}/practices/?${query}`));
      expect(page.status).toBe(200);
      const titles = [...page.text.matchAll(/<h2 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => decode(m[1]!));
      expect(titles).toEqual(expected.data.map((p) => p.title));
      expect(page.text).toMatch(/<label for="f-country">/);
      // The CMS answers the search on request: no script (static mode's search is not here).
      expect(page.text).not.toMatch(/<script/i);
      expect(page.text).not.toContain('data-static-search');
    });

    it('publishes an RSS feed per locale', async () => {
      for (const l of known.locales) {
        const feed = await fetchText(site(`/${l.code}/rss.xml`));
        expect(feed.status).toBe(200);
        expect(feed.headers.get('content-type')).toContain('xml');
        expect(feed.text).toContain(`<language>${l.code}</language>`);
        const count = (feed.text.match(/<item>/g) ?? []).length;
        expect(count).toBe(Math.min(50, known.practices.get(l.code)?.length ?? 0));
      }
    });

    it('has robots.txt and a sitemap with hreflang alternates', async () => {
      const robots = await fetchText(site('/robots.txt'));
      expect(robots.text).toMatch(/Sitemap: .*\/sitemap\.xml/);
      const map = await fetchText(site('/sitemap.xml'));
      expect(map.status).toBe(200);
      expect(map.text).toContain(`<loc>${site(`/${known.defaultLocale.code}/practices/${known.sample.slug}/`)}</loc>`);
      if (known.locales.length > 1) expect(map.text).toContain('<xhtml:link rel="alternate" hreflang=');
    });

    it('lists in the sitemap the real translations only, each with the others as alternates', async () => {
      const map = (await fetchText(site('/sitemap.xml'))).text;
      const entries = new Map(
        [...map.matchAll(/<url>\s*<loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map((m) => [
          decode(m[1]!),
          [...m[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => `${a[1]} ${decode(a[2]!)}`).sort(),
        ]),
      );
      for (const summary of known.practices.get(known.defaultLocale.code) ?? []) {
        const detail = await known.cms.practice(summary.slug, known.defaultLocale.code);
        if (!detail) continue;
        const real = detail.locales.map((a) => `${a.locale} ${site(`/${a.locale}/practices/${a.slug}/`)}`);
        const alternates = real.length > 1 ? [...real, `x-default ${site(`/${known.defaultLocale.code}/practices/${detail.slug}/`)}`].sort() : [];
        for (const l of known.locales) {
          const alt = detail.locales.find((a) => a.locale === l.code);
          if (alt) expect(entries.get(site(`/${l.code}/practices/${alt.slug}/`)), `${l.code} ${alt.slug}`).toEqual(alternates);
          else expect(entries.has(site(`/${l.code}/practices/${detail.slug}/`)), `fallback page ${l.code} ${detail.slug} in the sitemap`).toBe(false);
        }
      }
      // The pages of a locale without its own site texts are fallbacks too.
      for (const l of known.locales) expect(entries.has(site(`/${l.code}/`)), `/${l.code}/`).toBe(Boolean(known.sites.get(l.code)));
    });
  });

  // Static hosting sets its own headers, and has no webhook.
  if (mode === 'server') {
    describe('server mode only', () => {
      it('sends the security headers', async () => {
        const page = await fetchText(site(`/${known.defaultLocale.code}/`));
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).toContain(`frame-ancestors 'self' ${new URL(target().cmsUrl).origin}`);
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
        expect(page.headers.get('referrer-policy')).toBeTruthy();
      });

      it('accepts a signed webhook once and rejects bad, stale and replayed calls', async () => {
        const secret = target().revalidateSecret;
        if (!secret) throw new Error('the site’s REVALIDATE_SECRET must be given to the test (SiteTarget.revalidateSecret)');
        const body = JSON.stringify({ model: 'practice', entry: { slug: known.sample.slug, locale: known.defaultLocale.code } });
        const post = (ts: string, signature: string) =>
          fetch(site('/api/revalidate'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-gp-timestamp': ts, 'x-gp-signature': signature }, body });
        const now = String(Math.floor(Date.now() / 1000));
        expect((await post(now, sign(secret, now, body))).status).toBe(200);
        expect((await post(now, sign(secret, now, body))).status).toBe(409);
        expect((await post(now, sign('wrong', now, body))).status).toBe(401);
        const old = String(Math.floor(Date.now() / 1000) - 600);
        expect((await post(old, sign(secret, old, body))).status).toBe(401);
      });
    });
  }

  describe('in a browser', () => {
    const pagesToAudit = () => {
      const other = known.locales.find((l) => l.dir === 'rtl') ?? known.locales.find((l) => !l.isDefault);
      const codes = [known.defaultLocale.code, ...(other ? [other.code] : [])];
      return codes.flatMap((c) => [`/${c}/`, `/${c}/practices/`, `/${c}/framework/`, `/${c}/tools/`, `/${c}/about/`, `/${c}/data/`]).concat(
        `/${known.defaultLocale.code}/practices/${known.sample.slug}/`,
      );
    };

    it('has no WCAG 2.2 AA violations that axe can find', async () => {
      const session = await openPage();
      try {
        const report: string[] = [];
        for (const path of pagesToAudit()) {
          await session.page.goto(site(path));
          const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          report.push(...violationLines(path, results.violations));
        }
        expect(report).toEqual([]);
      } finally {
        await session.close();
      }
      // Thirteen full axe analyses: about 55 s on an idle 2-core machine, so more than the default 60 s under load.
    }, 300_000);

    it('has no axe violations in the dark colour scheme either (home, list, practice; default and right-to-left locale)', async () => {
      const other = known.locales.find((l) => l.dir === 'rtl') ?? known.locales.find((l) => !l.isDefault);
      const codes = [known.defaultLocale.code, ...(other ? [other.code] : [])];
      const session = await openPage({ colorScheme: 'dark' });
      try {
        expect(await session.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        const report: string[] = [];
        for (const path of codes.flatMap((c) => [`/${c}/`, `/${c}/practices/`, `/${c}/practices/${known.sample.slug}/`])) {
          await session.page.goto(site(path));
          // The dark scheme is in force: the page's background is not the light one.
          expect(await session.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), path).not.toBe('rgb(255, 255, 255)');
          const results = await new AxeBuilder({ page: session.page }).withTags([...AXE_TAGS]).analyze();
          report.push(...violationLines(path, results.violations));
        }
        expect(report).toEqual([]);
      } finally {
        await session.close();
      }
    }, 300_000);

    it('shows a phone the result count and results first, the filters after them in a closed disclosure; a wide screen the filters beside the results', async () => {
      const other = known.locales.find((l) => l.dir === 'rtl');
      for (const code of [known.defaultLocale.code, ...(other ? [other.code] : [])]) {
        const path = `/${code}/practices/`;
        const phone = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, javaScriptEnabled: false });
        try {
          await phone.page.goto(site(path));
          const shown = await phone.page.evaluate(() => {
            const filters = document.querySelector<HTMLDetailsElement>('details.list-filters');
            const count = document.querySelector('.result-count')!.getBoundingClientRect();
            const firstCard = document.querySelector('.card')!.getBoundingClientRect();
            const content = filters?.querySelector('.filters, .facets');
            return {
              open: filters?.open,
              summaryVisible: !!filters && filters.querySelector('summary')!.getBoundingClientRect().height > 0,
              controlsInside: !!content,
              // Inside a closed <details> the controls are not rendered (content-visibility: hidden).
              controlsHidden: !!content && !content.checkVisibility(),
              countAbove: count.bottom <= firstCard.top,
              resultsAbove: !!filters && firstCard.bottom <= filters.getBoundingClientRect().top,
            };
          });
          expect(shown, path).toEqual({ open: false, summaryVisible: true, controlsInside: true, controlsHidden: true, countAbove: true, resultsAbove: true });
        } finally {
          await phone.close();
        }
        const wide = await openPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
        try {
          await wide.page.goto(site(path));
          const laid = await wide.page.evaluate(() => {
            const results = document.querySelector('.list-results')!.getBoundingClientRect();
            const filters = document.querySelector('.list-filters')!.getBoundingClientRect();
            const heading = document.querySelector('.list-filters .filters-heading')!.getBoundingClientRect();
            const rtl = document.documentElement.dir === 'rtl';
            return {
              beside: rtl ? filters.right <= results.left : filters.left >= results.right,
              sameRow: filters.top < results.bottom && results.top < filters.bottom,
              filtersShown: heading.height > 0 && heading.width > 1,
              resultsWide: results.width >= 600,
            };
          });
          expect(laid, path).toEqual({ beside: true, sameRow: true, filtersShown: true, resultsWide: true });
        } finally {
          await wide.close();
        }
      }
    });

    it('works without JavaScript, skip link first, headings in order', async () => {
      const session = await openPage({ javaScriptEnabled: false });
      try {
        const { page } = session;
        await page.goto(site(`/${known.defaultLocale.code}/practices/${known.sample.slug}/`));
        expect(await page.locator('h1').textContent()).toBe(known.sample.title);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
        const levels = await page.locator('main h1, main h2, main h3, main h4, main h5, main h6').evaluateAll((els) => els.map((e) => Number(e.tagName[1])));
        for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
        expect(await page.locator('header').count()).toBeGreaterThan(0);
        expect(await page.locator('footer').count()).toBeGreaterThan(0);
      } finally {
        await session.close();
      }
    });

    it('lays right-to-left locales out right to left', async (ctx) => {
      const rtl = known.locales.find((l) => l.dir === 'rtl');
      if (!rtl) return ctx.skip('the CMS has no right-to-left locale');
      const session = await openPage({ javaScriptEnabled: false });
      try {
        await session.page.goto(site(`/${rtl.code}/`));
        const { brand, width } = await session.page.evaluate(() => ({
          brand: document.querySelector('.brand')!.getBoundingClientRect().right,
          width: document.documentElement.clientWidth,
        }));
        expect(brand).toBeGreaterThan(width / 2);
      } finally {
        await session.close();
      }
    });
  });
}

async function findPractice(known: Known, predicate: (p: PracticeDetail) => boolean): Promise<PracticeDetail | undefined> {
  for (const [locale, list] of known.practices) {
    for (const summary of list.slice(0, 30)) {
      const detail = await known.cms.practice(summary.slug, locale);
      if (detail && predicate(detail)) return detail;
    }
  }
  return undefined;
}

interface SwitcherLinkShown {
  code: string;
  href: string;
  name: string;
  current: boolean;
  tag: string;
}

/** The links of a page's language switcher, as rendered. */
function switcherLinksOf(html: string): SwitcherLinkShown[] {
  const nav = html.match(/<nav class="language-switcher"[\s\S]*?<\/nav>/)?.[0] ?? '';
  return [...nav.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map((m) => ({
    code: m[1]!.match(/\bhreflang="([^"]+)"/)?.[1] ?? '',
    href: decode(m[1]!.match(/\bhref="([^"]+)"/)?.[1] ?? ''),
    name: decode(m[2]!),
    current: /\baria-current="page"/.test(m[1]!),
    tag: m[0],
  }));
}

/** A language's own name, capitalised, as the site writes it. */
function autonymOf(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** The attributes of the first <img> of `html` with class `className`, entities decoded; null without one. */
function imgAttributes(html: string, className: string): Record<string, string> | null {
  const tag = [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]).find((t) => new RegExp(`\\sclass="${className}"`).test(t));
  if (!tag) return null;
  return Object.fromEntries([...tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
