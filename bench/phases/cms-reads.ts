/** The CMS reads phase: autocannon rounds of the practice and list loads, SQL queries per request. */
import path from 'node:path';
import { note } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { PracticeTarget } from '../generate.ts';
import { CMS_WARM_UP, type CmsWorker } from '../lib/cms.ts';
import { apiPaths } from '../lib/contract.ts';
import { formatNumber, type FigureSet } from '../lib/figures.ts';
import { runRound, summarise, type RoundResult } from '../lib/load.ts';
import { waitForIdle } from '../lib/proc.ts';
import { profileMarkdown, readProfile, summariseProfile } from '../lib/profile.ts';
import { median, spread } from '../lib/stats.ts';
import { cmsHeapMb } from '../../scripts/lib/cms-memory.ts';
import type { Details } from './details.ts';

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

/** Publishes measured for the first list request after a write. */
const COLD_LIST_WRITES = 7;

/** One GET, read to the end: milliseconds. Fails on a non-200 answer (a figure of errors is no figure). */
async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function measureCmsReads(cms: CmsWorker, options: BenchOptions, logs: string, figures: FigureSet, details: Details): Promise<void> {
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
  figures.add(section, `cms.${db}.rssMB`, `CMS resident memory after the read loads (${db})`, (await cms.rss()) / 1024 ** 2, 'MB', `V8 old space capped at ${cmsHeapMb(process.env)} MB (scripts/lib/cms-memory.ts)`);

  // The first list request after a write (issue 17.6): a publish of one practice of the default
  // locale, then the list page a visitor asks for first; the next request is the warm one.
  const listPath = `${apiPaths.practices}?locale=${locale}&pageSize=25`;
  const cold: number[] = [];
  const warm: number[] = [];
  const written = spread(targets.filter((target) => target.locale === locale), COLD_LIST_WRITES);
  // Cold means cold: the warm-up after writes (CACHE_WARM_UP) would build the list before the request.
  await cms.warmUp('off');
  try {
    for (const [rep, target] of written.entries()) {
      await cms.publish({ documentId: target.documentId, locale, slug: target.slug, summary: `A summary the bench changed (${rep + 1}).`, webhook: null });
      await waitForIdle(settle);
      cold.push(await timedGet(`${cms.url}${listPath}`));
      warm.push(await timedGet(`${cms.url}${listPath}`));
    }
  } finally {
    await cms.warmUp(CMS_WARM_UP);
  }
  figures.add(
    section,
    `cms.${db}.list.coldAfterWriteMs`,
    `List, first request after a publish (${db}; median of ${cold.length} publishes)`,
    median(cold),
    'ms',
    `slowest ${formatNumber(Math.max(...cold))} ms; the request after it ${formatNumber(median(warm))} ms`,
  );

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
