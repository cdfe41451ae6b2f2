/**
 * The static build (SITE_MODE=static astro build) against the CMS with the generated data:
 * wall time, pages, peak memory, and how the time splits between fetching from the CMS and
 * rendering.
 *
 * The split comes from two measurements of the same run:
 * - Astro's own phases in the build log: "Syncing content" → "Synced content" is the content
 *   layer running the CMS loaders (HTTP + JSON + contract validation + the data store), and
 *   "generating static routes" → "✓ Completed in Xs" is the rendering of every page;
 * - a replay of exactly the requests the loaders make (web/src/lib/cms/loaders/build.ts: the same
 *   endpoints, page size and concurrency, validated with the same contract schemas), timed from
 *   the bench while nothing else runs: the pure CMS fetch time.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSearchIndexLine, SEARCH_INDEX_DIR } from '../../web/src/lib/search/static-index.ts';
import { outputEntries } from '../../web/src/lib/static-build/build-log.ts';
import { apiPaths, frameworkResponse, localesResponse, MAX_PAGE_SIZE, practiceDetailListResponse, siteResponse, taxonomyResponse, toolDetailListResponse } from './contract.ts';
import { runMeasured, type CommandResult } from './proc.ts';
import { median } from './stats.ts';

export interface StaticBuildResult {
  ok: boolean;
  wallSeconds: number;
  /** Pages Astro reports ("N page(s) built"). */
  pages: number;
  htmlFiles: number;
  files: number;
  outputBytes: number;
  peakRssBytes: number;
  /** Content layer sync (the CMS loaders), seconds, from the log's timestamps. */
  contentSyncSeconds: number;
  /** Page rendering ("generating static routes"), seconds, as Astro reports it. */
  renderSeconds: number;
  /** The static search's Pagefind index, built after the pages (part of the wall time): seconds, from the build log. */
  searchIndexSeconds: number;
  /** Pages in the search index, all locales, from the build log. */
  searchIndexPages: number;
  /** Bytes of the search index on disk (`pagefind/`, every locale), measured in the output. */
  searchIndexBytes: number;
  /** Output files Astro rendered, and kept from the last build (incremental builds). */
  rendered: number;
  kept: number;
  /** Search index shards indexed in this build, and kept (from the build log). */
  shardsIndexed: number;
  shardsKept: number;
  /** The practices loader's line (full read or synchronised, and what it read). */
  practicesSync: string;
  logFile: string;
}

export const ASTRO_BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
export const WEB_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'web');

/**
 * Where a static build of the run `work` writes (`name`: its folder): inside web/, because Astro
 * writes a build's prerender bundle next to its output only when the output is inside the
 * project; any other output shares web/.astro/.prerender with every such build, and a test's
 * build running at the same time (the bench smoke test runs beside the site's tests) removes it
 * from under this one.
 */
export function staticOutDir(work: string, name: string): string {
  return path.join(WEB_DIR, '.tmp', 'bench', path.basename(work), name);
}

function walk(dir: string): { files: number; html: number; bytes: number } {
  let files = 0;
  let html = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = walk(full);
      files += sub.files;
      html += sub.html;
      bytes += sub.bytes;
    } else {
      files += 1;
      if (entry.name.endsWith('.html')) html += 1;
      bytes += statSync(full).size;
    }
  }
  return { files, html, bytes };
}

/** Astro colours its log when it thinks a terminal (or CI) reads it: match the text only. */
function plain(line: string): string {
  return line.replace(/\x1b\[[0-9;]*m/g, '');
}

function phase(result: CommandResult, start: RegExp, end: RegExp): number {
  const from = result.lines.find(({ line }) => start.test(plain(line)));
  if (!from) return Number.NaN;
  const to = result.lines.find(({ at, line }) => at >= from.at && end.test(plain(line)));
  return to ? (to.at - from.at) / 1000 : Number.NaN;
}

export function parseBuild(result: CommandResult): {
  pages: number;
  contentSyncSeconds: number;
  renderSeconds: number;
  searchIndexSeconds: number;
  searchIndexPages: number;
  rendered: number;
  kept: number;
  shardsIndexed: number;
  shardsKept: number;
  practicesSync: string;
} {
  const pagesLine = result.lines.map(({ line }) => /(\d+) page\(s\) built in/.exec(plain(line))).find(Boolean);
  const generating = result.lines.findIndex(({ line }) => /generating static routes/.test(plain(line)));
  let renderSeconds = Number.NaN;
  if (generating >= 0) {
    const completed = result.lines.slice(generating).map(({ line }) => /✓ Completed in ([\d.]+)(m?s)\./.exec(plain(line))).find(Boolean);
    if (completed) renderSeconds = Number(completed[1]) / (completed[2] === 'ms' ? 1000 : 1);
    else renderSeconds = phase(result, /generating static routes/, /page\(s\) built in/);
  }
  // The line of the site's `gp-search-index` integration (web/src/lib/search/static-index.ts).
  const index = result.lines.map(({ line }) => parseSearchIndexLine(plain(line))).find(Boolean);
  // Astro's entry per output file: "├─ /en/practices/x/index.html (+12ms)", or "(cached)"/"(restored)" when kept.
  const outputs = outputEntries(result.lines.map(({ line }) => line).join('\n'));
  const kept = outputs.kept.length;
  const shards = result.lines.map(({ line }) => /; (\d+) shards indexed, (\d+) kept/.exec(plain(line))).find(Boolean);
  const sync = result.lines.map(({ line }) => plain(line)).find((line) => line.includes('[cms-practices]'));
  return {
    pages: pagesLine ? Number(pagesLine[1]) : Number.NaN,
    contentSyncSeconds: phase(result, /\[content\] Syncing content/, /\[content\] Synced content/),
    renderSeconds,
    searchIndexSeconds: index?.seconds ?? Number.NaN,
    searchIndexPages: index?.pages ?? Number.NaN,
    rendered: outputs.rendered.length,
    kept,
    shardsIndexed: shards ? Number(shards[1]) : Number.NaN,
    shardsKept: shards ? Number(shards[2]) : Number.NaN,
    practicesSync: sync?.replace(/^.*\[cms-practices\]\s*/, '') ?? '',
  };
}

/**
 * One `astro build` of the static site. `env` adds to the environment: the full-build figures
 * are builds from nothing (SITE_INCREMENTAL_BUILD=false, their own SITE_CACHE_DIR); the
 * incremental phase (../phases/incremental-build.ts) keeps its cache and output between builds.
 */
export async function staticBuild(options: { cmsUrl: string; siteUrl: string; outDir: string; logFile: string; cpuProfileDir?: string; env?: Record<string, string> }): Promise<StaticBuildResult> {
  const profiling = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const result = await runMeasured(process.execPath, [...profiling, ASTRO_BIN, 'build', '--outDir', options.outDir], {
    cwd: WEB_DIR,
    env: { ...process.env, SITE_MODE: 'static', CMS_URL: options.cmsUrl, SITE_URL: options.siteUrl, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    logFile: options.logFile,
  });
  const parsed = parseBuild(result);
  const tree = result.code === 0 ? walk(options.outDir) : { files: 0, html: 0, bytes: 0 };
  const indexDir = path.join(options.outDir, SEARCH_INDEX_DIR);
  const searchIndexBytes = result.code === 0 && existsSync(indexDir) ? walk(indexDir).bytes : Number.NaN;
  return {
    ok: result.code === 0,
    wallSeconds: result.wallSeconds,
    pages: parsed.pages,
    htmlFiles: tree.html,
    files: tree.files,
    outputBytes: tree.bytes,
    peakRssBytes: Math.max(result.peakTreeRss, result.timeMaxRss ?? 0),
    contentSyncSeconds: parsed.contentSyncSeconds,
    renderSeconds: parsed.renderSeconds,
    searchIndexSeconds: parsed.searchIndexSeconds,
    searchIndexPages: parsed.searchIndexPages,
    searchIndexBytes,
    rendered: parsed.rendered,
    kept: parsed.kept,
    shardsIndexed: parsed.shardsIndexed,
    shardsKept: parsed.shardsKept,
    practicesSync: parsed.practicesSync,
    logFile: options.logFile,
  };
}

// ---------------------------------------------------------------------------------------------
// Replay of the loaders' requests (web/src/lib/cms/loaders/build.ts, buildItems)
// ---------------------------------------------------------------------------------------------

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Schema<T> {
  parse(value: unknown): T;
}

export interface ReplayResult {
  seconds: number;
  requests: number;
  bytes: number;
  /** Per endpoint: requests, summed and median response time (ms), so the slow endpoint shows. */
  endpoints: Record<string, { requests: number; totalMs: number; medianMs: number; maxMs: number }>;
}

function endpointOf(pathAndQuery: string): string {
  const pathname = pathAndQuery.split('?')[0]!.replace(/^\/api\/good-practices/, '');
  if (pathname === '/practice-details') return `practice details (pageSize ${MAX_PAGE_SIZE})`;
  if (pathname === '/tool-details') return `tool details (pageSize ${MAX_PAGE_SIZE})`;
  return pathname.slice(1);
}

/** The requests of one static build's content sync, with the loaders' concurrency; all six collections at once, as Astro runs them. */
/** The loaders' bulk concurrency (BULK_CONCURRENCY in web/src/lib/cms/loaders/build.ts). */
const BULK_CONCURRENCY = 3;

export async function replayLoaderFetches(cmsUrl: string): Promise<ReplayResult> {
  let requests = 0;
  let bytes = 0;
  const times = new Map<string, number[]>();
  const get = async <T>(pathAndQuery: string, schema: Schema<T>, allowNotFound = false): Promise<T | null> => {
    const sent = performance.now();
    const response = await fetch(`${cmsUrl}${pathAndQuery}`, { headers: { accept: 'application/json' } });
    const text = await response.text();
    const endpoint = endpointOf(pathAndQuery);
    times.set(endpoint, [...(times.get(endpoint) ?? []), performance.now() - sent]);
    requests += 1;
    bytes += Buffer.byteLength(text);
    if (response.status === 404 && allowNotFound) return null;
    if (!response.ok) throw new Error(`replay: GET ${pathAndQuery}: HTTP ${response.status}`);
    return schema.parse(JSON.parse(text));
  };
  const q = (locale: string) => `?locale=${encodeURIComponent(locale)}`;
  const started = performance.now();
  const locales = (await get(apiPaths.locales, localesResponse))!.data;
  const codes = locales.map((locale) => locale.code);
  // The bulk endpoints as web/src/lib/cms/loaders/build.ts reads them (readAllPages): each locale's
  // first page, then the other pages, at most BULK_CONCURRENCY requests in flight per collection.
  const allPages = async (endpoint: string, schema: Schema<{ data: unknown[]; meta: { pagination: { pageCount: number } } }>) => {
    const rest: { code: string; page: number }[] = [];
    await mapLimit(codes, BULK_CONCURRENCY, async (code) => {
      const first = (await get(`${endpoint}?locale=${encodeURIComponent(code)}&page=1&pageSize=${MAX_PAGE_SIZE}`, schema))!;
      for (let page = 2; page <= first.meta.pagination.pageCount; page++) rest.push({ code, page });
    });
    await mapLimit(rest, BULK_CONCURRENCY, ({ code, page }) => get(`${endpoint}?locale=${encodeURIComponent(code)}&page=${page}&pageSize=${MAX_PAGE_SIZE}`, schema));
  };
  await Promise.all([
    mapLimit(codes, 4, (code) => get(`${apiPaths.site}${q(code)}`, siteResponse, true)),
    mapLimit(codes, 4, (code) => get(`${apiPaths.framework}${q(code)}`, frameworkResponse, true)),
    mapLimit(codes, 4, (code) =>
      Promise.all([get(`${apiPaths.integrationAreas}${q(code)}`, taxonomyResponse, true), get(`${apiPaths.targetGroups}${q(code)}`, taxonomyResponse, true)]),
    ),
    allPages(apiPaths.practiceDetails, practiceDetailListResponse),
    allPages(apiPaths.toolDetails, toolDetailListResponse),
  ]);
  const endpoints: ReplayResult['endpoints'] = {};
  for (const [endpoint, list] of times) {
    endpoints[endpoint] = { requests: list.length, totalMs: list.reduce((sum, ms) => sum + ms, 0), medianMs: median(list), maxMs: Math.max(...list) };
  }
  return { seconds: (performance.now() - started) / 1000, requests, bytes, endpoints };
}
