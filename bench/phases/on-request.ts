/** The on-request phase: the practice page cached and uncached against a plain Node server, then profiled. */
import path from 'node:path';
import { note } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { PracticeTarget } from '../generate.ts';
import { startPlainServer } from '../lib/baseline.ts';
import type { CmsWorker } from '../lib/cms.ts';
import { formatNumber, type FigureSet } from '../lib/figures.ts';
import { runRound, summarise, type RoundResult } from '../lib/load.ts';
import { freePort, waitForIdle } from '../lib/proc.ts';
import { fetchPage, startServerSite } from '../lib/site.ts';
import { median } from '../lib/stats.ts';
import { addProfiles, type Details } from './details.ts';

export async function measureOnRequest(
  site: { url: string; pid: number },
  cmsPid: number,
  practiceTarget: PracticeTarget,
  /** Every practice page of the data, own versions of every locale: the uncached load goes through them in turn. */
  allTargets: readonly PracticeTarget[],
  options: BenchOptions,
  work: string,
  figures: FigureSet,
  details: Details,
): Promise<void> {
  const practicePath = `/${practiceTarget.locale}/practices/${practiceTarget.slug}/`;
  const practiceUrl = `${site.url}${practicePath}`;
  const first = await fetchPage(practiceUrl);
  if (first.status !== 200) throw new Error(`on request: GET ${practiceUrl}: HTTP ${first.status}`);
  const cachedPage = await fetchPage(practiceUrl);
  const header = (page: typeof first, name: string) => page.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  // The uncached load cannot bust the route cache with a query (its key ignores unknown
  // parameters: a flood of `?x=N` must not evict pages, and it did not in the earlier reports,
  // whose "uncached" figure was a cached one). It asks every practice page in turn instead: more
  // pages than the route cache holds (2,000), asked in a cycle, so the least recently used one is
  // always gone by the time it comes back, and every answer is rendered.
  const uncachedPaths = uncachedCycle(allTargets, practicePath);
  const uncachedSample = await fetchPage(`${site.url}${uncachedPaths.next()}`);
  const cacheHeaders = { first: header(first, 'x-astro-cache'), second: header(cachedPage, 'x-astro-cache'), uncached: header(uncachedSample, 'x-astro-cache') };
  note(`X-Astro-Cache: ${cacheHeaders.first}, second ${cacheHeaders.second}, the uncached cycle's first page ${cacheHeaders.uncached} (${uncachedPaths.size} practice pages in turn for the uncached load)`);
  if (cacheHeaders.second !== 'HIT') note('warning: the second request of the practice page was not a cache HIT');

  const plainPort = await freePort();
  const plain = await startPlainServer(cachedPage, path.join(work, 'plain-page.json'), plainPort);
  const rounds = { plain: [] as RoundResult[], cached: [] as RoundResult[], uncached: [] as RoundResult[] };
  try {
    const connections = options.siteConnections;
    const settle = [site.pid, cmsPid, plain.pid];
    // Warm-up of all three.
    await runRound({ origin: plain.url, path: practicePath, connections, duration: 1, settle });
    await runRound({ origin: site.url, path: practicePath, connections, duration: 1, settle });
    await runRound({ origin: site.url, path: uncachedPaths.next, connections, duration: 1, settle });
    for (let round = 0; round < options.rounds; round += 1) {
      rounds.plain.push(await runRound({ origin: plain.url, path: practicePath, connections, duration: options.duration, settle }));
      rounds.cached.push(await runRound({ origin: site.url, path: practicePath, connections, duration: options.duration, settle }));
      rounds.uncached.push(await runRound({ origin: site.url, path: uncachedPaths.next, connections, duration: options.duration, settle }));
      note(
        `round ${round + 1}/${options.rounds}: plain ${formatNumber(rounds.plain.at(-1)!.requestsPerSecond)} req/s, cached ${formatNumber(rounds.cached.at(-1)!.requestsPerSecond)} req/s, ` +
          `uncached ${formatNumber(rounds.uncached.at(-1)!.requestsPerSecond)} req/s (${rounds.uncached.at(-1)!.failures} failed)`,
      );
    }
    await waitForIdle(settle);
  } finally {
    await plain.stop();
  }
  const ratios = rounds.cached.map((round, index) => round.requestsPerSecond / rounds.plain[index]!.requestsPerSecond);
  const uncachedRatios = rounds.uncached.map((round, index) => round.requestsPerSecond / rounds.plain[index]!.requestsPerSecond);
  const results = { plain: summarise(rounds.plain), cached: summarise(rounds.cached), uncached: summarise(rounds.uncached) };
  const section = 'On request';
  const labels = { plain: 'Plain Node HTTP server, same bytes', cached: 'Practice page, cached (route cache HIT)', uncached: 'Practice pages, uncached (every practice page in turn: rendered, CMS fetched)' };
  for (const name of ['plain', 'cached', 'uncached'] as const) {
    const result = results[name];
    const failures = result.failures > 0 ? `${result.failures} failed responses` : undefined;
    const cycle = name === 'uncached' ? `${uncachedPaths.size} practice pages in turn, route cache of ${uncachedRouteCachePages(allTargets.length) ?? ROUTE_CACHE_DEFAULT_PAGES} pages` : undefined;
    figures.add(section, `site.${name}.rps`, `${labels[name]}: requests/s`, result.requestsPerSecond, 'req/s', [failures, cycle].filter(Boolean).join('; ') || undefined);
    figures.add(section, `site.${name}.p50`, `${labels[name]}: p50`, result.p50, 'ms');
    figures.add(section, `site.${name}.p95`, `${labels[name]}: p95`, result.p95, 'ms');
    figures.add(section, `site.${name}.p99`, `${labels[name]}: p99`, result.p99, 'ms');
  }
  figures.add(section, 'site.cachedRatio', 'Cached / plain Node server, requests/s (median of per-round ratios)', median(ratios), 'ratio', ratios.map((ratio) => ratio.toFixed(2)).join(', '));
  figures.add(section, 'site.uncachedRatio', 'Uncached / plain Node server, requests/s (median of per-round ratios)', median(uncachedRatios), 'ratio');
  figures.add(section, 'site.pageBytes', 'Practice page HTML served', cachedPage.body.length, 'bytes');
  details.onRequest = { practiceUrl, ...results, ratios, uncachedRatios, cacheHeaders };
}

/**
 * The practice pages of the data in a fixed cycle (the measured page last), for loads that must
 * miss the route cache: with more pages than it holds, a cycle always asks the page it has let go
 * longest ago.
 */
export function uncachedCycle(targets: readonly PracticeTarget[], except: string): { next: () => string; size: number } {
  const paths = [...new Set(targets.map((target) => `/${target.locale}/practices/${target.slug}/`))].filter((path) => path !== except);
  if (paths.length === 0) throw new Error('on request: no practice pages to load uncached');
  let at = 0;
  return {
    next: () => {
      const path = paths[at]!;
      at = (at + 1) % paths.length;
      return path;
    },
    size: paths.length,
  };
}

/** The site's default route cache size (astro.config.mjs, `cache.provider.config.max`). */
const ROUTE_CACHE_DEFAULT_PAGES = 2000;

/**
 * The route cache size the bench's site runs with: the site's default, unless the data has too
 * few practice pages for the uncached cycle to miss it (a quick run's 180): then half of them.
 * Said in the report's configuration when it is not the default.
 */
export function uncachedRouteCachePages(practicePages: number): number | undefined {
  return practicePages > ROUTE_CACHE_DEFAULT_PAGES ? undefined : Math.max(1, Math.floor(practicePages / 2));
}

/** One more site process per load, under --cpu-prof, for where the time goes (not measured). */
export async function profileOnRequest(
  serverOut: string,
  cms: CmsWorker,
  practiceTarget: PracticeTarget,
  allTargets: readonly PracticeTarget[],
  options: BenchOptions,
  logs: string,
  secret: string,
  details: Details,
): Promise<void> {
  const practicePath = `/${practiceTarget.locale}/practices/${practiceTarget.slug}/`;
  for (const kind of ['cached', 'uncached'] as const) {
    const dir = path.join(logs, `site-${kind}-profile`);
    const site = await startServerSite({ outDir: serverOut, port: await freePort(), cmsUrl: cms.url, secret, logFile: path.join(logs, `site-${kind}-profiled.log`), cpuProfileDir: dir, routeCachePages: uncachedRouteCachePages(allTargets.length) });
    try {
      await fetchPage(`${site.url}${practicePath}`);
      await runRound({
        origin: site.url,
        path: kind === 'cached' ? practicePath : uncachedCycle(allTargets, practicePath).next,
        connections: options.siteConnections,
        duration: options.duration,
        settle: [site.pid, cms.pid],
      });
      await waitForIdle([site.pid, cms.pid]);
    } finally {
      await site.stop();
    }
    addProfiles(details, dir, `On-request site, ${kind} practice page load`);
  }
}
