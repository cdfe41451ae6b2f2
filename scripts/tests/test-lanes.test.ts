/**
 * scripts/lib/test-lanes.ts: the two lanes of `npm test`. A project in no lane would never run
 * and nobody would notice; one in both would run twice. The site's projects and `npm start`'s
 * test (which builds the site) share a lane: their Astro builds share web/'s cache.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../lib/paths.ts';
import { LANES, laneArgs, laneRuns, linePrefixer, mergeReports } from '../lib/test-lanes.ts';

/** The projects of the root config and their nested database projects, as vitest names them. */
function projectNames(): string[] {
  const root = readFileSync(path.join(ROOT, 'vitest.config.ts'), 'utf8');
  const list = /projects:\s*\[([^\]]*)\]/.exec(root)?.[1] ?? '';
  const dirs = [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
  if (dirs.length === 0) throw new Error('vitest.config.ts lists no projects');
  const names: string[] = [];
  for (const entry of dirs) {
    const config = readFileSync(path.join(ROOT, entry.endsWith('.ts') ? entry : path.join(entry, 'vitest.config.ts')), 'utf8');
    const name = /name: '([^']+)'/.exec(config)?.[1];
    if (!name) throw new Error(`${entry} names no project`);
    if (config.includes('databaseProjects(')) names.push(`${name} (sqlite)`, `${name} (postgres)`);
    else names.push(name);
  }
  return names;
}

describe('the lanes of npm test', () => {
  it('run every project of the suite in exactly one lane', () => {
    const names = projectNames();
    expect(names).toEqual(expect.arrayContaining(['plugin (sqlite)', 'plugin (postgres)', 'cms (sqlite)', 'cms-admin (postgres)', 'web (postgres)', 'admin', 'scripts', 'bench']));
    for (const name of names) expect(LANES.filter((lane) => laneRuns(lane, name)).map((lane) => lane.name), name).toHaveLength(1);
    // A project added later, whatever its name, lands in the CMS lane.
    expect(LANES.filter((lane) => laneRuns(lane, 'reports (sqlite)')).map((lane) => lane.name)).toEqual(['cms']);
  });

  it('keep the site’s files and npm start’s test in one lane, the CMS’s files in the other', () => {
    const site = LANES.find((lane) => laneRuns(lane, 'web (sqlite)'))!;
    for (const name of ['web (postgres)', 'scripts']) expect(laneRuns(site, name)).toBe(true);
    for (const name of ['cms (sqlite)', 'cms-admin (postgres)', 'plugin (sqlite)']) expect(laneRuns(site, name)).toBe(false);
    expect(laneArgs(site)).toEqual(['--project', 'web*', '--project', 'scripts']);
  });

  it('add up the lanes’ reports', () => {
    const report = (passed: number, failed: number, file: string) => ({
      numPassedTests: passed,
      numFailedTests: failed,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [{ name: file, status: failed ? 'failed' : 'passed', assertionResults: [] }],
    });
    const merged = mergeReports([report(10, 0, 'a.test.ts'), report(5, 2, 'b.test.ts')]);
    expect(merged).toMatchObject({ numPassedTests: 15, numFailedTests: 2, numPendingTests: 2, numTodoTests: 0 });
    expect(merged.testResults.map((file) => file.name)).toEqual(['a.test.ts', 'b.test.ts']);
  });

  it('prefix whole lines with the lane’s name, however the output is cut', () => {
    const written: string[] = [];
    const prefixer = linePrefixer('[site] ', (text) => written.push(text));
    prefixer.push(' ✓ web (sqlite) tests/unit/a');
    prefixer.push('.test.ts\n ✓ web (sqlite) tests/unit/b.test.ts\n✓ last');
    prefixer.end();
    expect(written.join('')).toBe('[site]  ✓ web (sqlite) tests/unit/a.test.ts\n[site]  ✓ web (sqlite) tests/unit/b.test.ts\n[site] ✓ last\n');
  });
});
