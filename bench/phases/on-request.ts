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
  const uncachedSample = await fetchPage(`${practiceUrl}?nocache=probe`);
  const cacheHeaders = { first: header(first, 'x-astro-cache'), second: header(cachedPage, 'x-astro-cache'), cacheBusted: header(uncachedSample, 'x-astro-cache') };
  note(`X-Astro-Cache: ${cacheHeaders.first}, second ${cacheHeaders.second}, with ?nocache= ${cacheHeaders.cacheBusted}`);
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
    let bust = 0;
    await runRound({ origin: site.url, path: () => `${practicePath}?nocache=w${bust++}`, connections, duration: 1, settle });
    for (let round = 0; round < options.rounds; round += 1) {
      rounds.plain.push(await runRound({ origin: plain.url, path: practicePath, connections, duration: options.duration, settle }));
      rounds.cached.push(await runRound({ origin: site.url, path: practicePath, connections, duration: options.duration, settle }));
      rounds.uncached.push(await runRound({ origin: site.url, path: () => `${practicePath}?nocache=${round}-${bust++}`, connections, duration: options.duration, settle }));
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
  const labels = { plain: 'Plain Node HTTP server, same bytes', cached: 'Practice page, cached (route cache HIT)', uncached: 'Practice page, uncached (rendered, CMS fetched)' };
  for (const name of ['plain', 'cached', 'uncached'] as const) {
    const result = results[name];
    const failures = result.failures > 0 ? `${result.failures} failed responses` : undefined;
    figures.add(section, `site.${name}.rps`, `${labels[name]}: requests/s`, result.requestsPerSecond, 'req/s', failures);
    figures.add(section, `site.${name}.p50`, `${labels[name]}: p50`, result.p50, 'ms');
    figures.add(section, `site.${name}.p95`, `${labels[name]}: p95`, result.p95, 'ms');
    figures.add(section, `site.${name}.p99`, `${labels[name]}: p99`, result.p99, 'ms');
  }
  figures.add(section, 'site.cachedRatio', 'Cached / plain Node server, requests/s (median of per-round ratios)', median(ratios), 'ratio', ratios.map((ratio) => ratio.toFixed(2)).join(', '));
  figures.add(section, 'site.uncachedRatio', 'Uncached / plain Node server, requests/s (median of per-round ratios)', median(uncachedRatios), 'ratio');
  figures.add(section, 'site.pageBytes', 'Practice page HTML served', cachedPage.body.length, 'bytes');
  details.onRequest = { practiceUrl, ...results, ratios, uncachedRatios, cacheHeaders };
}

/** One more site process per load, under --cpu-prof, for where the time goes (not measured). */
export async function profileOnRequest(
  serverOut: string,
  cms: CmsWorker,
  practiceTarget: PracticeTarget,
  options: BenchOptions,
  logs: string,
  secret: string,
  details: Details,
): Promise<void> {
  const practicePath = `/${practiceTarget.locale}/practices/${practiceTarget.slug}/`;
  for (const kind of ['cached', 'uncached'] as const) {
    const dir = path.join(logs, `site-${kind}-profile`);
    const site = await startServerSite({ outDir: serverOut, port: await freePort(), cmsUrl: cms.url, secret, logFile: path.join(logs, `site-${kind}-profiled.log`), cpuProfileDir: dir });
    try {
      await fetchPage(`${site.url}${practicePath}`);
      let bust = 0;
      await runRound({
        origin: site.url,
        path: kind === 'cached' ? practicePath : () => `${practicePath}?nocache=p${bust++}`,
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
