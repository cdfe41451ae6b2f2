/**
 * `node scripts/bootstrap.mjs screenshots DIR`: full-page screenshots (1280 px wide, no JavaScript) of the site
 * that `npm start` serves, to review the layout by eye: every practice in the default locale and
 * in each right-to-left one (DIR/<slug>-<locale>.png), and the home, list and tools pages of every
 * locale (DIR/home-<locale>.png, list-…, tools-…), the fallback pages of untranslated locales
 * included. The home, list and first practice of the default and right-to-left locales are also
 * taken on a phone's width, 390 px (DIR/<name>-390.png). SITE_URL and CMS_URL point it at another
 * running site and CMS.
 *
 * A tool, not a test: it fails only when a page does not answer 200.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale, PracticeSummary } from 'strapi-plugin-good-practices/contract';
import { closeBrowser, openPage } from '../../web/tests/helpers/browser.ts';
import { ENV_FILE, parseEnv } from '../lib/env-file.ts';
import { localStack } from '../lib/local-stack.ts';
import { note, step } from '../lib/progress.ts';

const USAGE = 'usage: node scripts/bootstrap.mjs screenshots DIR   (with `npm start` running, or SITE_URL and CMS_URL set)';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function practicesOf(cmsUrl: string, locale: string): Promise<PracticeSummary[]> {
  const all: PracticeSummary[] = [];
  for (let page = 1; ; page++) {
    const { data, meta } = await getJson<{ data: PracticeSummary[]; meta: { pagination: { pageCount: number } } }>(
      `${cmsUrl}/api/good-practices/practices?locale=${encodeURIComponent(locale)}&page=${page}&pageSize=100&sort=title:asc`,
    );
    all.push(...data);
    if (page >= meta.pagination.pageCount || data.length === 0) return all;
  }
}

export async function run(args: string[]): Promise<number> {
  const [target] = args;
  if (!target || args.length > 1 || target.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(target);
  const stack = localStack(existsSync(ENV_FILE) ? parseEnv(readFileSync(ENV_FILE, 'utf8')) : {});
  const siteUrl = process.env.SITE_URL ?? stack.webUrl;
  const cmsUrl = process.env.CMS_URL ?? stack.cmsUrl;

  const { data: locales } = await getJson<{ data: Locale[] }>(`${cmsUrl}/api/good-practices/locales`);
  const pages: { name: string; path: string; phone?: boolean }[] = [];
  for (const locale of locales) {
    pages.push({ name: `home-${locale.code}`, path: `/${locale.code}/` });
    pages.push({ name: `list-${locale.code}`, path: `/${locale.code}/practices/` });
    pages.push({ name: `tools-${locale.code}`, path: `/${locale.code}/tools/` });
  }
  for (const locale of locales.filter((l) => l.isDefault || l.dir === 'rtl')) {
    for (const page of pages.filter((p) => p.path === `/${locale.code}/` || p.path === `/${locale.code}/practices/`)) page.phone = true;
    const practices = await practicesOf(cmsUrl, locale.code);
    practices.forEach((practice, index) => {
      pages.push({ name: `${practice.slug}-${locale.code}`, path: `/${locale.code}/practices/${practice.slug}/`, phone: index === 0 });
    });
  }
  const shots = pages.flatMap((p) => [{ ...p, width: 1280, file: p.name }, ...(p.phone ? [{ ...p, width: 390, file: `${p.name}-390` }] : [])]);

  mkdirSync(dir, { recursive: true });
  const failed: string[] = [];
  await step(`Screenshots of ${pages.length} pages of ${siteUrl} into ${dir}`, async () => {
    const desktop = await openPage({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const phone = await openPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    try {
      for (const shot of shots) {
        const { page } = shot.width === 390 ? phone : desktop;
        const response = await page.goto(`${siteUrl}${shot.path}`);
        if (response?.status() !== 200) {
          failed.push(`${shot.path} (${shot.width} px): ${response?.status() ?? 'no answer'}`);
          continue;
        }
        await page.screenshot({ path: path.join(dir, `${shot.file}.png`), fullPage: true });
      }
    } finally {
      await desktop.close();
      await phone.close();
      await closeBrowser();
    }
  });
  for (const failure of failed) note(`not 200: ${failure}`);
  return failed.length === 0 ? 0 : 1;
}
