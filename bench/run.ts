/**
 * The benchmark harness: every figure of the issue measured side by side in one run on one
 * machine, then a Markdown report and a JSON file of every figure.
 *
 *   1. synthetic data: N practices × L locales generated through the Document Service, on SQLite
 *      and on PostgreSQL when it answers (insert throughput);
 *   2. CMS reads with autocannon (10 connections): practice by slug and locale, the list (25 per
 *      page, with filters): requests/s, p50/p95/p99; SQL queries per request at page sizes 10
 *      and 100 (knex `query` events);
 *   3. the static build of every locale against the CMS: pages, wall time, pages/s, peak RSS,
 *      CMS fetch time versus rendering;
 *   4. the on-request site: the practice page cached and uncached against a plain Node HTTP
 *      server serving the same bytes (50 connections), rounds interleaved, ratios per round;
 *   5. publish to visible: Document Service update + publish, the signed webhook, polling the
 *      on-request page until it shows the change;
 *   6. page weight of the practice page, the list and the home page;
 *   7. several site instances sharing the machine's Redis (when it answers): publish to visible
 *      on each of three, and two instances behind a round-robin proxy against one;
 *   8. in the CMS reads: its resident memory after the loads and the first list request after a
 *      publish;
 *   9. incremental static builds: a build with nothing changed, and the rebuild after one publish
 *      (wall time, files rendered), at rendering concurrency 8 and 1.
 *
 * This file is the run: it starts the CMS and the site and runs the phases (./phases/, one file
 * each) in order. The options come from ./command-line.ts. Used by `npm run bench`
 * (scripts/tasks/bench.ts) and by bench/tests/bench-smoke.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { note, step } from '../scripts/lib/progress.ts';
import { stamp, type BenchOptions } from './command-line.ts';
import { CMS_WARM_UP, startCms, type CmsWorker } from './lib/cms.ts';
import { evaluateTargets, FigureSet, type TargetResult } from './lib/figures.ts';
import { currentLoadAverage, describeCode, describeMachine, type Machine } from './lib/machine.ts';
import { BENCH_DIR, ROOT } from './lib/paths.ts';
import { postgresUrl, probePostgres, redactedUrl } from './lib/postgres.ts';
import { freePort } from './lib/proc.ts';
import { renderReport } from './lib/report.ts';
import { buildServerSite, startServerSite } from './lib/site.ts';
import { spread } from './lib/stats.ts';
import { measureCmsReads } from './phases/cms-reads.ts';
import type { Details } from './phases/details.ts';
import { addGeneration, startSink } from './phases/generation.ts';
import { measureInstances, REDIS_URL, redisAnswers } from './phases/instances.ts';
import { measureOnRequest, profileOnRequest, uncachedRouteCachePages } from './phases/on-request.ts';
import { measurePageWeight } from './phases/page-weight.ts';
import { measurePublish } from './phases/publish.ts';
import { measureStaticBuild } from './phases/static-build.ts';
import { staticOutDir } from './lib/static-build.ts';
import { measureIncrementalBuild } from './phases/incremental-build.ts';

const PLUGIN_DIST = path.join(ROOT, 'cms', 'src', 'plugins', 'good-practices', 'dist', 'server');

export interface BenchResult {
  reportFile: string;
  jsonFile: string;
  figures: FigureSet;
  targets: TargetResult[];
}

/** True when the compiled plugin notifies the site itself (SITE_REVALIDATE_URL implemented). */
function pluginNotifiesSite(): boolean {
  const search = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? search(path.join(dir, entry.name)) : entry.name.endsWith('.js') && readFileSync(path.join(dir, entry.name), 'utf8').includes('SITE_REVALIDATE_URL'),
    );
  return search(PLUGIN_DIST);
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date();
  const started = performance.now();
  const machine: Machine = describeMachine();
  // Read at the start: the code that is measured, not what the tree holds when the report is written.
  const code = describeCode(ROOT);
  const figures = new FigureSet();
  const details: Details = { generation: {}, cmsReads: {}, staticBuilds: [], replays: [], profiles: {} };
  const notMeasured: Record<string, string> = {};
  const failed: Record<string, string> = {};
  const work = path.join(BENCH_DIR, 'out', `work-${stamp()}-${process.pid}`);
  // Logs and profiles stay in the git-ignored bench/out/, also for a committed report.
  const logs = path.join(BENCH_DIR, 'out', `${path.basename(options.report)}-logs`);
  mkdirSync(work, { recursive: true });
  mkdirSync(logs, { recursive: true });
  mkdirSync(path.dirname(options.report), { recursive: true });

  note(`${options.mode} run: ${options.practices} practices × ${options.locales} locales, ${options.rounds} rounds of ${options.duration} s; logs in ${path.relative(ROOT, logs)}`);
  note(`machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverageStart}`);

  const databases: ('sqlite' | 'postgres')[] = [];
  if (options.database !== 'postgres') databases.push('sqlite');
  if (options.database !== 'sqlite') {
    const version = await probePostgres();
    if (version) {
      databases.push('postgres');
      machine.databases.postgresServer = `PostgreSQL ${version} at ${redactedUrl(postgresUrl())}`;
    } else if (options.database === 'postgres') {
      throw new Error(`PostgreSQL does not answer at ${redactedUrl(postgresUrl())} (set TEST_DATABASE_URL)`);
    } else {
      note(`PostgreSQL does not answer at ${redactedUrl(postgresUrl())}: SQLite only (set TEST_DATABASE_URL to include it)`);
      for (const id of ['cms.postgres.practice.p95', 'cms.postgres.list.p95', 'cms.postgres.queries.list.growth']) notMeasured[id] = 'PostgreSQL was not reachable';
    }
  }
  if (!databases.includes('sqlite')) notMeasured['cms.sqlite.queries.list.growth'] = 'SQLite not selected (--database postgres)';

  const siteDatabase = databases.at(-1)!;
  const notifier = pluginNotifiesSite();
  const secret = randomBytes(24).toString('hex');
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  let siteCms: CmsWorker | undefined;
  const workers: CmsWorker[] = [];
  const cmsEnv = new Map<string, Record<string, string>>();

  try {
    // The databases are filled at the same time, each CMS in its own process: generation is most
    // of a full run's wall time (about 17 min per database at 2,000 × 5, one core each) and nothing
    // is measured while it runs. The insert throughputs are therefore measured side by side
    // (noted in the report); the read loads run one database at a time on an idle machine.
    const generated = await step(
      `CMS on ${databases.join(' and ')}: boot on fresh databases, generate ${options.practices} practices × ${options.locales} locales${databases.length > 1 ? ' (in parallel)' : ''}`,
      () =>
        Promise.allSettled(
          databases.map(async (database) => {
            // With the plugin's notifier, every publish of the generation POSTs to SITE_REVALIDATE_URL:
            // a sink answers them until the site takes over its port (the same for every database,
            // so that insert throughputs compare).
            const notifyPort = database === siteDatabase ? sitePort : await freePort();
            const sink = notifier ? await startSink(notifyPort) : undefined;
            const env: Record<string, string> = notifier ? { SITE_REVALIDATE_URL: `http://127.0.0.1:${notifyPort}/api/revalidate`, REVALIDATE_SECRET: secret } : {};
            cmsEnv.set(database, env);
            try {
              const cms = await startCms({
                database,
                generate: { practices: options.practices, locales: options.locales, seed: options.seed },
                // Kept for the CMS that serves the measurements (below); that one drops it.
                keepDatabase: true,
                env,
                logFile: path.join(logs, `cms-${database}.log`),
                onProgress: (line: string) => note(`[${database}] ${line}`),
              });
              workers.push(cms);
              return cms;
            } finally {
              await sink?.close();
            }
          }),
        ),
    );
    const failure = generated.find((result) => result.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
    for (const result of generated) {
      const generator = (result as PromiseFulfilledResult<CmsWorker>).value;
      const database = generator.database;
      machine.databases[database] = generator.databaseVersion;
      note(`${generator.databaseVersion}; ${generator.generation.practiceVersions} versions at ${generator.generation.versionsPerSecond.toFixed(1)} versions/s`);
      addGeneration(generator, figures, details, databases.length > 1);
      figures.add('Synthetic data', `data.${database}.cmsRssMB`, `CMS resident memory after the generation (${database})`, (await generator.rss()) / 1024 ** 2, 'MB');
      // Everything else is measured on a CMS process started on the generated database, as a CMS
      // runs in production: the process that wrote 10,000 versions keeps a large, fragmented heap
      // (under the heap cap its collections showed in the read latencies' tail; reports before
      // 2026-12-07's last run measured on it).
      await step(`Restarting the ${database} CMS on the generated database`, () => generator.stop());
      workers.splice(workers.indexOf(generator), 1);
      const cms = await step(`Starting a CMS on the generated ${database} database`, () =>
        startCms({
          database,
          generate: { practices: options.practices, locales: options.locales, seed: options.seed },
          reuse: { databaseName: generator.databaseName, generation: generator.generation },
          // As deployed: the read models built again after each write (cms/config/plugins.ts's default;
          // the test harness, and so the generating CMS, has it off).
          env: { ...(cmsEnv.get(database) ?? {}), CACHE_WARM_UP: CMS_WARM_UP },
          logFile: path.join(logs, `cms-${database}-measured.log`),
        }),
      );
      workers.push(cms);
      await step(`CMS reads on ${database} (autocannon, ${options.cmsConnections} connections) and SQL queries per request`, () => measureCmsReads(cms, options, logs, figures, details));
      if (database === siteDatabase) siteCms = cms;
      else await step(`Stopping the ${database} CMS`, () => cms.stop());
    }
    const cms = siteCms!;
    note(`the site reads the ${cms.database} CMS`);

    await measureStaticBuild(cms, options, work, logs, figures, details, failed);
    details.incremental = await measureIncrementalBuild(cms, options, work, logs, figures);

    const serverOut = path.join(work, 'site-server');
    details.serverBuildSeconds = await step('Building the on-request site (SITE_MODE=server) into the scratch folder', () => buildServerSite(serverOut, path.join(logs, 'server-build.log')));
    const routeCachePages = uncachedRouteCachePages(cms.generation.targets.length);
    const site = await step(`Starting the on-request site on ${siteUrl}`, () => startServerSite({ outDir: serverOut, port: sitePort, cmsUrl: cms.url, secret, logFile: path.join(logs, 'site-server.log'), routeCachePages }));
    try {
      const defaultLocale = cms.generation.defaultLocale;
      const ownTargets = cms.generation.targets;
      const defaultTargets = ownTargets.filter((target) => target.locale === defaultLocale);
      await step('Page weight (practice, list, home)', () => measurePageWeight(site, ownTargets, defaultLocale, figures, details));
      await step(`On request: practice page cached and uncached versus a plain Node server (${options.siteConnections} connections)`, () =>
        measureOnRequest(site, cms.pid, defaultTargets[Math.floor(defaultTargets.length / 2)]!, ownTargets, options, work, figures, details),
      );
      await step(`Publish to visible (${options.publishReps} changes)`, () => measurePublish(cms, site, spread(ownTargets, options.publishReps), notifier, secret, options, figures, details));
    } finally {
      await site.stop();
    }
    if (await redisAnswers()) {
      details.instances = await step(`Several site instances on ${REDIS_URL}: publish to visible on 3 instances, two instances behind a proxy against one`, () =>
        measureInstances(cms, { outDir: serverOut, firstPort: sitePort, secret, notifier, logs }, cms.generation.targets, options, figures),
      );
    } else {
      note(`no Redis answers on ${REDIS_URL}: the several-instances figures are not measured`);
    }
    if (options.profile) {
      const defaultTargets = cms.generation.targets.filter((target) => target.locale === cms.generation.defaultLocale);
      await step('On-request site under --cpu-prof, cached and uncached (not measured)', () =>
        profileOnRequest(serverOut, cms, defaultTargets[Math.floor(defaultTargets.length / 2)]!, cms.generation.targets, options, logs, secret, details),
      );
    }
  } finally {
    for (const worker of workers) await worker.stop().catch(() => undefined);
    if (!options.keepOutput) rmSync(work, { recursive: true, force: true });
    if (!options.keepOutput) rmSync(path.dirname(staticOutDir(work, 'x')), { recursive: true, force: true });
  }

  machine.loadAverageEnd = currentLoadAverage();
  const targets = evaluateTargets(figures, notMeasured, failed);
  const meta = {
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - started) / 1000,
    options: { ...options, report: path.relative(ROOT, options.report) },
    machine,
    siteDatabase,
    code,
  };
  const reportFile = `${options.report}.md`;
  const jsonFile = `${options.report}.json`;
  writeFileSync(jsonFile, `${JSON.stringify({ meta, figures: figures.figures, targets, details }, null, 2)}\n`);
  const analysis = options.notes ? readFileSync(options.notes, 'utf8') : undefined;
  writeFileSync(reportFile, renderReport({ meta, figures, targets, details: details as unknown as Record<string, unknown>, analysis }));
  return { reportFile, jsonFile, figures, targets };
}
