/**
 * The static search's index step (src/lib/search/static-index.ts) with the real Pagefind, over a
 * small build output written here: locales the demo content does not have (a regional one, a
 * script subtag without a Pagefind stemmer, right-to-left), pages that must not be indexed, and
 * the report the build log and the bench read. The real build is checked by
 * tests/integration/static-search-checks.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, parseSearchIndexLine, searchIndexLine, SEARCH_INDEX_DIR, SHARD_PAGES, shardCount, shardOf } from '../../src/lib/search/static-index';
import { searchShardPath } from '../../src/lib/search/bundle-paths';

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
    // Few practices: one shard per locale, nothing to merge.
    expect(JSON.parse(readFileSync(join(out, SEARCH_INDEX_DIR, 'ar', 'shards.json'), 'utf8'))).toEqual({ shards: [] });
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

describe('the sharded, incremental search index', () => {
  const site = mkdtempSync(join(tmpdir(), 'gp-search-shards-'));
  const state = join(site, '..', `${basename(site)}-state.json`);
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  afterAll(() => rmSync(state, { force: true }));

  const write = (slug: string, title: string) => {
    const file = join(site, 'en', 'practices', slug, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<!doctype html><html lang="en"><head><title>x</title></head><body><main>${practice(title)}</main></body></html>`);
  };
  const shardsOf = () => (JSON.parse(readFileSync(join(site, SEARCH_INDEX_DIR, 'en', 'shards.json'), 'utf8')) as { shards: string[] }).shards;

  it('splits a locale into shards the script merges, indexes again only the shards whose pages changed, and drops what is gone', async () => {
    // Three shards' worth of pages, then fewer than one shard holds.
    const PAGES = 2 * SHARD_PAGES + 20;
    const FEWER = SHARD_PAGES - 20;
    const slugs = Array.from({ length: PAGES }, (_, i) => `practice-${i}`);
    for (const slug of slugs) write(slug, `Practice ${slug}`);
    const count = shardCount(PAGES);
    expect(count).toBe(3);

    const first = await buildSearchIndex(site, { stateFile: state });
    expect([first.pages, first.shardsIndexed, first.shardsKept]).toEqual([PAGES, 3, 0]);
    // The bytes the report gives (kept in the state for kept shards) are those on disk.
    const onDisk = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? onDisk(join(dir, entry.name)) : statSync(join(dir, entry.name)).size), 0);
    expect(first.bytes).toBe(onDisk(join(site, SEARCH_INDEX_DIR)));
    // The first shard is the locale's bundle; the others are listed for the script's mergeIndex.
    expect(shardsOf()).toEqual([1, 2].map((n) => searchShardPath('en', n)));
    for (const n of [1, 2]) expect(existsSync(join(site, SEARCH_INDEX_DIR, '_shards', 'en', String(n), 'pagefind-entry.json'))).toBe(true);

    // Nothing changed: every shard kept.
    const again = await buildSearchIndex(site, { stateFile: state });
    expect([again.pages, again.shardsIndexed, again.shardsKept]).toEqual([PAGES, 0, 3]);
    expect(again.bytes).toBe(first.bytes);

    // One page rewritten: only its shard.
    const changed = slugs[7]!;
    write(changed, 'Practice rewritten with a new word: zanzibar');
    const one = await buildSearchIndex(site, { stateFile: state });
    expect([one.pages, one.shardsIndexed, one.shardsKept]).toEqual([PAGES, 1, 2]);
    expect(one.bytes).toBe(onDisk(join(site, SEARCH_INDEX_DIR)));
    const shard = shardOf(changed, count);
    const dir = shard === 0 ? join(site, SEARCH_INDEX_DIR, 'en') : join(site, SEARCH_INDEX_DIR, '_shards', 'en', String(shard));
    // Its index holds the new word (Pagefind's word index is in the shard's own files).
    expect(statSync(join(dir, 'pagefind-entry.json')).mtimeMs).toBeGreaterThan(statSync(join(site, SEARCH_INDEX_DIR, '_shards', 'en', String(shard === 1 ? 2 : 1), 'pagefind-entry.json')).mtimeMs);

    // Without a state file (a build from nothing) every shard is indexed.
    expect((await buildSearchIndex(site)).shardsIndexed).toBe(3);

    // Fewer practices: one shard, the others' bundles are gone; a locale without practices loses its index.
    for (const slug of slugs.slice(FEWER)) rmSync(join(site, 'en', 'practices', slug), { recursive: true });
    const fewer = await buildSearchIndex(site, { stateFile: state });
    expect([fewer.pages, fewer.shardsIndexed]).toEqual([FEWER, 1]);
    expect(shardsOf()).toEqual([]);
    expect(existsSync(join(site, SEARCH_INDEX_DIR, '_shards', 'en', '1'))).toBe(false);
    write('x', 'other');
    mkdirSync(join(site, 'cs', 'practices', 'a'), { recursive: true });
    writeFileSync(join(site, 'cs', 'practices', 'a', 'index.html'), `<!doctype html><html lang="cs"><body>${practice('Čeština')}</body></html>`);
    await buildSearchIndex(site, { stateFile: state });
    rmSync(join(site, 'cs'), { recursive: true });
    await buildSearchIndex(site, { stateFile: state });
    expect(existsSync(join(site, SEARCH_INDEX_DIR, 'cs'))).toBe(false);
  });
});
