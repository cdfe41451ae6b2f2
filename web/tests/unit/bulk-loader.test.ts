/**
 * The static build's bulk reads: paging through the bulk endpoints with bounded concurrency and a
 * consistency check, the longer build-time timeout, and the practice detail files kept out of the
 * content layer's data store.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTimeoutFromEnv, DEFAULT_BUILD_TIMEOUT_MS } from '../../src/lib/cms/client';
import { readAllPages } from '../../src/lib/cms/loaders/build';
import { detailDigest, detailFactsFile, detailFolder, newDetailFileName, readDetail, removeUnreferencedDetails, writeDetails } from '../../src/lib/cms/loaders/detail-files';

/** A paged endpoint over `items` per locale, recording how many requests were in flight at most. */
function pagedSource(items: Record<string, string[]>, pageSize: number) {
  let inFlight = 0;
  const stats = { maxInFlight: 0, requests: [] as string[] };
  const fetchPage = async (locale: string, page: number) => {
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    stats.requests.push(`${locale}:${page}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    const all = items[locale] ?? [];
    return {
      data: all.slice((page - 1) * pageSize, page * pageSize),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } },
    };
  };
  return { fetchPage, stats };
}

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('bulk reads of the static build', () => {
  it('reads every page of every locale, in order, with at most `concurrency` requests in flight', async () => {
    const items = { en: numbered('en', 23), cs: numbered('cs', 5), ar: [] };
    const { fetchPage, stats } = pagedSource(items, 4);
    const seenPages: number[] = [];
    const result = await readAllPages(['en', 'cs', 'ar'], 3, (l) => `source ${l}`, fetchPage, async (page: string[]) => {
      seenPages.push(page.length);
      return page.map((item) => item.toUpperCase());
    });
    expect(result).toEqual([...items.en, ...items.cs].map((item) => item.toUpperCase()));
    expect(stats.requests).toHaveLength(6 + 2 + 1);
    expect(new Set(stats.requests).size).toBe(stats.requests.length);
    expect(stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(seenPages.reduce((a, b) => a + b, 0)).toBe(28);
  });

  it('fails, naming the source, when the pages do not add up to the announced total', async () => {
    const items = { en: numbered('en', 10) };
    const { fetchPage } = pagedSource(items, 4);
    // Content removed while the build reads: page 3 comes back shorter than announced.
    const shrinking = async (locale: string, page: number) => {
      const answer = await fetchPage(locale, page);
      return page === 3 ? { ...answer, data: answer.data.slice(1) } : answer;
    };
    await expect(readAllPages(['en'], 2, (l) => `http://cms/api/good-practices/practice-details?locale=${l}`, shrinking, async (p) => p)).rejects.toThrow(
      /practice-details\?locale=en announced 10 entries but its pages held 9/,
    );
  });

  it('propagates the first failure of a page', async () => {
    const failing = async (_locale: string, page: number) => {
      if (page === 2) throw new Error('CMS request failed: GET http://cms/page2: timed out');
      return { data: ['a'], meta: { pagination: { page, pageSize: 1, pageCount: 3, total: 3 } } };
    };
    await expect(readAllPages(['en'], 2, () => 'x', failing, async (p) => p)).rejects.toThrow(/page2: timed out/);
  });

  it('gives build-time requests a longer timeout than visitors (CMS_BUILD_TIMEOUT_MS)', () => {
    expect(buildTimeoutFromEnv({})).toBe(DEFAULT_BUILD_TIMEOUT_MS);
    expect(DEFAULT_BUILD_TIMEOUT_MS).toBeGreaterThan(2000);
    expect(buildTimeoutFromEnv({ CMS_BUILD_TIMEOUT_MS: '1500' })).toBe(1500);
    expect(() => buildTimeoutFromEnv({ CMS_BUILD_TIMEOUT_MS: '10s' })).toThrow(/CMS_BUILD_TIMEOUT_MS/);
    expect(() => buildTimeoutFromEnv({ CMS_BUILD_TIMEOUT_MS: '0' })).toThrow(/CMS_BUILD_TIMEOUT_MS/);
  });
});

describe('practice detail files', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gp-details-test-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('reads back each detail of a page written in one file; the folder is kept, unreferenced files are removed', async () => {
    const dir = detailFolder(cacheDir, 'practices', 'http://127.0.0.1:1337');
    const values = [
      { slug: 'a', title: 'Čeština — العربية', groups: [{ key: 'g', questions: [] }] },
      { slug: 'b', title: 'line\nbreak', groups: [] },
      { slug: 'c', title: '', groups: [] },
    ];
    const refs = await writeDetails(dir, newDetailFileName(), values);
    expect(new Set(refs.map((r) => r.file)).size).toBe(1);
    // Each detail's digest is the digest of its JSON (cache keys of the incremental build).
    expect(new Set(refs.map((r) => r.digest)).size).toBe(3);
    for (let i = 0; i < values.length; i++) expect(refs[i]!.digest).toBe(createHash('sha1').update(`${JSON.stringify(values[i])}\n`).digest('base64url'));
    for (const round of [1, 2]) {
      // In reverse order, then again (from the cache).
      for (let i = values.length - 1; i >= 0; i--) expect(readDetail(refs[i]!), `round ${round}`).toEqual(values[i]);
    }
    // The next build finds the folder and its files as they were.
    expect(detailFolder(cacheDir, 'practices', 'http://127.0.0.1:1337')).toBe(dir);
    expect(readDetail(refs[1]!)).toEqual(values[1]);
    // A later sync writes the changed details in a new file; the old one goes once nothing points to it.
    const newer = await writeDetails(dir, newDetailFileName(), [{ slug: 'a', title: 'new', groups: [] }]);
    expect(newer[0]!.file).not.toBe(refs[0]!.file);
    expect(removeUnreferencedDetails(dir, new Set([refs[0]!.file, newer[0]!.file]))).toBe(0);
    expect(removeUnreferencedDetails(dir, new Set([newer[0]!.file]))).toBe(1);
    expect(existsSync(refs[0]!.file)).toBe(false);
    expect(() => readDetail(refs[2]!)).toThrow(refs[2]!.file);
    expect(readDetail(newer[0]!)).toEqual({ slug: 'a', title: 'new', groups: [] });
  });

  it('a detail’s digest is the one written; a collection’s folder leaves the other collections’ folders and facts files in use alone', async () => {
    const value = { slug: 't', name: 'Tool', practices: [{ slug: 'a', title: 'A', locale: 'en' }] };
    const root = mkdtempSync(join(tmpdir(), 'gp-detail-folders-'));
    try {
      const practices = detailFolder(root, 'practices', 'http://cms.example');
      const [ref] = await writeDetails(practices, newDetailFileName(), [value]);
      expect(detailDigest(value)).toBe(ref!.digest);
      // The practices' facts file, last rewritten two days ago, beside a folder the last build used.
      const facts = detailFactsFile(practices);
      writeFileSync(facts, '{}');
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
      utimesSync(facts, twoDaysAgo, twoDaysAgo);
      // Another CMS's folder and facts, unused for two days.
      const stale = detailFolder(root, 'practices', 'http://other.example');
      writeFileSync(detailFactsFile(stale), '{}');
      for (const path of [stale, detailFactsFile(stale)]) utimesSync(path, twoDaysAgo, twoDaysAgo);
      // The tools' folder of the first CMS, made ready by the same build.
      detailFolder(root, 'tools', 'http://cms.example');
      expect(existsSync(facts)).toBe(true);
      expect(existsSync(practices)).toBe(true);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(detailFactsFile(stale))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names a missing file in its error', () => {
    const missing = { file: join(cacheDir, 'nope.jsonl'), offset: 0, length: 10, digest: 'x' };
    expect(() => readDetail(missing)).toThrow(missing.file);
  });
});
