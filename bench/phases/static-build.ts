/** The static build phase: `astro build` against the CMS, a replay of its CMS requests, a profiled build. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { note, step } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { CmsWorker } from '../lib/cms.ts';
import type { FigureSet } from '../lib/figures.ts';
import { ROOT } from '../lib/paths.ts';
import { freePort, waitForIdle } from '../lib/proc.ts';
import { replayLoaderFetches, staticBuild, staticOutDir } from '../lib/static-build.ts';
import { median } from '../lib/stats.ts';
import { addProfiles, type Details } from './details.ts';

async function replayOnce(cms: CmsWorker, details: Details, figures: FigureSet, rep: number, reps: number): Promise<void> {
  await waitForIdle([cms.pid]);
  const replay = await step(`Replaying the build's CMS requests ${rep}/${reps}`, () => replayLoaderFetches(cms.url));
  note(`${replay.requests} requests, ${(replay.bytes / 1024 ** 2).toFixed(1)} MB of JSON in ${replay.seconds.toFixed(1)} s`);
  details.replays.push(replay);
  if (rep === reps && details.staticBuilds.some((build) => !build.ok)) {
    figures.add('Static build', 'static.replayFetchSeconds', 'Fetching, replayed: the loaders\u2019 requests alone (same concurrency, validated)', replay.seconds, 's', `${replay.requests} requests`);
  }
}

/** The lines of a failed build that say why (the CMS client's errors name the URL and the cause). */
function buildFailure(logFile: string): string {
  const lines = readFileSync(logFile, 'utf8').split('\n');
  const reason = lines.find((line) => /Cannot build the site|CMS request failed|CmsError|Error:/.test(line))?.trim() ?? lines.filter(Boolean).at(-1) ?? 'unknown';
  return reason.length > 300 ? `${reason.slice(0, 300)}…` : reason;
}

/**
 * The full-build figures are builds from nothing, as before incremental builds existed: no page
 * kept, every practice read, the search index built whole (their own cache folder).
 */
export const fromNothing = (work: string): Record<string, string> => ({ SITE_INCREMENTAL_BUILD: 'false', SITE_CACHE_DIR: path.join(work, 'astro-cache-full') });

export async function measureStaticBuild(cms: CmsWorker, options: BenchOptions, work: string, logs: string, figures: FigureSet, details: Details, failed: Record<string, string>): Promise<void> {
  const sitePort = await freePort();
  for (let rep = 1; rep <= options.staticBuilds; rep += 1) {
    await waitForIdle([cms.pid]);
    const outDir = staticOutDir(work, `static-${rep}`);
    const result = await step(`Static build ${rep}/${options.staticBuilds} (all ${cms.generation.locales.length} locales)`, () =>
      staticBuild({ cmsUrl: cms.url, siteUrl: `http://127.0.0.1:${sitePort}`, outDir, logFile: path.join(logs, `static-build-${rep}.log`), env: fromNothing(work) }),
    );
    if (!result.ok) {
      // A failed build is a finding (e.g. CMS requests timing out at this scale), not a crash of the bench.
      const reason = `the static build failed after ${result.wallSeconds.toFixed(0)} s: ${buildFailure(result.logFile)} (log: ${path.relative(ROOT, result.logFile)})`;
      note(reason);
      for (const id of ['static.pagesPerSecond', 'static.peakRssMB']) failed[id] = reason;
      figures.add('Static build', 'static.failedAfterSeconds', 'The static build failed after', result.wallSeconds, 's', reason);
      figures.add('Static build', 'static.peakRssMB.failedBuild', 'Peak RSS of the failed build', result.peakRssBytes / 1024 ** 2, 'MB');
      rmSync(outDir, { recursive: true, force: true });
      details.staticBuilds.push(result);
      await replayOnce(cms, details, figures, 1, 1);
      return;
    }
    note(
      `${result.pages} pages (${result.files} files, ${(result.outputBytes / 1024 ** 2).toFixed(0)} MB) in ${result.wallSeconds.toFixed(1)} s: ` +
        `${(result.pages / result.wallSeconds).toFixed(0)} pages/s, peak RSS ${(result.peakRssBytes / 1024 ** 2).toFixed(0)} MB, ` +
        `content sync ${result.contentSyncSeconds.toFixed(1)} s, rendering ${result.renderSeconds.toFixed(1)} s, ` +
        `search index ${result.searchIndexPages} pages in ${result.searchIndexSeconds.toFixed(1)} s, ${(result.searchIndexBytes / 1024 ** 2).toFixed(1)} MB`,
    );
    details.staticBuilds.push(result);
    if (!options.keepOutput || rep < options.staticBuilds) rmSync(outDir, { recursive: true, force: true });
  }
  for (let rep = 1; rep <= options.staticBuilds; rep += 1) await replayOnce(cms, details, figures, rep, options.staticBuilds);
  if (options.profile) {
    await waitForIdle([cms.pid]);
    const dir = path.join(logs, 'static-build-profile');
    const outDir = staticOutDir(work, 'static-profiled');
    const profiled = await step('Static build under --cpu-prof (not measured)', () =>
      staticBuild({ cmsUrl: cms.url, siteUrl: `http://127.0.0.1:${sitePort}`, outDir, logFile: path.join(logs, 'static-build-profiled.log'), cpuProfileDir: dir, env: fromNothing(work) }),
    );
    rmSync(outDir, { recursive: true, force: true });
    if (profiled.ok) addProfiles(details, dir, 'Static build (astro build)');
  }
  const builds = details.staticBuilds;
  const section = 'Static build';
  const wall = median(builds.map((build) => build.wallSeconds));
  const pages = median(builds.map((build) => build.pages));
  figures.add(section, 'static.pages', 'Pages built (all locales)', pages, 'pages', `${median(builds.map((build) => build.files))} files, ${median(builds.map((build) => build.htmlFiles))} HTML`);
  figures.add(section, 'static.seconds', 'Wall time of `astro build` (process start to exit)', wall, 's');
  figures.add(section, 'static.pagesPerSecond', 'Pages per second (pages / wall time)', median(builds.map((build) => build.pages / build.wallSeconds)), 'pages/s');
  figures.add(section, 'static.peakRssMB', 'Peak RSS of the build (process tree)', median(builds.map((build) => build.peakRssBytes / 1024 ** 2)), 'MB');
  figures.add(section, 'static.contentSyncSeconds', 'Fetching: content sync (the CMS loaders), from the build log', median(builds.map((build) => build.contentSyncSeconds)), 's');
  figures.add(section, 'static.renderSeconds', 'Rendering: "generating static routes", as Astro reports it', median(builds.map((build) => build.renderSeconds)), 's');
  figures.add(section, 'static.replayFetchSeconds', 'Fetching, replayed: the loaders\u2019 requests alone (same concurrency, validated)', median(details.replays.map((replay) => replay.seconds)), 's', `${details.replays[0]?.requests ?? 0} requests`);
  figures.add(
    section,
    'static.searchIndexSeconds',
    'Search index (Pagefind, one per locale, after the pages; included in the wall time)',
    median(builds.map((build) => build.searchIndexSeconds)),
    's',
    `${median(builds.map((build) => build.searchIndexPages))} practice pages indexed`,
  );
  figures.add(section, 'static.searchIndexMB', 'Search index on disk (`pagefind/`, every locale)', median(builds.map((build) => build.searchIndexBytes / 1024 ** 2)), 'MB');
  figures.add(
    section,
    'static.fetchShare',
    'Share of the wall time spent in the content sync',
    median(builds.map((build) => (100 * build.contentSyncSeconds) / build.wallSeconds)),
    '%',
  );
}
