/**
 * The static search's index step (src/lib/search/static-index.ts) with the real Pagefind, over a
 * small build output written here: locales the demo content does not have (a regional one, a
 * script subtag without a Pagefind stemmer, right-to-left), pages that must not be indexed, and
 * the report the build log and the bench read. The real build is checked by
 * tests/integration/static-search-checks.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, parseSearchIndexLine, searchIndexLine, SEARCH_INDEX_DIR } from '../../src/lib/search/static-index';

const out = mkdtempSync(join(tmpdir(), 'gp-search-index-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function page(path: string, lang: string, body: string): void {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><nav>Navigation</nav><main>${body}</main><footer>Footer</footer></body></html>`);
}

const practice = (title: string) => `<article data-pagefind-body><h1>${title}</h1><p>Language classes for newcomers.</p></article>`;

describe('the static search index', () => {
  it('writes one index per <html lang>, of the practice pages only, and reports it', async () => {
    page('pt-BR/practices/aulas/index.html', 'pt-BR', practice('Aulas de português'));
    page('pt-BR/practices/outra/index.html', 'pt-BR', practice('Outra prática'));
    page('zh-Hant/practices/kecheng/index.html', 'zh-Hant', practice('語言課程'));
    page('ar/practices/durus/index.html', 'ar', practice('دروس اللغة'));
    // Not practices: the list (no data-pagefind-body), a slug's redirect page, the home.
    page('ar/practices/index.html', 'ar', '<h1>الممارسات</h1>');
    page('ar/practices/old-slug/index.html', 'ar', '<p>Redirecting</p>');
    page('ar/index.html', 'ar', practice('Not a practice page'));

    const report = await buildSearchIndex(out);
    expect(report.languages).toEqual({ 'pt-br': 2, 'zh-hant': 1, ar: 1 });
    expect(report.pages).toBe(4);
    expect(report.bytes).toBeGreaterThan(0);
    // One bundle per locale folder, each with its own entry, of its own language only.
    expect(readdirSync(join(out, SEARCH_INDEX_DIR)).sort()).toEqual(['ar', 'pt-BR', 'zh-Hant']);
    for (const [folder, language, count] of [['pt-BR', 'pt-br', 2], ['zh-Hant', 'zh-hant', 1], ['ar', 'ar', 1]] as const) {
      const files = readdirSync(join(out, SEARCH_INDEX_DIR, folder));
      expect(files).toContain('pagefind.js');
      expect(files.filter((name) => /ui\.(js|css)$|highlight/.test(name))).toEqual([]);
      const entry = JSON.parse(readFileSync(join(out, SEARCH_INDEX_DIR, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(Object.fromEntries(Object.entries(entry.languages).map(([code, l]) => [code, l.page_count]))).toEqual({ [language]: count });
    }
    expect(existsSync(join(out, SEARCH_INDEX_DIR, 'pagefind-entry.json'))).toBe(false);
    expect(parseSearchIndexLine(`[gp-search-index] ${searchIndexLine(report)}`)).toEqual({ pages: 4, seconds: Number(report.seconds.toFixed(2)), bytes: report.bytes });
  });
});
