/**
 * Search shards indexed while the pages render (src/lib/search/render-time-shards.ts), with the
 * real Pagefind over a small build output written here, playing Astro's part: the path list with
 * each page's key, a page rendered (its body handed over, then written), the end of the build.
 *
 * - a shard whose changed page was rendered is prepared, taken at the end, and equals an index of
 *   the same pages built from nothing;
 * - a prepared shard whose pages changed after it was indexed (Astro rendered a page it was not
 *   expected to) is not taken: the end indexes it again, with the page as it is now;
 * - practice pages come first in the path list, except where another route gives the same pathname.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, SEARCH_INDEX_DIR } from '../../src/lib/search/static-index';
import { practicePagesFirst, RenderTimeShards } from '../../src/lib/search/render-time-shards';
import { SEARCH_PREPARED_DIR } from '../../src/lib/search/bundle-paths';
import { fileDigests } from '../helpers/file-digests';

const work = mkdtempSync(join(tmpdir(), 'gp-render-time-shards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const html = (title: string, text: string) =>
  Buffer.from(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></body></html>`);

const SLUGS = ['alpha', 'beta', 'gamma', 'delta'];
const ROUTE = { route: '/[locale]/practices/[slug]' };
const paths = (keys: Record<string, string>) => SLUGS.map((slug) => ({ pathname: `/en/practices/${slug}`, route: ROUTE, cacheKey: keys[slug]! }));

function writePage(out: string, slug: string, body: Buffer): void {
  const file = join(out, 'en', 'practices', slug, 'index.html');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
}

/** Every file of the index folder (path → SHA-1). */
const indexFiles = (out: string): Map<string, string> => fileDigests(join(out, SEARCH_INDEX_DIR));

/** A site built once (every page, its keys recorded), as the build before a publish leaves it. */
async function siteBuiltOnce(name: string) {
  const out = join(work, name, 'dist');
  const cache = join(work, name, 'cache');
  const keys = Object.fromEntries(SLUGS.map((slug) => [slug, `key-${slug}-1`]));
  for (const slug of SLUGS) writePage(out, slug, html(slug, `First text of ${slug}.`));
  const first = new RenderTimeShards(out, join(cache, 'pages.json'));
  await first.plan(paths(keys));
  await buildSearchIndex(out, { stateFile: join(cache, 'index.json'), prepared: await first.finish() });
  return { out, cache, keys };
}

/** An index of the same pages from nothing, to compare with. */
async function indexFromNothing(out: string): Promise<Map<string, string>> {
  const copy = join(work, `copy-${Date.now()}`);
  for (const slug of SLUGS) writePage(copy, slug, readFileSync(join(out, 'en', 'practices', slug, 'index.html')));
  await buildSearchIndex(copy);
  return indexFiles(copy);
}

describe('search shards indexed while the pages render', () => {
  it('prepares the shard of a rendered page, takes it at the end, and it equals an index from nothing', async () => {
    const { out, cache, keys } = await siteBuiltOnce('prepared');
    const build = new RenderTimeShards(out, join(cache, 'pages.json'));
    await build.plan(paths({ ...keys, beta: 'key-beta-2' }));
    expect(build.summary).toBe('1 expected to change');
    // Astro renders the page, then writes it.
    const body = html('beta', 'Second text of beta, after a publish.');
    build.rendered('/en/practices/beta/', body);
    writePage(out, 'beta', body);
    const prepared = await build.finish();
    expect([...prepared.keys()]).toEqual(['en|0']);
    expect(build.summary).toBe('1 of the 1 expected to change');

    const report = await buildSearchIndex(out, { stateFile: join(cache, 'index.json'), prepared });
    expect(report).toMatchObject({ shardsIndexed: 1, shardsPrepared: 1, shardsKept: 0 });
    expect(readdirSync(join(out, SEARCH_INDEX_DIR))).not.toContain(SEARCH_PREPARED_DIR);
    expect(indexFiles(out)).toEqual(await indexFromNothing(out));
  });

  it('leaves a prepared shard whose pages changed after it was indexed, and indexes the pages as they are', async () => {
    const { out, cache, keys } = await siteBuiltOnce('spoilt');
    const build = new RenderTimeShards(out, join(cache, 'pages.json'));
    await build.plan(paths({ ...keys, beta: 'key-beta-2' }));
    const body = html('beta', 'Second text of beta.');
    build.rendered('/en/practices/beta/', body);
    writePage(out, 'beta', body);
    const prepared = await build.finish();
    expect(prepared.size).toBe(1);
    // A page expected kept is written again after the shard was indexed (a code change renders every page).
    writePage(out, 'gamma', html('gamma', 'Gamma rewritten after the shard was indexed.'));

    const report = await buildSearchIndex(out, { stateFile: join(cache, 'index.json'), prepared });
    expect(report).toMatchObject({ shardsIndexed: 1, shardsPrepared: 0 });
    expect(readdirSync(join(out, SEARCH_INDEX_DIR))).not.toContain(SEARCH_PREPARED_DIR);
    expect(indexFiles(out)).toEqual(await indexFromNothing(out));
  });

  it('prepares nothing without an earlier build’s keys, or for a page Astro does not render', async () => {
    const out = join(work, 'fresh', 'dist');
    for (const slug of SLUGS) writePage(out, slug, html(slug, 'Text.'));
    const fresh = new RenderTimeShards(out, join(work, 'fresh', 'cache', 'pages.json'));
    await fresh.plan(paths(Object.fromEntries(SLUGS.map((slug) => [slug, 'k']))));
    expect(fresh.summary).toBe('no earlier build to compare with');
    expect((await fresh.finish()).size).toBe(0);

    const { out: built, cache, keys } = await siteBuiltOnce('unrendered');
    const build = new RenderTimeShards(built, join(cache, 'pages.json'));
    await build.plan(paths({ ...keys, delta: 'key-delta-2' }));
    // Nothing rendered: the shard is left to the end, and the build does not wait for it.
    expect((await build.finish()).size).toBe(0);
    expect(build.summary).toBe('0 of the 1 expected to change (1 still waiting for a page Astro kept)');
  });

  it('puts the practice pages first, unless another route gives the same pathname', () => {
    const list = [
      { pathname: '/en/about', route: { route: '/[locale]/about' } },
      { pathname: '/en/practices/page', route: { route: '/[locale]/practices/[...facet]' } },
      { pathname: '/en/practices/alpha', route: ROUTE },
      { pathname: '/en/practices/page', route: ROUTE },
    ];
    expect(practicePagesFirst(list).map((path) => `${path.route.route} ${path.pathname}`)).toEqual([
      '/[locale]/practices/[slug] /en/practices/alpha',
      '/[locale]/about /en/about',
      '/[locale]/practices/[...facet] /en/practices/page',
      '/[locale]/practices/[slug] /en/practices/page',
    ]);
  });
});
