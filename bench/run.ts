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
 *   6. page weight of the practice page, the list and the home page.
 *
 * Used by `npm run bench` (scripts/tasks/bench.ts) and by bench/tests/bench-smoke.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiPaths } from './lib/contract.ts';
import { note, step } from '../scripts/lib/progress.ts';
import type { PracticeTarget } from './generate.ts';
import { startPlainServer } from './lib/baseline.ts';
import { startCms, type CmsWorker } from './lib/cms.ts';
import { evaluateTargets, FigureSet, formatNumber, type TargetResult } from './lib/figures.ts';
import { load, runRound, summarise, type LoadResult, type RoundResult } from './lib/load.ts';
import { currentLoadAverage, describeCode, describeMachine, type Machine } from './lib/machine.ts';
import { pageWeight, type PageWeight } from './lib/page-weight.ts';
import { postgresUrl, probePostgres, redactedUrl } from './lib/postgres.ts';
import { profileMarkdown, readProfile, summariseProfile } from './lib/profile.ts';
import { freePort, waitForIdle } from './lib/proc.ts';
import { renderReport } from './lib/report.ts';
import { buildServerSite, startServerSite } from './lib/site.ts';
import { replayLoaderFetches, staticBuild, type ReplayResult, type StaticBuildResult } from './lib/static-build.ts';
import { median } from './lib/stats.ts';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
const PLUGIN_DIST = path.join(ROOT, 'cms', 'src', 'plugins', 'good-practices', 'dist', 'server');

export type DatabaseChoice = 'sqlite' | 'postgres' | 'all';

export interface BenchOptions {
  mode: 'quick' | 'full' | 'custom';
  practices: number;
  locales: number;
  database: DatabaseChoice;
  /** Seconds per autocannon round. */
  duration: number;
  /** autocannon rounds per figure (the figure is their median). */
  rounds: number;
  staticBuilds: number;
  publishReps: number;
  seed: number;
  /** Report path without extension: PATH.md and PATH.json are written. */
  report: string;
  keepOutput: boolean;
  /** CPU profiles of the CMS reads, the on-request site and the static build (separate passes after the measured ones). */
  profile: boolean;
  /** Markdown file appended to the report as its analysis (findings written by hand). */
  notes?: string;
  cmsConnections: number;
  siteConnections: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--practices N] [--locales L] [--database sqlite|postgres|all]
                     [--duration S] [--rounds R] [--static-builds K] [--publish-reps P]
                     [--report bench/reports/NAME] [--notes FILE.md] [--seed S] [--keep-output] [--no-profile]

  --quick           a run under 5 minutes: 60 practices × 3 locales, 3 rounds of 3 s
  (default)         the full run: 2,000 practices × 5 locales, 5 rounds of 10 s (long: run it in the background)
  --database        all (default) = SQLite, and PostgreSQL when TEST_DATABASE_URL or
                    postgres://postgres@127.0.0.1:5432/postgres answers
  --report PATH     write PATH.md and PATH.json (default bench/out/bench-<time>)
  --notes FILE.md   append FILE.md to the report as its analysis (findings, profiles)
  --keep-output     keep the static build and the on-request build under bench/out/
  --no-profile      skip the CPU-profile passes (run after the measured ones; their summaries go in the report)`;

export class BenchUsageError extends Error {}

const PRESETS = {
  quick: { practices: 60, locales: 3, duration: 3, rounds: 3, staticBuilds: 2, publishReps: 5 },
  full: { practices: 2000, locales: 5, duration: 10, rounds: 5, staticBuilds: 2, publishReps: 10 },
} as const;

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

export function parseBenchArgs(argv: readonly string[], cwd = process.cwd()): BenchOptions | 'help' {
  const quick = argv.includes('--quick');
  const preset = quick ? PRESETS.quick : PRESETS.full;
  const options: BenchOptions = {
    mode: quick ? 'quick' : 'full',
    ...preset,
    database: 'all',
    seed: 1,
    report: path.join(BENCH_DIR, 'out', `bench-${stamp()}`),
    keepOutput: false,
    profile: true,
    cmsConnections: 10,
    siteConnections: 50,
  };
  const integer = (flag: string, value: string | undefined, min: number): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isInteger(parsed) || parsed < min) throw new BenchUsageError(`${flag} needs an integer ≥ ${min}`);
    return parsed;
  };
  let custom = false;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    const take = (): string => {
      index += 1;
      return value ?? '';
    };
    switch (flag) {
      case '--quick':
        break;
      case '--help':
      case '-h':
        return 'help';
      case '--practices':
        options.practices = integer(flag, take(), 1);
        custom = true;
        break;
      case '--locales':
        options.locales = integer(flag, take(), 1);
        custom = true;
        break;
      case '--duration':
        options.duration = integer(flag, take(), 1);
        custom = true;
        break;
      case '--rounds':
        options.rounds = integer(flag, take(), 1);
        custom = true;
        break;
      case '--static-builds':
        options.staticBuilds = integer(flag, take(), 1);
        custom = true;
        break;
      case '--publish-reps':
        options.publishReps = integer(flag, take(), 1);
        custom = true;
        break;
      case '--seed':
        options.seed = integer(flag, take(), 0);
        break;
      case '--database': {
        const database = take();
        if (database !== 'sqlite' && database !== 'postgres' && database !== 'all') throw new BenchUsageError('--database is sqlite, postgres or all');
        options.database = database;
        break;
      }
      case '--report': {
        const report = take();
        if (!report) throw new BenchUsageError('--report needs a path');
        options.report = path.resolve(cwd, report.replace(/\.(md|json)$/, ''));
        break;
      }
      case '--keep-output':
        options.keepOutput = true;
        break;
      case '--no-profile':
        options.profile = false;
        break;
      case '--notes': {
        const notes = take();
        if (!notes) throw new BenchUsageError('--notes needs a Markdown file');
        options.notes = path.resolve(cwd, notes);
        break;
      }
      default:
        throw new BenchUsageError(`unknown argument ${flag}`);
    }
  }
  if (custom) options.mode = 'custom';
  return options;
}

export interface BenchResult {
  reportFile: string;
  jsonFile: string;
  figures: FigureSet;
  targets: TargetResult[];
}

interface Details {
  generation: Record<string, unknown>;
  cmsReads: Record<string, { practice: LoadResult; list: LoadResult; listQueries: string[]; queries: { path: string; queries: number; status: number }[] }>;
  staticBuilds: StaticBuildResult[];
  replays: ReplayResult[];
  onRequest?: { practiceUrl: string; plain: LoadResult; cached: LoadResult; uncached: LoadResult; ratios: number[]; uncachedRatios: number[]; cacheHeaders: Record<string, string | null> };
  publish?: { samples: { visibleMs: number; updateMs: number; publishMs: number; webhookMs: number; webhookStatus: number | null; polls: number }[]; notifier: 'plugin' | 'bench' };
  pageWeight?: Record<string, PageWeight[]>;
  serverBuildSeconds?: number;
  /** Markdown summaries of the CPU profiles, by what was profiled. */
  profiles: Record<string, string>;
}

/** Answers 200 to every request: where the CMS's notifications go while no site listens. */
async function startSink(port: number): Promise<{ close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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

function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** The list queries of the read benchmark: 25 per page, with and without filters, several sorts and pages. */
function listQueries(facets: CmsWorker['generation']['facets'], locales: readonly string[], pageCount: number): string[] {
  const queries: string[] = [];
  for (const locale of locales) {
    queries.push(`locale=${locale}`);
    queries.push(`locale=${locale}&sort=title:asc&page=${Math.min(2, pageCount)}`);
    queries.push(`locale=${locale}&country=${facets.countries[0]}`);
    queries.push(`locale=${locale}&area=${facets.areas[1] ?? facets.areas[0]}&sort=validationDate:desc`);
    queries.push(`locale=${locale}&targetGroup=${facets.targetGroups[0]}`);
    queries.push(`locale=${locale}&groupMet=${facets.groups[0]}`);
    queries.push(`locale=${locale}&itemMet=${facets.items[0]}&country=${facets.countries[1] ?? facets.countries[0]}`);
  }
  return queries.map((query) => `${apiPaths.practices}?pageSize=25&${query}`);
}

/** Variants whose query count must not depend on the page size (checked at 10 and 100). */
function queryCountVariants(facets: CmsWorker['generation']['facets'], locale: string): string[] {
  return ['', `&area=${facets.areas[0]}&targetGroup=${facets.targetGroups[0]}`, `&itemMet=${facets.items[0]}`, `&groupMet=${facets.groups[0]}&sort=title:asc`, `&q=community`].map(
    (filters) => `locale=${locale}${filters}`,
  );
}

async function measureCmsReads(cms: CmsWorker, options: BenchOptions, logs: string, figures: FigureSet, details: Details): Promise<void> {
  const db = cms.database;
  const section = 'CMS reads';
  const targets = cms.generation.targets;
  const practicePaths = targets.map((target: PracticeTarget) => `${apiPaths.practice(target.slug)}?locale=${target.locale}`);
  const pageCount = Math.max(1, Math.ceil(cms.generation.practices / 25));
  const lists = listQueries(cms.generation.facets, cms.generation.locales, pageCount);

  // Warm-up: the first requests of a fresh process compile code and fill pools.
  const settle = [cms.pid];
  await runRound({ origin: cms.url, path: (index) => practicePaths[index % practicePaths.length]!, connections: options.cmsConnections, duration: 1, settle });
  await runRound({ origin: cms.url, path: (index) => lists[index % lists.length]!, connections: options.cmsConnections, duration: 1, settle });

  const practiceRounds: RoundResult[] = [];
  const listRounds: RoundResult[] = [];
  // Interleaved, so that a noisy moment of a shared machine does not hit one figure only.
  for (let round = 0; round < options.rounds; round += 1) {
    const offset = round * 7919;
    practiceRounds.push(
      await runRound({ origin: cms.url, path: (index) => practicePaths[(index * 31 + offset) % practicePaths.length]!, connections: options.cmsConnections, duration: options.duration, settle }),
    );
    listRounds.push(await runRound({ origin: cms.url, path: (index) => lists[(index + round) % lists.length]!, connections: options.cmsConnections, duration: options.duration, settle }));
    note(
      `round ${round + 1}/${options.rounds}: practice ${formatNumber(practiceRounds.at(-1)!.requestsPerSecond)} req/s p95 ${formatNumber(practiceRounds.at(-1)!.p95)} ms; ` +
        `list ${formatNumber(listRounds.at(-1)!.requestsPerSecond)} req/s p95 ${formatNumber(listRounds.at(-1)!.p95)} ms`,
    );
  }
  const practice = summarise(practiceRounds);
  const list = summarise(listRounds);
  for (const [name, label, result] of [
    ['practice', 'Practice by slug and locale', practice],
    ['list', 'Practice list (25 per page, filters)', list],
  ] as const) {
    const failures = result.failures > 0 ? `${result.failures} failed responses` : undefined;
    figures.add(section, `cms.${db}.${name}.rps`, `${label}: requests/s (${db})`, result.requestsPerSecond, 'req/s', failures);
    figures.add(section, `cms.${db}.${name}.p50`, `${label}: p50 (${db})`, result.p50, 'ms');
    figures.add(section, `cms.${db}.${name}.p95`, `${label}: p95 (${db})`, result.p95, 'ms');
    figures.add(section, `cms.${db}.${name}.p99`, `${label}: p99 (${db})`, result.p99, 'ms');
  }

  const locale = cms.generation.defaultLocale;
  const variants = queryCountVariants(cms.generation.facets, locale);
  const detailPaths = spread(practicePaths, 3);
  await waitForIdle(settle);
  const counted = await cms.count([
    ...variants.flatMap((query) => [`${apiPaths.practices}?pageSize=10&${query}`, `${apiPaths.practices}?pageSize=100&${query}`]),
    ...detailPaths,
  ]);
  const bad = counted.filter((entry) => entry.status !== 200);
  if (bad.length > 0) throw new Error(`query count: ${bad.map((entry) => `${entry.path} → HTTP ${entry.status}`).join(', ')}`);
  const pairs = variants.map((_, index) => ({ small: counted[index * 2]!.queries, large: counted[index * 2 + 1]!.queries }));
  const growth = Math.max(...pairs.map((pair) => pair.large - pair.small));
  figures.add('SQL queries per request', `cms.${db}.queries.list.pageSize10`, `List, page size 10, no filter (${db})`, pairs[0]!.small, 'queries');
  figures.add('SQL queries per request', `cms.${db}.queries.list.pageSize100`, `List, page size 100, no filter (${db})`, pairs[0]!.large, 'queries');
  figures.add(
    'SQL queries per request',
    `cms.${db}.queries.list.growth`,
    `List: most extra queries at page size 100 versus 10, over ${variants.length} filter combinations (${db})`,
    growth,
    'queries',
    pairs.map((pair, index) => `${variants[index]!.replace(/^locale=\w+&?/, '') || 'no filter'}: ${pair.small} → ${pair.large}`).join('; '),
  );
  figures.add('SQL queries per request', `cms.${db}.queries.practice`, `Practice by slug (${db}; median of ${detailPaths.length} practices)`, median(counted.slice(variants.length * 2).map((entry) => entry.queries)), 'queries');
  // Service time without queueing: the same requests one at a time on an idle CMS.
  figures.add(section, `cms.${db}.practice.singleMs`, `Practice by slug, one request at a time: latency (${db})`, median(counted.slice(variants.length * 2).map((entry) => entry.ms)), 'ms');
  figures.add(section, `cms.${db}.list.singleMs`, `List (page size 10 and 100, 5 filter combinations), one request at a time: latency (${db})`, median(counted.slice(0, variants.length * 2).map((entry) => entry.ms)), 'ms');
  details.cmsReads[db] = { practice, list, listQueries: lists, queries: counted };
  figures.add(section, `cms.${db}.rssMB`, `CMS resident memory after the read loads (${db})`, (await cms.rss()) / 1024 ** 2, 'MB');

  if (options.profile) {
    for (const [name, label, pathOf] of [
      ['practice', 'practice by slug', (index: number) => practicePaths[(index * 31) % practicePaths.length]!],
      ['list', 'list', (index: number) => lists[index % lists.length]!],
    ] as const) {
      const file = path.join(logs, `cms-${db}-${name}.cpuprofile`);
      await cms.profile(file, () => runRound({ origin: cms.url, path: pathOf, connections: options.cmsConnections, duration: options.duration, settle }));
      details.profiles[`CMS on ${db}, ${label} load`] = profileMarkdown(`CMS on ${db} under the ${label} load (${path.basename(file)})`, summariseProfile(readProfile(file)));
    }
  }
}

function addGeneration(cms: CmsWorker, figures: FigureSet, details: Details, parallel: boolean): void {
  const db = cms.database;
  const g = cms.generation;
  const section = 'Synthetic data';
  const side = parallel ? ', while the other database was being filled' : '';
  figures.add(section, `data.${db}.practices`, `Practices generated (${db})`, g.practices, 'practices', `${g.locales.length} locales: ${g.locales.join(', ')}`);
  figures.add(section, `data.${db}.versions`, `Published practice versions (${db})`, g.practiceVersions, 'versions');
  figures.add(section, `data.${db}.practicesPerSecond`, `Insert throughput, practices with all their locales (${db})`, g.practicesPerSecond, 'practices/s', `concurrency ${g.concurrency}${side}`);
  figures.add(section, `data.${db}.versionsPerSecond`, `Insert throughput, published versions (${db})`, g.versionsPerSecond, 'versions/s', `each a Document Service create or update, then publish${side}`);
  figures.add(section, `data.${db}.versionsPerSecondFirstTenth`, `Insert throughput over the first tenth of the practices (${db})`, g.versionsPerSecondFirstTenth, 'versions/s');
  figures.add(section, `data.${db}.versionsPerSecondLastTenth`, `Insert throughput over the last tenth of the practices (${db})`, g.versionsPerSecondLastTenth, 'versions/s', 'lower than the first tenth = writes slow down as the tables grow');
  figures.add(section, `data.${db}.seconds`, `Generation time, everything (${db})`, g.totalSeconds, 's', `${g.tools} tools (${g.toolVersions} versions), framework/taxonomy/site translations`);
  figures.add(section, `data.${db}.bootSeconds`, `CMS boot on a fresh database (${db})`, cms.bootSeconds, 's');
  details.generation[db] = { ...g, targets: g.targets.length, databaseVersion: cms.databaseVersion };
}

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

async function measureStaticBuild(cms: CmsWorker, options: BenchOptions, work: string, logs: string, figures: FigureSet, details: Details, failed: Record<string, string>): Promise<void> {
  const sitePort = await freePort();
  for (let rep = 1; rep <= options.staticBuilds; rep += 1) {
    await waitForIdle([cms.pid]);
    const outDir = path.join(work, `static-${rep}`);
    const result = await step(`Static build ${rep}/${options.staticBuilds} (all ${cms.generation.locales.length} locales)`, () =>
      staticBuild({ cmsUrl: cms.url, siteUrl: `http://127.0.0.1:${sitePort}`, outDir, logFile: path.join(logs, `static-build-${rep}.log`) }),
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
        `content sync ${result.contentSyncSeconds.toFixed(1)} s, rendering ${result.renderSeconds.toFixed(1)} s`,
    );
    details.staticBuilds.push(result);
    if (!options.keepOutput || rep < options.staticBuilds) rmSync(outDir, { recursive: true, force: true });
  }
  for (let rep = 1; rep <= options.staticBuilds; rep += 1) await replayOnce(cms, details, figures, rep, options.staticBuilds);
  if (options.profile) {
    await waitForIdle([cms.pid]);
    const dir = path.join(logs, 'static-build-profile');
    const outDir = path.join(work, 'static-profiled');
    const profiled = await step('Static build under --cpu-prof (not measured)', () =>
      staticBuild({ cmsUrl: cms.url, siteUrl: `http://127.0.0.1:${sitePort}`, outDir, logFile: path.join(logs, 'static-build-profiled.log'), cpuProfileDir: dir }),
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
    'static.fetchShare',
    'Share of the wall time spent in the content sync',
    median(builds.map((build) => (100 * build.contentSyncSeconds) / build.wallSeconds)),
    '%',
  );
}

async function fetchPage(url: string): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  const response = await fetch(url, { redirect: 'manual' });
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function measureOnRequest(
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
async function profileOnRequest(
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

function addProfiles(details: Details, dir: string, label: string): void {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')) : [];
  for (const name of files) {
    const title = files.length > 1 ? `${label} (${name})` : label;
    details.profiles[title] = profileMarkdown(`${title}: ${path.basename(dir)}/${name}`, summariseProfile(readProfile(path.join(dir, name))));
  }
}

async function measurePublish(
  cms: CmsWorker,
  site: { url: string; pid: number },
  targets: PracticeTarget[],
  notifier: boolean,
  secret: string,
  options: BenchOptions,
  figures: FigureSet,
  details: Details,
): Promise<void> {
  const samples: NonNullable<Details['publish']>['samples'] = [];
  for (let rep = 0; rep < options.publishReps; rep += 1) {
    const target = targets[rep % targets.length]!;
    const pageUrl = `${site.url}/${target.locale}/practices/${target.slug}/`;
    await waitForIdle([site.pid, cms.pid]);
    // The page is in the route cache before the change, as it would be for visitors.
    await fetchPage(pageUrl);
    const cached = await fetchPage(pageUrl);
    if (cached.status !== 200) throw new Error(`publish to visible: GET ${pageUrl}: HTTP ${cached.status}`);
    const marker = `bench-marker-${randomBytes(6).toString('hex')}`;
    const started = performance.now();
    const timing = await cms.publish({
      documentId: target.documentId,
      locale: target.locale,
      slug: target.slug,
      summary: `Changed by the benchmark (${marker}).`,
      webhook: notifier ? null : { url: `${site.url}/api/revalidate`, secret },
    });
    if (timing.webhookStatus !== null && timing.webhookStatus !== 200) throw new Error(`the revalidation webhook answered HTTP ${timing.webhookStatus}`);
    let polls = 0;
    for (;;) {
      polls += 1;
      const page = await fetchPage(pageUrl);
      if (page.body.includes(marker)) break;
      if (performance.now() - started > 30_000) throw new Error(`publish to visible: ${pageUrl} did not show the change within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const visibleMs = performance.now() - started;
    samples.push({ visibleMs, ...timing, polls });
    note(`publish ${rep + 1}/${options.publishReps}: visible after ${visibleMs.toFixed(0)} ms (update ${timing.updateMs.toFixed(0)} ms, publish ${timing.publishMs.toFixed(0)} ms, webhook ${timing.webhookMs.toFixed(0)} ms, ${polls} polls)`);
  }
  const section = 'Publish to visible';
  figures.add(section, 'publish.visibleMs', 'Publish to visible on the on-request site (median)', median(samples.map((s) => s.visibleMs)), 'ms', `${samples.length} changes; ${notifier ? 'the plugin notified the site (SITE_REVALIDATE_URL)' : 'the bench sent the signed webhook after publishing, as the CMS would'}`);
  figures.add(section, 'publish.maxMs', 'Publish to visible, slowest', Math.max(...samples.map((s) => s.visibleMs)), 'ms');
  figures.add(section, 'publish.writeMs', 'of which Document Service update + publish (median)', median(samples.map((s) => s.updateMs + s.publishMs)), 'ms');
  details.publish = { samples, notifier: notifier ? 'plugin' : 'bench' };
}

async function measurePageWeight(site: { url: string }, targets: PracticeTarget[], defaultLocale: string, figures: FigureSet, details: Details): Promise<void> {
  const practiceSamples = spread(targets, 9);
  const practices = await Promise.all(practiceSamples.map((target) => pageWeight(`${site.url}/${target.locale}/practices/${target.slug}/`)));
  const list = await pageWeight(`${site.url}/${defaultLocale}/practices/`);
  const home = await pageWeight(`${site.url}/${defaultLocale}/`);
  const section = 'Page weight';
  const kb = (bytes: number) => bytes / 1024;
  const add = (name: string, label: string, weights: PageWeight[]) => {
    const pick = (get: (weight: PageWeight) => number) => median(weights.map(get));
    for (const part of ['html', 'css', 'js', 'total'] as const) {
      for (const encoding of ['raw', 'gzip', 'brotli'] as const) {
        const partLabel = part === 'total' ? 'HTML + CSS + JS' : part.toUpperCase();
        figures.add(section, `weight.${name}.${part}.${encoding}`, `${label}: ${partLabel}, ${encoding}`, kb(pick((weight) => weight[part][encoding])), 'KB', weights.length > 1 ? `median of ${weights.length} practice pages (${practiceSamples.map((t) => t.locale).join(', ')})` : undefined);
      }
    }
  };
  add('practice', 'Practice page', practices);
  add('list', 'List page', [list]);
  add('home', 'Home page', [home]);
  figures.add(section, 'weight.practice.total.gzip.max', 'Practice page, HTML + CSS + JS gzip: largest of the sample', kb(Math.max(...practices.map((weight) => weight.total.gzip))), 'KB');
  details.pageWeight = { practice: practices, list: [list], home: [home] };
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
            try {
              const cms = await startCms({
                database,
                generate: { practices: options.practices, locales: options.locales, seed: options.seed },
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
      const cms = (result as PromiseFulfilledResult<CmsWorker>).value;
      const database = cms.database;
      machine.databases[database] = cms.databaseVersion;
      note(`${cms.databaseVersion}; ${cms.generation.practiceVersions} versions at ${cms.generation.versionsPerSecond.toFixed(1)} versions/s`);
      addGeneration(cms, figures, details, databases.length > 1);
      figures.add('Synthetic data', `data.${database}.cmsRssMB`, `CMS resident memory after the generation (${database})`, (await cms.rss()) / 1024 ** 2, 'MB');
      await step(`CMS reads on ${database} (autocannon, ${options.cmsConnections} connections) and SQL queries per request`, () => measureCmsReads(cms, options, logs, figures, details));
      if (database === siteDatabase) siteCms = cms;
      else await step(`Stopping the ${database} CMS`, () => cms.stop());
    }
    const cms = siteCms!;
    note(`the site reads the ${cms.database} CMS`);

    await measureStaticBuild(cms, options, work, logs, figures, details, failed);

    const serverOut = path.join(work, 'site-server');
    details.serverBuildSeconds = await step('Building the on-request site (SITE_MODE=server) into the scratch folder', () => buildServerSite(serverOut, path.join(logs, 'server-build.log')));
    const site = await step(`Starting the on-request site on ${siteUrl}`, () => startServerSite({ outDir: serverOut, port: sitePort, cmsUrl: cms.url, secret, logFile: path.join(logs, 'site-server.log') }));
    try {
      const defaultLocale = cms.generation.defaultLocale;
      const ownTargets = cms.generation.targets;
      const defaultTargets = ownTargets.filter((target) => target.locale === defaultLocale);
      await step('Page weight (practice, list, home)', () => measurePageWeight(site, ownTargets, defaultLocale, figures, details));
      await step(`On request: practice page cached and uncached versus a plain Node server (${options.siteConnections} connections)`, () =>
        measureOnRequest(site, cms.pid, defaultTargets[Math.floor(defaultTargets.length / 2)]!, options, work, figures, details),
      );
      await step(`Publish to visible (${options.publishReps} changes)`, () => measurePublish(cms, site, spread(ownTargets, options.publishReps), notifier, secret, options, figures, details));
    } finally {
      await site.stop();
    }
    if (options.profile) {
      const defaultTargets = cms.generation.targets.filter((target) => target.locale === cms.generation.defaultLocale);
      await step('On-request site under --cpu-prof, cached and uncached (not measured)', () =>
        profileOnRequest(serverOut, cms, defaultTargets[Math.floor(defaultTargets.length / 2)]!, options, logs, secret, details),
      );
    }
  } finally {
    for (const worker of workers) await worker.stop().catch(() => undefined);
    if (!options.keepOutput) rmSync(work, { recursive: true, force: true });
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
