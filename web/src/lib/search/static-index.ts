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
 * - Pagefind's own UI bundles are deleted: the site ships its own small script instead (they
 *   are 30–40 KB compressed each, over the 20 KB budget), and a static host should not
 *   serve code nothing loads.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

import { SEARCH_INDEX_DIR } from './bundle-paths.ts';

export { SEARCH_INDEX_DIR } from './bundle-paths.ts';

/**
 * A locale's practice pages inside its folder, in build.format "directory"
 * (`{locale}/practices/{slug}/index.html`). Pagefind is given the locale's folder, not the whole
 * output: its glob walks every file under the folder it is given (56,000 files at 2,000 × 5,
 * once per locale: 44 s instead of 34). So the URLs in a bundle are relative to the locale's
 * folder (`/practices/{slug}/`), and the list page's script puts the locale in front.
 */
const PRACTICE_PAGES = 'practices/*/index.html';

/**
 * Parts of a practice page that are the site's words, not the practice's (PracticeView and its
 * components): score bars, checklist states ("Met" on every page would match every page), notes
 * on the language of a text, the JSON link. What stays is what the CMS search reads (title,
 * summary, answers) plus objectives, inspiration and the metadata (country, areas, groups).
 */
const NOT_PRACTICE_TEXT = ['.scores', '.score', '.checklist', '.checklist-heading', '.shown-in', '.no-answer', '.partial-notice', '.json-link', '.tag'];

/** Pagefind's prebuilt UIs, unused by the site (see above). */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

export interface SearchIndexReport {
  /** Pages in the index, all locales. */
  pages: number;
  /** Pages per index, by Pagefind's language key (the lowercased `<html lang>`). */
  languages: Record<string, number>;
  /** Wall time of indexing and writing, seconds. */
  seconds: number;
  /** Bytes written under `pagefind/`. */
  bytes: number;
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

/** The locales of a build: its top-level folders that have practice pages. */
async function localeFolders(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === SEARCH_INDEX_DIR || entry.name.startsWith('_')) continue;
    const practices = await stat(join(outDir, entry.name, 'practices')).catch(() => null);
    if (practices?.isDirectory()) folders.push(entry.name);
  }
  return folders.sort();
}

/** Indexes the practice pages of the static build in `outDir` into `outDir/pagefind/{locale}/`, one locale at a time. */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const root = join(outDir, SEARCH_INDEX_DIR);
  const languages: Record<string, number> = {};
  try {
    for (const locale of await localeFolders(outDir)) {
      const output = join(root, locale);
      const created = await pagefind.createIndex({ excludeSelectors: NOT_PRACTICE_TEXT });
      if (!created.index) fail('start', created.errors);
      const { index } = created;
      const added = await index.addDirectory({ path: join(outDir, locale), glob: PRACTICE_PAGES });
      if (added.errors.length > 0) fail(`index ${join(outDir, locale)}`, added.errors);
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length > 0) fail(`write ${output}`, written.errors);
      // Frees what Pagefind holds of this locale before the next one.
      await index.deleteIndex();
      for (const name of await readdir(output)) if (UNUSED_FILES.test(name)) await rm(join(output, name));
      const entry = JSON.parse(await readFile(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      for (const [code, language] of Object.entries(entry.languages)) languages[code] = (languages[code] ?? 0) + language.page_count;
    }
  } finally {
    await pagefind.close();
  }
  return {
    pages: Object.values(languages).reduce((sum, count) => sum + count, 0),
    languages,
    seconds: (performance.now() - started) / 1000,
    bytes: await bytesUnder(root).catch(() => 0),
  };
}

/**
 * The build log's line about the index; the bench reads it back with `parseSearchIndexLine`
 * (bench/lib/static-build.ts), so the two are written next to each other.
 */
export function searchIndexLine(report: SearchIndexReport): string {
  const languages = Object.entries(report.languages).map(([code, count]) => `${code} ${count}`).join(', ');
  return `search index: ${report.pages} pages in ${report.seconds.toFixed(2)} s, ${report.bytes} bytes (${languages})`;
}

export function parseSearchIndexLine(line: string): { pages: number; seconds: number; bytes: number } | null {
  const match = /search index: (\d+) pages in ([\d.]+) s, (\d+) bytes/.exec(line);
  return match ? { pages: Number(match[1]), seconds: Number(match[2]), bytes: Number(match[3]) } : null;
}
