/**
 * The benchmark harness end to end on a tiny configuration (20 practices × 2 locales, SQLite,
 * one short autocannon pass, one static build): the report and the JSON are written and every
 * figure is there and numeric. No timing is asserted: the machine is shared and noisy, figures
 * are read by people, against the targets, in the report.
 *
 * Needs the compiled plugin and CMS (npm test builds them first).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../lib/figures.ts';
import { parseBenchArgs, type BenchOptions } from '../command-line.ts';
import { BENCH_DIR } from '../lib/paths.ts';
import { runBench } from '../run.ts';

mkdirSync(path.join(BENCH_DIR, 'out'), { recursive: true });
const out = mkdtempSync(path.join(BENCH_DIR, 'out', 'smoke-'));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

/** Every figure a SQLite-only run writes (the PostgreSQL ones are absent by design). */
function expectedFigureIds(): string[] {
  const db = 'sqlite';
  const load = (prefix: string) => ['rps', 'p50', 'p95', 'p99'].map((stat) => `${prefix}.${stat}`);
  const weights = ['practice', 'list', 'home'].flatMap((page) =>
    ['html', 'css', 'js', 'total'].flatMap((part) => ['raw', 'gzip', 'brotli'].map((encoding) => `weight.${page}.${part}.${encoding}`)),
  );
  return [
    ...['practices', 'versions', 'practicesPerSecond', 'versionsPerSecond', 'versionsPerSecondFirstTenth', 'versionsPerSecondLastTenth', 'seconds', 'bootSeconds'].map(
      (name) => `data.${db}.${name}`,
    ),
    ...load(`cms.${db}.practice`),
    ...load(`cms.${db}.list`),
    ...['pageSize10', 'pageSize100', 'growth'].map((name) => `cms.${db}.queries.list.${name}`),
    `cms.${db}.queries.practice`,
    `cms.${db}.practice.singleMs`,
    `cms.${db}.rssMB`,
    `data.${db}.cmsRssMB`,
    `cms.${db}.list.singleMs`,
    ...['pages', 'seconds', 'pagesPerSecond', 'peakRssMB', 'contentSyncSeconds', 'renderSeconds', 'replayFetchSeconds', 'fetchShare', 'searchIndexSeconds', 'searchIndexMB'].map((name) => `static.${name}`),
    ...load('site.plain'),
    ...load('site.cached'),
    ...load('site.uncached'),
    'site.cachedRatio',
    'site.uncachedRatio',
    'site.pageBytes',
    'publish.visibleMs',
    'publish.maxMs',
    'publish.writeMs',
    ...weights,
    'weight.practice.total.gzip.max',
  ];
}

describe('npm run bench (smoke configuration)', () => {
  it('parses the command line', () => {
    const quick = parseBenchArgs(['--quick', '--report', 'x/y.md'], '/tmp') as BenchOptions;
    expect(quick.mode).toBe('quick');
    expect(quick.report).toBe('/tmp/x/y');
    expect((parseBenchArgs([]) as BenchOptions).practices).toBe(2000);
    expect(parseBenchArgs(['--help'])).toBe('help');
    expect(() => parseBenchArgs(['--practices', '0'])).toThrow(/--practices/);
    expect(() => parseBenchArgs(['--nope'])).toThrow(/unknown argument/);
  });

  it('writes the report and a JSON file with every figure, numeric', async () => {
    const options = parseBenchArgs([
      '--practices', '20',
      '--locales', '2',
      '--database', 'sqlite',
      '--duration', '1',
      '--rounds', '1',
      '--static-builds', '1',
      '--publish-reps', '2',
      '--report', path.join(out, 'smoke'),
    ]) as BenchOptions;
    const result = await runBench(options);

    expect(existsSync(result.reportFile)).toBe(true);
    expect(existsSync(result.jsonFile)).toBe(true);
    const json = JSON.parse(readFileSync(result.jsonFile, 'utf8')) as {
      meta: { machine: { cores: number; node: string; databases: Record<string, string> }; code: { commit: string; dirty: boolean } | null };
      figures: { id: string; value: unknown; unit: string }[];
      targets: { id: string; status: string; value: unknown }[];
    };
    const byId = new Map(json.figures.map((figure) => [figure.id, figure]));
    const missing = expectedFigureIds().filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
    const notNumeric = json.figures.filter((figure) => typeof figure.value !== 'number' || !Number.isFinite(figure.value)).map((figure) => figure.id);
    expect(notNumeric).toEqual([]);
    expect(json.figures.every((figure) => figure.unit.length > 0)).toBe(true);

    // Every target is reported: measured ones with a number and met/missed, PostgreSQL ones as not measured.
    expect(json.targets.map((target) => target.id)).toEqual(TARGETS.map((target) => target.id));
    for (const target of json.targets) {
      if (target.id.startsWith('cms.postgres.')) expect(target.status).toBe('not measured');
      else {
        expect(['met', 'missed']).toContain(target.status);
        expect(typeof target.value).toBe('number');
      }
    }
    expect(json.meta.machine.cores).toBeGreaterThan(0);
    expect(json.meta.machine.databases.sqlite).toMatch(/^SQLite \d/);
    // The code measured: this checkout's commit.
    expect(json.meta.code?.commit).toMatch(/^[0-9a-f]{40}$/);

    const report = readFileSync(result.reportFile, 'utf8');
    expect(report).toContain('## Targets');
    expect(report).toContain('## Machine');
    expect(report).toContain(`Code measured: commit \`${json.meta.code!.commit.slice(0, 12)}\``);
    for (const target of TARGETS) expect(report).toContain(target.label);
  });
});
