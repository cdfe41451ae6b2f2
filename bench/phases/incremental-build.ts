/**
 * Incremental static builds (issue 17.5): one output folder and one cache folder kept from build
 * to build, as a deployment that builds after each publish keeps them.
 *
 *   1. a first build with an empty cache (everything read, rendered and indexed);
 *   2. a build with nothing changed;
 *   3. per rendering concurrency (SITE_BUILD_CONCURRENCY 8, the default, and 1: Astro's docs say
 *      its incremental cache needs 1, Astro 7.3 keeps it at any concurrency), rounds of: publish
 *      one practice's summary with a marker, build, check the practice's page shows the marker
 *      (after a build at the new concurrency that settles Astro's content store, which a config
 *      change clears).
 *
 * Figures: wall time of the rebuild after one publish (the target: ≤ 10 s at 2,000 × 5),
 * pages rendered, how the time splits (content sync, rendering, search index).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { note, step } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { CmsWorker } from '../lib/cms.ts';
import type { FigureSet } from '../lib/figures.ts';
import { freePort, waitForIdle } from '../lib/proc.ts';
import { staticBuild, staticOutDir, type StaticBuildResult } from '../lib/static-build.ts';
import { median, spread } from '../lib/stats.ts';

export interface IncrementalDetails {
  first: StaticBuildResult;
  unchanged: StaticBuildResult;
  afterPublish: { concurrency: number; build: StaticBuildResult; publishedMs: number }[];
}

const CONCURRENCIES = [8, 1] as const;

function describe(build: StaticBuildResult): string {
  return (
    `${build.wallSeconds.toFixed(1)} s: ${build.rendered} files rendered, ${build.kept} kept; content sync ${build.contentSyncSeconds.toFixed(1)} s ` +
    `(${build.practicesSync}), rendering ${build.renderSeconds.toFixed(1)} s, search index ${build.searchIndexSeconds.toFixed(1)} s ` +
    `(${build.shardsIndexed} shards indexed, ${build.shardsKept} kept)`
  );
}

export async function measureIncrementalBuild(cms: CmsWorker, options: BenchOptions, work: string, logs: string, figures: FigureSet): Promise<IncrementalDetails> {
  const sitePort = await freePort();
  const outDir = staticOutDir(work, 'static-incremental');
  const env = { SITE_CACHE_DIR: path.join(work, 'astro-cache-incremental') };
  let n = 0;
  const build = async (label: string, extra: Record<string, string> = {}): Promise<StaticBuildResult> => {
    await waitForIdle([cms.pid]);
    n += 1;
    const result = await step(label, () =>
      staticBuild({ cmsUrl: cms.url, siteUrl: `http://127.0.0.1:${sitePort}`, outDir, logFile: path.join(logs, `static-incremental-${n}.log`), env: { ...env, ...extra } }),
    );
    if (!result.ok) throw new Error(`the incremental static build "${label}" failed (log: ${result.logFile})`);
    note(describe(result));
    return result;
  };

  const first = await build('Incremental static build 1: empty cache');
  const unchanged = await build('Incremental static build 2: nothing changed');
  const reps = Math.max(2, Math.min(3, options.staticBuilds));
  const targets = spread(cms.generation.targets, reps * CONCURRENCIES.length + 1).slice(1);
  const afterPublish: IncrementalDetails['afterPublish'] = [];
  for (const [index, concurrency] of CONCURRENCIES.entries()) {
    // Astro's content layer clears its store when the config changes (the concurrency is part of
    // it): one build at the new concurrency first, not measured, so the rounds measure a publish.
    if (index > 0) await build(`Incremental static build at concurrency ${concurrency}, nothing changed (not measured)`, { SITE_BUILD_CONCURRENCY: String(concurrency) });
    for (let rep = 1; rep <= reps; rep += 1) {
      const target = targets[index * reps + rep - 1]!;
      const marker = `bench-incremental-${randomBytes(6).toString('hex')}`;
      const timing = await cms.publish({ documentId: target.documentId, locale: target.locale, slug: target.slug, summary: `Changed by the benchmark (${marker}).`, webhook: null });
      const result = await build(`Rebuild after one publish (concurrency ${concurrency}, ${rep}/${reps})`, { SITE_BUILD_CONCURRENCY: String(concurrency) });
      // The rebuilt page must show the change: a fast build that kept the old page would be wrong.
      const page = readFileSync(path.join(outDir, target.locale, 'practices', target.slug, 'index.html'), 'utf8');
      if (!page.includes(marker)) throw new Error(`the incremental rebuild kept the old page of ${target.locale}/${target.slug} (log: ${result.logFile})`);
      afterPublish.push({ concurrency, build: result, publishedMs: timing.updateMs + timing.publishMs });
    }
  }
  rmSync(outDir, { recursive: true, force: true });

  const section = 'Incremental static build';
  const of = (concurrency: number) => afterPublish.filter((sample) => sample.concurrency === concurrency).map((sample) => sample.build);
  const byDefault = of(8);
  figures.add(section, 'incremental.firstSeconds', 'First build with an empty cache (wall time)', first.wallSeconds, 's', `${first.rendered} files rendered`);
  figures.add(section, 'incremental.unchangedSeconds', 'Build with nothing changed (wall time)', unchanged.wallSeconds, 's', `${unchanged.rendered} files rendered, ${unchanged.kept} kept`);
  figures.add(section, 'incremental.rebuildSeconds', 'Rebuild after one publish (wall time, concurrency 8)', median(byDefault.map((b) => b.wallSeconds)), 's', `median of ${byDefault.length}`);
  figures.add(section, 'incremental.rebuildRendered', 'Files rendered by the rebuild after one publish', median(byDefault.map((b) => b.rendered)), 'files', `of ${median(byDefault.map((b) => b.rendered + b.kept))}`);
  figures.add(section, 'incremental.rebuildSyncSeconds', 'Rebuild after one publish: content sync', median(byDefault.map((b) => b.contentSyncSeconds)), 's');
  figures.add(section, 'incremental.rebuildRenderSeconds', 'Rebuild after one publish: "generating static routes"', median(byDefault.map((b) => b.renderSeconds)), 's');
  figures.add(section, 'incremental.rebuildSearchSeconds', 'Rebuild after one publish: search index', median(byDefault.map((b) => b.searchIndexSeconds)), 's', `${median(byDefault.map((b) => b.shardsIndexed))} shards indexed`);
  const single = of(1);
  figures.add(section, 'incremental.rebuildSecondsConcurrency1', 'Rebuild after one publish (wall time, concurrency 1)', median(single.map((b) => b.wallSeconds)), 's', `median of ${single.length}`);
  figures.add(section, 'incremental.concurrencyRatio', 'Rebuild time, concurrency 1 / concurrency 8', median(single.map((b) => b.wallSeconds)) / median(byDefault.map((b) => b.wallSeconds)), '×');
  return { first, unchanged, afterPublish };
}
