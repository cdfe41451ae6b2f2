/**
 * The static search's shards in a real browser: a locale's index written in several shards by the
 * build's index step (src/lib/search/static-index.ts) and merged as the list page's script merges
 * them (src/scripts/static-search.ts: the bundle's `shards.json`, Pagefind's `mergeIndex`) finds
 * every page, whichever shard holds it, and a word of one page in its shard only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, shardCount } from '../../src/lib/search/static-index';
import { closeBrowser, openPage } from '../helpers/browser';
import { serveStatic } from '../helpers/site-build';

const site = mkdtempSync(join(tmpdir(), 'gp-search-shards-browser-'));
let server: Awaited<ReturnType<typeof serveStatic>>;
const PAGES = 300;

function write(path: string, html: string): void {
  const file = join(site, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

beforeAll(async () => {
  for (let i = 0; i < PAGES; i++) {
    const words = i === 123 ? 'a practice about beekeeping cooperatives' : 'a practice about language cafés';
    write(`en/practices/practice-${i}/index.html`, `<!doctype html><html lang="en"><head><title>p${i}</title></head><body><article data-pagefind-body><h1>Practice ${i}</h1><p>Integration ${words}.</p></article></body></html>`);
  }
  write('index.html', '<!doctype html><html lang="en"><head><title>search</title></head><body><p>search</p></body></html>');
  write('404.html', '<!doctype html><html lang="en"><head><title>404</title></head><body>not found</body></html>');
  const report = await buildSearchIndex(site);
  expect(report.shardsIndexed).toBe(shardCount(PAGES));
  server = await serveStatic(site);
});

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('the static search index in shards', () => {
  it('merged as the list page merges them, finds every page and a word of one page', async () => {
    const session = await openPage();
    try {
      await session.page.goto(`${server.url}/`);
      // A string: the test runner would rewrite an import() in a function.
      const found = (await session.page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/en/pagefind.js');
        await pagefind.options({});
        const { shards } = await (await fetch('/pagefind/en/shards.json')).json();
        await Promise.all(shards.map((shard) => pagefind.mergeIndex(shard)));
        const every = await pagefind.search('integration');
        const one = await pagefind.search('beekeeping');
        return { shards: shards.length, every: every.results.length, one: await Promise.all(one.results.map(async (r) => (await r.data()).url)) };
      })()`)) as { shards: number; every: number; one: string[] };
      expect(found.shards).toBe(shardCount(PAGES) - 1);
      expect(found.every).toBe(PAGES);
      expect(found.one).toEqual(['/practices/practice-123/']);
    } finally {
      await session.close();
    }
  });
});
