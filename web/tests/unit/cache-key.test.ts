/**
 * The route cache's key (src/lib/cache/cache-key.ts): the path plus the practice list's
 * parameters, read by the list's own reader (src/lib/site/urls.ts), so that a query string the
 * pages do not read makes no entry of its own, and invalid values of the ones they read make a
 * bounded number.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestKey, storageKey } from '../../src/lib/cache/cache-key';
import { readHints } from '../../src/lib/cache/hints';
import { canonicalTag, READS_LIST_QUERY_TAG } from '../../src/lib/cache/tags';
import { listQueryKey, listQueryParameters, parseListRequest, readListQuery } from '../../src/lib/site/urls';

const key = (target: string) => requestKey(new URL(target, 'http://site.test'));
const query = (search: string) => key(`/en/practices/?${search}`).query;

describe('request key', () => {
  it('is the path alone when no list parameter is given', () => {
    for (const junk of ['', '?', '?x=1', '?x=1&y=2', '?utm_source=mail&fbclid=abc', '?Q=upper&PAGE=2', '?q', '?q=&country=&area=']) {
      expect(key(`/en/practices/a/${junk}`), junk).toEqual({ path: '/en/practices/a/', query: '' });
    }
  });

  it('sorts the list parameters and drops defaults, empty values and everything else', () => {
    expect(query('sort=title:asc&q=code&utm_source=x&zz=1')).toBe('q=code&sort=title%3Aasc');
    expect(query('q=code&sort=title:asc')).toBe(query('sort=title%3Aasc&zz=2&q=code'));
    expect(query('page=1&sort=updatedAt:desc&q=')).toBe('');
    expect(query('country=DE&area=education&targetGroup=youth&groupMet=g1&itemMet=g1.1&page=3')).toBe(
      'area=education&country=DE&groupMet=g1&itemMet=g1.1&page=3&targetGroup=youth',
    );
  });

  it('normalises values as the list reads them: trimmed text, canonical numbers, the last usable value of a repeated parameter', () => {
    expect(query('q=%20%20code%20club%20')).toBe(query('q=code+club'));
    expect(query('page=02')).toBe('page=2');
    expect(query('page=2&page=3')).toBe('page=3');
    expect(query('page=3&page=abc')).toBe('page=3&!ignored');
  });

  it('folds every unusable value into one marker: junk values of known parameters make one key, not one each', () => {
    const invalid = ['page=abc', 'page=999999', 'page=0', 'page=-1', 'sort=bogus', 'country=germany', 'area=Not%20A%20Key', `q=${'x'.repeat(201)}`];
    const keys = new Set(invalid.map(query));
    expect([...keys]).toEqual(['!ignored']);
    expect(new Set(Array.from({ length: 1000 }, (_, i) => query(`page=x${i}&country=DE&junk=${i}`)))).toEqual(new Set(['country=DE&!ignored']));
  });

  it('is bounded whatever the query string: at most the eight list parameters, each within the list schema', () => {
    const huge = new URLSearchParams();
    for (const name of listQueryParameters) for (let i = 0; i < 50; i++) huge.append(name, `${'v'.repeat(500)}${i}`);
    for (let i = 0; i < 2000; i++) huge.append(`p${i}`, 'x'.repeat(100));
    expect(query(huge.toString())).toBe('!ignored');
    // Every value at most 200 characters (the schema's bound of `q`, applied to facet keys too).
    expect(query(`q=${'a'.repeat(200)}`).length).toBe(202);
    expect(query(`area=${'a'.repeat(201)}&q=${' '.repeat(600)}b`)).toBe('q=b&!ignored');
    const longest = new URLSearchParams(listQueryParameters.map((name) => [name, name === 'page' ? '10000' : name === 'sort' ? 'title:desc' : name === 'country' ? 'DE' : 'k'.repeat(200)]));
    expect(query(longest.toString()).length).toBeLessThan(8 * 220);
  });

  it('describes the same page as the list parser: same key, same state and notice', () => {
    const pairs = [
      ['q=code&page=1', 'q=code'],
      ['sort=updatedAt:desc', ''],
      ['page=abc', 'page=x&sort=nope'],
      ['q=%20a%20&x=1', 'q=a'],
      ['page=2&page=3', 'page=3'],
    ];
    for (const [a, b] of pairs) {
      expect(query(a!), `${a} ~ ${b}`).toBe(query(b!));
      const parse = (s: string) => {
        const parsed = parseListRequest(undefined, new URLSearchParams(s));
        return parsed.ok ? { state: parsed.state, notice: parsed.ignored.length > 0 } : parsed;
      };
      expect(parse(a!), `${a} ~ ${b}`).toEqual(parse(b!));
    }
    expect(listQueryKey(readListQuery(new URLSearchParams('q=x')))).toBe('q=x');
  });

  it('stores a render under the query key only when the page read the query', () => {
    const k = key('/en/practices/?q=code&x=1');
    expect(storageKey(k, true)).toBe('/en/practices/?q=code');
    expect(storageKey(k, false)).toBe('/en/practices/');
    expect(storageKey(key('/en/practices/?x=1'), true)).toBe('/en/practices/');
  });
});

describe('render hints', () => {
  it('are reserved tags, taken out of the content tags', () => {
    expect(readHints(['site', READS_LIST_QUERY_TAG, canonicalTag('/en/practices/'), 'practices'])).toEqual({
      tags: ['site', 'practices'],
      readsQuery: true,
      canonical: '/en/practices/',
    });
    expect(readHints(['site'])).toEqual({ tags: ['site'], readsQuery: false, canonical: undefined });
    // A comma would split the Cache-Tag list: escaped, so that it matches no request path.
    expect(canonicalTag('/en/a,b/')).not.toContain(',');
  });
});

/**
 * The key holds only because no cached page reads the query string except through `listQueryOf`
 * (src/lib/data/page-context.ts), which declares the read. A new read of `searchParams` / `url.search`
 * anywhere in the site's rendering code fails here until it is declared the same way.
 */
describe('query string reads in the site', () => {
  const src = join(__dirname, '../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(astro|ts)$/.test(name) ? [path] : [];
    })
    // Browser scripts (the static list's search) run in the visitor's browser, after the page was served.
    .filter((path) => !relative(src, path).startsWith('scripts/'));

  it('happen only where the route cache knows of them', () => {
    const reads = files(src)
      .filter((file) => /searchParams|\.search\b|url\.href|request\.url/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
      .sort();
    expect(reads).toEqual([
      // The static build's self-assessment script: the browser's location, not a render.
      'lib/assessment/client/main.ts',
      // The self-assessment's answers: never cached (below).
      'lib/assessment/request.ts',
      // The key itself (through the list's reader, readListQuery in lib/site/urls.ts).
      'lib/cache/cache-key.ts',
      // The CDN purge hook normalises its configured URL (`url.href`): a setting, not a request.
      'lib/cdn/purge.ts',
      // The CMS client builds its own request URLs (no visitor's query).
      'lib/cms/client.ts',
      // `listQueryOf`: the declared read (READS_LIST_QUERY_TAG); `compareQueryOf`: the comparison's, never stored.
      'lib/data/page-context.ts',
      // The draft preview's token check, called only by the preview route: never cached (below).
      'lib/preview.ts',
      // The static build's prerenderer wrapper: the pathname of a page Astro prerendered (`request.url`), no visitor's request.
      'lib/search/render-time-shards.ts',
      // The static build's submit script: the browser's location, not a render.
      'lib/submit/client/main.ts',
      // The submit pages' pre-fill and the CMS's way back: called only by pages that call page.uncached() (below).
      'lib/submit/form-query.ts',
      // The draft preview: never cached (below).
      'routes/preview-practice.astro',
    ]);
    for (const submitPage of ['pages/[locale]/submit/index.astro', 'pages/[locale]/submit/thanks/index.astro']) {
      expect(readFileSync(join(src, submitPage), 'utf8')).toContain('page.uncached();');
    }
    expect(readFileSync(join(src, 'routes/preview-practice.astro'), 'utf8')).toContain('Astro.cache.set(false)');
    // Each read of the self-assessment's query or body first keeps the render out of the cache.
    const assessment = readFileSync(join(src, 'lib/assessment/request.ts'), 'utf8');
    expect(assessment.match(/page\.uncached\(\);/g)).toHaveLength(2);
    expect(assessment.match(/searchParams/g)).toHaveLength(1);
    const pages = readFileSync(join(src, 'lib/data/page-context.ts'), 'utf8');
    // Two declared reads: the list's (stored under its query key) and the comparison's (never stored).
    expect(pages.match(/searchParams|\.search\b/g)).toEqual(['searchParams', 'searchParams']);
    expect(pages).toMatch(/cacheResponse\(context, READS_LIST_QUERY_TAG\);\n\s+return context\.url\.searchParams;/);
    expect(pages).toMatch(/compareQueryOf\(context: RenderContext, page: PageContext\): URLSearchParams \{\n\s+page\.uncached\(\);\n\s+return context\.url\.searchParams;/);
  });
});
