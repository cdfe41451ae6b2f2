/**
 * The static build's figures read from its log: the search index line the site's
 * `gp-search-index` integration writes (web/src/lib/search/static-index.ts, `searchIndexLine`)
 * is read back by the bench (`parseBuild`), with Astro's own lines and colours around it, so the
 * two cannot drift apart without this failing.
 */
import { describe, expect, it } from 'vitest';
import { searchIndexLine } from '../../web/src/lib/search/static-index.ts';
import { parseBuild } from '../lib/static-build.ts';
import type { CommandResult } from '../lib/proc.ts';

const result = (lines: string[]): CommandResult => ({
  code: 0,
  wallSeconds: 60,
  peakTreeRss: 0,
  timeMaxRss: null,
  lines: lines.map((line, index) => ({ at: index * 1000, line })),
});

describe('static build log', () => {
  it('gives the search index time and pages, as the site logged them', () => {
    const logged = searchIndexLine({ pages: 10_000, languages: { en: 2000, ar: 2000, 'pt-br': 2000, cs: 2000, es: 2000 }, seconds: 12.345, bytes: 98_765_432, shardsIndexed: 5, shardsKept: 91, shardsPrepared: 4 });
    const parsed = parseBuild(
      result([
        '12:00:00 [content] Syncing content',
        '12:00:29 [cms-practices] 6046 entries from http://127.0.0.1:1337 (synchronised: 1 practices changed, 0 removed, 3 versions read)',
        '12:00:30 [content] Synced content',
        '12:00:31 \x1b[32mgenerating static routes\x1b[39m',
        '12:00:32   \x1b[34m├─\x1b[39m \x1b[2m/en/practices/a/index.html\x1b[22m (+12ms)',
        '12:00:32   \x1b[32m├─\x1b[39m \x1b[2m/en/practices/b/index.html\x1b[22m \x1b[32m(cached)\x1b[39m',
        '12:00:32   \x1b[32m├─\x1b[39m \x1b[2m/en/practices/c/index.html\x1b[22m \x1b[32m(restored)\x1b[39m',
        '12:00:50 \x1b[32m✓ Completed in 19.2s.\x1b[39m',
        `12:01:02 \x1b[34m[gp-search-index]\x1b[39m ${logged}`,
        '12:01:03 [build] 10421 page(s) built in 63.2s',
      ]),
    );
    expect(parsed.searchIndexPages).toBe(10_000);
    expect(parsed.searchIndexSeconds).toBe(12.35);
    expect(parsed.pages).toBe(10421);
    expect(parsed.renderSeconds).toBe(19.2);
    // Incremental builds: files rendered and kept, search shards, the practices loader's sync.
    expect([parsed.rendered, parsed.kept]).toEqual([1, 2]);
    expect([parsed.shardsIndexed, parsed.shardsKept]).toEqual([5, 91]);
    expect(parsed.practicesSync).toBe('6046 entries from http://127.0.0.1:1337 (synchronised: 1 practices changed, 0 removed, 3 versions read)');
  });

  it('says NaN, not 0, when a build wrote no index line', () => {
    const parsed = parseBuild(result(['[build] 3 page(s) built in 1.0s']));
    expect(parsed.searchIndexSeconds).toBeNaN();
    expect(parsed.searchIndexPages).toBeNaN();
  });
});
