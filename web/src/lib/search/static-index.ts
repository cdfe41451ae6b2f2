/**
 * The static site's search index (issue 15.1): Pagefind run over the finished static build, so
 * a static host can answer the list page's search box (src/scripts/static-search.ts) without a
 * server. Called by the `gp-search-index` integration (astro.config.mjs) when `astro build`
 * is done, in static mode only, so every static build has it: `npm start`, the tests, the bench.
 *
 * - Only practice pages are indexed: they alone carry `data-pagefind-body` (PracticeView), so
 *   Pagefind skips every other page and, on a practice page, the header, navigation and footer.
 *   The glob only spares Pagefind the parsing of pages that could not qualify anyway.
 * - One index per locale, each a bundle of its own (`pagefind/{locale}/`, a complete Pagefind
 *   bundle: pagefind.js, its worker and wasm, the index of that locale), written one locale after
 *   the other: Pagefind holds everything it indexes in memory until it writes, and the 10,000
 *   practice pages of 2,000 practices × 5 locales took 3.4 GB in one index, about 0.8 GB per
 *   locale (bench/reports/full-2000x5-static-search.md). A list page searches its own locale
 *   only, so it loads its locale's bundle (components/StaticSearch.astro). Within a bundle
 *   Pagefind keys the index by `<html lang>`, the page's locale (a fallback page of `cs` is in
 *   the `cs` index, like its card on the `cs` list), lowercased (`pt-BR` → `pt-br`).
 * - Each locale's index is split into shards of about {@link SHARD_PAGES} practice pages, each a
 *   Pagefind bundle: `pagefind/{locale}/` (the bundle the script loads) and
 *   `pagefind/_shards/{locale}/{n}/`, which the script merges into it (Pagefind's `mergeIndex`;
 *   `pagefind/{locale}/shards.json` lists them). A page's shard is fixed by its slug. Why: a
 *   publish changes a practice's pages in every locale (its fallback pages), and Pagefind builds
 *   an index whole: at 2,000 × 5 one index per locale took 33 s after any publish. Now a build
 *   indexes again only the shards whose pages changed (file size or time: a page the incremental
 *   build kept is untouched) and keeps the others (their state in `stateFile`, outside the
 *   output): one publish re-indexes one shard per locale. An incremental build indexes most of
 *   those while the other pages render (./render-time-shards.ts); the end takes them only if
 *   their pages are unchanged since.
 * - Pagefind's own UI bundles are deleted: the site ships its own small script instead (they
 *   are 30–40 KB compressed each, over the 20 KB budget), and a static host should not
 *   serve code nothing loads.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

import { SEARCH_INDEX_DIR, SEARCH_PREPARED_DIR, SEARCH_SHARDS_DIR, SEARCH_SHARDS_FILE, searchShardPath } from './bundle-paths.ts';
import type { PreparedShard } from './render-time-shards.ts';

export { SEARCH_INDEX_DIR } from './bundle-paths.ts';

/**
 * Parts of a practice page that are the site's words, not the practice's (PracticeView and its
 * components): score bars, checklist states ("Met" on every page would match every page), notes
 * on the language of a text, the JSON link. What stays is what the CMS search reads (title,
 * summary, answers) plus objectives, inspiration and the metadata (country, areas, groups).
 */
const NOT_PRACTICE_TEXT = ['.scores', '.score', '.checklist', '.checklist-heading', '.shown-in', '.no-answer', '.partial-notice', '.json-link', '.tag'];

/** Pagefind's prebuilt UIs, unused by the site (see above). */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/**
 * Practice pages per shard, about: small enough that indexing one again is quick (64 pages:
 * ~0.35 s on the bench machine; a publish indexes one shard per locale again, 128 pages took
 * ~0.7 s each), large enough that a search merges few bundles (32 per locale at 2,000 practices,
 * fetched side by side by the script: their entry and metadata files, a few KB each).
 */
export const SHARD_PAGES = 64;
/** At most this many shards per locale: beyond 4,096 practices the shards grow instead. */
export const MAX_SHARDS = 32;

export interface SearchIndexReport {
  /** Pages in the index, all locales. */
  pages: number;
  /** Pages per index, by Pagefind's language key (the lowercased `<html lang>`). */
  languages: Record<string, number>;
  /** Wall time of indexing and writing, seconds. */
  seconds: number;
  /** Bytes written under `pagefind/`. */
  bytes: number;
  /** Shards indexed in this build, and shards kept from the last one (all locales). */
  shardsIndexed: number;
  shardsKept: number;
  /** Of the shards indexed, those indexed while the pages rendered (./render-time-shards.ts). */
  shardsPrepared: number;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await bytesUnder(path) : (await stat(path)).size;
  }
  return total;
}

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/**
 * A locale's practice pages in build.format "directory" (`{locale}/practices/{slug}/index.html`),
 * by slug. List states (`practices/page/2/`, `practices/country/DE/`) are two levels down and have
 * no `index.html` of their own at the first level.
 */
async function practicePages(localeDir: string): Promise<string[]> {
  const dir = join(localeDir, 'practices');
  const slugs: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html'))) slugs.push(entry.name);
  }
  return slugs.sort();
}

/** The locales of a build (its top-level folders that have practice pages), with their pages. */
async function localeFolders(outDir: string): Promise<Map<string, string[]>> {
  const entries = await readdir(outDir, { withFileTypes: true });
  const folders = new Map<string, string[]>();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!entry.isDirectory() || entry.name === SEARCH_INDEX_DIR || entry.name.startsWith('_')) continue;
    const pages = await practicePages(join(outDir, entry.name));
    if (pages.length > 0) folders.set(entry.name, pages);
  }
  return folders;
}

/** Number of shards for `pages` practice pages. */
export function shardCount(pages: number): number {
  return Math.min(MAX_SHARDS, Math.max(1, Math.ceil(pages / SHARD_PAGES)));
}

/** A page's shard: from its slug alone, so that a page stays in its shard while the count does. */
export function shardOf(slug: string, shards: number): number {
  return createHash('sha1').update(slug).digest().readUInt32BE(0) % shards;
}

/** Where a shard's bundle is written: the first in the locale's folder, the others under `_shards/`. */
function shardDir(outDir: string, locale: string, shard: number): string {
  return shard === 0 ? join(outDir, SEARCH_INDEX_DIR, locale) : join(outDir, SEARCH_INDEX_DIR, SEARCH_SHARDS_DIR, locale, String(shard));
}

/** A locale's practice page of `slug` in the output. */
export function practicePageFile(localeDir: string, slug: string): string {
  return join(localeDir, 'practices', slug, 'index.html');
}

/** A page's size and time, as a shard's state sees it (null: the page is not there). */
export type PageStamp = { size: number; mtimeMs: number } | null;

/** A practice page's size and time now (null: not there). */
export function pageStamp(localeDir: string, slug: string): PageStamp {
  const found = statSync(practicePageFile(localeDir, slug), { throwIfNoEntry: false });
  return found ? { size: found.size, mtimeMs: found.mtimeMs } : null;
}

/**
 * What a shard's index is made of: its pages' names, sizes and times (a kept page is untouched).
 * Synchronous stats: 10,000 awaited ones took ~0.8 s per build at 2,000 × 5.
 */
function shardState(localeDir: string, slugs: readonly string[]): { state: string; stamps: PageStamp[] } {
  const hash = createHash('sha1');
  const stamps: PageStamp[] = [];
  for (const slug of slugs) {
    const stamp = pageStamp(localeDir, slug);
    // Listed a moment ago: gone now means something else is writing the output.
    if (!stamp) throw new Error(`the practice page ${practicePageFile(localeDir, slug)} disappeared while the search index was built`);
    stamps.push(stamp);
    hash.update(`${slug}\u0000${stamp.size}\u0000${stamp.mtimeMs}\n`);
  }
  return { state: hash.digest('base64url'), stamps };
}

/** A shard prepared while rendering fits when it has these very pages, as they are now. */
function fits(prepared: PreparedShard | undefined, count: number, pages: readonly string[], stamps: readonly PageStamp[]): prepared is PreparedShard {
  return (
    prepared !== undefined &&
    prepared.count === count &&
    prepared.pages.length === pages.length &&
    prepared.pages.every((slug, i) => slug === pages[i]) &&
    prepared.stamps.every((stamp, i) => stamp !== null && stamp.size === stamps[i]!.size && stamp.mtimeMs === stamps[i]!.mtimeMs)
  );
}

/** Per shard (`{outDir}|{locale}|{n}`): what it was made of, and the bytes of its bundle. */
type IndexState = Record<string, { state: string; bytes: number }>;

/**
 * What the index is made with besides the pages: this file (what is indexed and excluded, the
 * sharding) and the installed packages (Pagefind's version, through the lockfile, as Astro keys
 * its own cache). Part of every shard's state: a change re-indexes every shard.
 */
async function recipe(): Promise<string> {
  const hash = createHash('sha1');
  hash.update(await readFile(new URL(import.meta.url)));
  hash.update(await readFile(new URL('../../../../package-lock.json', import.meta.url)).catch(() => Buffer.alloc(0)));
  return hash.digest('base64url');
}

async function readState(file: string | undefined): Promise<IndexState> {
  if (!file) return {};
  try {
    const read = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    // Entries of another shape (an earlier format) are left out: their shards are indexed again.
    return Object.fromEntries(
      Object.entries(read).filter(
        (entry): entry is [string, IndexState[string]] =>
          typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as IndexState[string]).state === 'string' && Number.isFinite((entry[1] as IndexState[string]).bytes),
      ),
    );
  } catch {
    return {};
  }
}

/**
 * Indexes one shard's pages into its folder (emptied first) and returns its page counts by
 * language. Only practice pages are given to Pagefind: it indexes a whole page when none of the
 * pages it is given has `data-pagefind-body`, and a shard may hold only the redirect pages of
 * renamed slugs.
 */
export async function indexShardPages(localeDir: string, all: readonly string[], output: string): Promise<Record<string, number>> {
  // Synchronous file work: a shard indexed while Astro renders (./render-time-shards.ts) waited
  // for a turn of the busy event loop at each of its 64 reads (3.3 s instead of 0.3 s).
  rmSync(output, { recursive: true, force: true });
  const slugs = all.filter((slug) => readFileSync(practicePageFile(localeDir, slug), 'utf8').includes('data-pagefind-body'));
  const created = await pagefind.createIndex({ excludeSelectors: NOT_PRACTICE_TEXT });
  if (!created.index) fail('start', created.errors);
  const { index } = created;
  // Slugs are URL path segments (letters, digits, '-'): safe inside a glob's alternatives.
  if (slugs.length > 0) {
    const glob = slugs.length === 1 ? `practices/${slugs[0]}/index.html` : `practices/{${slugs.join(',')}}/index.html`;
    const added = await index.addDirectory({ path: localeDir, glob });
    if (added.errors.length > 0) fail(`index ${localeDir}`, added.errors);
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) fail(`write ${output}`, written.errors);
  // Frees what Pagefind holds of this shard before the next one.
  await index.deleteIndex();
  for (const name of readdirSync(output)) if (UNUSED_FILES.test(name)) rmSync(join(output, name));
  return shardLanguages(output);
}

async function shardLanguages(output: string): Promise<Record<string, number>> {
  const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(entry.languages).map(([code, language]) => [code, language.page_count]));
}

/**
 * Indexes the practice pages of the static build in `outDir` into `outDir/pagefind/`, one
 * sharded index per locale, one shard at a time. `stateFile` (outside the output) remembers what
 * each shard was made of, so that the next build over the same output re-indexes only the shards
 * whose pages changed; without it every shard is indexed.
 */
export async function buildSearchIndex(outDir: string, options: { stateFile?: string; prepared?: ReadonlyMap<string, PreparedShard> } = {}): Promise<SearchIndexReport> {
  const started = performance.now();
  const root = join(outDir, SEARCH_INDEX_DIR);
  const previous = await readState(options.stateFile);
  const next: IndexState = {};
  const languages: Record<string, number> = {};
  let shardsIndexed = 0;
  let shardsKept = 0;
  let shardsPrepared = 0;
  // Bytes under `pagefind/`: of each shard's bundle (measured when indexed, kept in the state
  // otherwise) and of each locale's shards.json; walking the whole index took ~0.2 s per build.
  let bytes = 0;
  const pagesOf = await localeFolders(outDir);
  const locales = [...pagesOf.keys()];
  const madeWith = await recipe();
  try {
    for (const locale of locales) {
      const localeDir = join(outDir, locale);
      const slugs = pagesOf.get(locale)!;
      const count = shardCount(slugs.length);
      const members: string[][] = Array.from({ length: count }, () => []);
      for (const slug of slugs) members[shardOf(slug, count)]!.push(slug);
      const shardUrls: string[] = [];
      for (let shard = 0; shard < count; shard++) {
        const output = shardDir(outDir, locale, shard);
        const pages = members[shard]!;
        // An empty shard (few practices) has no bundle; the first one always has one, the script loads it.
        if (pages.length === 0 && shard > 0) {
          await rm(output, { recursive: true, force: true });
          continue;
        }
        const key = `${outDir}|${locale}|${shard}`;
        const { state: made, stamps } = shardState(localeDir, pages);
        const state = `${madeWith}:${count}:${made}`;
        let counts: Record<string, number>;
        const kept = previous[key];
        const prepared = options.prepared?.get(`${locale}|${shard}`);
        if (kept?.state === state && existsSync(join(output, 'pagefind-entry.json'))) {
          counts = await shardLanguages(output);
          next[key] = kept;
          shardsKept += 1;
        } else {
          if (fits(prepared, count, pages, stamps)) {
            await rm(output, { recursive: true, force: true });
            await mkdir(dirname(output), { recursive: true });
            await rename(prepared.folder, output);
            counts = await shardLanguages(output);
            shardsPrepared += 1;
          } else {
            counts = await indexShardPages(localeDir, pages, output);
          }
          next[key] = { state, bytes: await bytesUnder(output) };
          shardsIndexed += 1;
        }
        bytes += next[key]!.bytes;
        for (const [code, pageCount] of Object.entries(counts)) languages[code] = (languages[code] ?? 0) + pageCount;
        // A shard without practice pages is not merged (the first is loaded even when empty).
        if (shard > 0 && Object.values(counts).some((n) => n > 0)) shardUrls.push(searchShardPath(locale, shard));
      }
      // Shards beyond the count (fewer practices than before) are gone.
      const shardsOfLocale = join(root, SEARCH_SHARDS_DIR, locale);
      for (const name of await readdir(shardsOfLocale).catch(() => [] as string[])) {
        if (!(Number(name) > 0 && Number(name) < count)) await rm(join(shardsOfLocale, name), { recursive: true, force: true });
      }
      const listed = `${JSON.stringify({ shards: shardUrls })}\n`;
      await writeFile(join(shardDir(outDir, locale, 0), SEARCH_SHARDS_FILE), listed);
      bytes += Buffer.byteLength(listed);
    }
  } finally {
    await pagefind.close();
    // Shards prepared while rendering that did not fit (./render-time-shards.ts).
    await rm(join(root, SEARCH_PREPARED_DIR), { recursive: true, force: true });
  }
  // Indexes of locales without practice pages any more are gone.
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (name !== SEARCH_SHARDS_DIR && name !== SEARCH_PREPARED_DIR && !locales.includes(name)) await rm(join(root, name), { recursive: true, force: true });
  }
  for (const name of await readdir(join(root, SEARCH_SHARDS_DIR)).catch(() => [] as string[])) {
    if (!locales.includes(name)) await rm(join(root, SEARCH_SHARDS_DIR, name), { recursive: true, force: true });
  }
  if (options.stateFile) {
    // Other outputs' entries stay (the bench and the tests build into several folders).
    const kept = Object.fromEntries(Object.entries(previous).filter(([key]) => !key.startsWith(`${outDir}|`)));
    await mkdir(dirname(options.stateFile), { recursive: true });
    await writeFile(options.stateFile, JSON.stringify({ ...kept, ...next }));
  }
  return {
    pages: Object.values(languages).reduce((sum, count) => sum + count, 0),
    languages,
    seconds: (performance.now() - started) / 1000,
    bytes,
    shardsIndexed,
    shardsKept,
    shardsPrepared,
  };
}

/**
 * The build log's line about the index; the bench reads it back with `parseSearchIndexLine`
 * (bench/lib/static-build.ts), so the two are written next to each other.
 */
export function searchIndexLine(report: SearchIndexReport): string {
  const languages = Object.entries(report.languages).map(([code, count]) => `${code} ${count}`).join(', ');
  return `search index: ${report.pages} pages in ${report.seconds.toFixed(2)} s, ${report.bytes} bytes (${languages}); ${report.shardsIndexed} shards indexed, ${report.shardsKept} kept; ${report.shardsPrepared} of them indexed while the pages rendered`;
}

export function parseSearchIndexLine(line: string): { pages: number; seconds: number; bytes: number } | null {
  const match = /search index: (\d+) pages in ([\d.]+) s, (\d+) bytes/.exec(line);
  return match ? { pages: Number(match[1]), seconds: Number(match[2]), bytes: Number(match[3]) } : null;
}
