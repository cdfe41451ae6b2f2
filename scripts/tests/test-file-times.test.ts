/**
 * `npm test` ends with the 10 slowest test files (issue 13 item 8): the reporter's lines read
 * back, sorted and printed relative to the repository, with the project that ran each file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import FileTimesReporter from '../lib/file-times-reporter.ts';
import { formatSlowestFiles, parseFileTimes, slowestFiles, type FileTime } from '../lib/test-file-times.ts';

const root = '/repo';
const time = (file: string, durationMs: number, project = 'cms (sqlite)'): FileTime => ({ project, file: `${root}/${file}`, durationMs });

describe('the slowest test files', () => {
  it('are the ten longest, longest first, a file run on two databases counted twice', () => {
    const times = Array.from({ length: 14 }, (_, i) => time(`f${i}.test.ts`, (i + 1) * 1000));
    times.push(time('f13.test.ts', 20_000, 'cms (postgres)'));
    const slowest = slowestFiles(times);
    expect(slowest).toHaveLength(10);
    expect(slowest[0]).toEqual(time('f13.test.ts', 20_000, 'cms (postgres)'));
    expect(slowest[1]).toEqual(time('f13.test.ts', 14_000));
    expect(slowest.map((t) => t.durationMs)).toEqual([20, 14, 13, 12, 11, 10, 9, 8, 7, 6].map((s) => s * 1000));
  });

  it('print as seconds, repository paths and projects, with the total of all files', () => {
    const text = formatSlowestFiles([time('a.test.ts', 1500), time('web/b.test.ts', 62_340, 'web (postgres)')], root);
    expect(text).toBe(
      ['The 2 slowest of 2 test files (all files: 63.8 s):', '  62.3 s  web/b.test.ts  [web (postgres)]', '   1.5 s  a.test.ts  [cms (sqlite)]', ''].join('\n'),
    );
    expect(formatSlowestFiles([], root)).toBe('');
  });

  it('are read from the reporter, skipping a line cut short by a crash', () => {
    const lines = [JSON.stringify(time('a.test.ts', 5)), '{"project":"x","fi', '', JSON.stringify({ file: 'no project' })].join('\n');
    expect(parseFileTimes(lines)).toEqual([time('a.test.ts', 5)]);
  });

  it('are written by the reporter as each file ends, with its project', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gp-file-times-'));
    const target = path.join(dir, 'times.jsonl');
    const before = process.env.GP_FILE_TIMES;
    process.env.GP_FILE_TIMES = target;
    try {
      const reporter = new FileTimesReporter();
      const diagnostic = { environmentSetupDuration: 10, prepareDuration: 20, collectDuration: 300, setupDuration: 0, duration: 4000 };
      const testModule = { project: { name: 'plugin (postgres)' }, moduleId: `${root}/x.test.ts`, diagnostic: () => diagnostic };
      reporter.onTestModuleEnd(testModule as unknown as Parameters<FileTimesReporter['onTestModuleEnd']>[0]);
      expect(parseFileTimes(readFileSync(target, 'utf8'))).toEqual([time('x.test.ts', 4330, 'plugin (postgres)')]);
    } finally {
      if (before === undefined) delete process.env.GP_FILE_TIMES;
      else process.env.GP_FILE_TIMES = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
