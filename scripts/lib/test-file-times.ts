/**
 * Where the suite's time goes: one line per test file and project, written by the reporter
 * (file-times-reporter.ts) while vitest runs, read back by `npm test` to print the slowest.
 */
import path from 'node:path';

export interface FileTime {
  /** Vitest project, e.g. "plugin (postgres)". */
  project: string;
  /** Absolute path of the test file. */
  file: string;
  /** Wall time of the file: collection, hooks and tests, in milliseconds. */
  durationMs: number;
}

/** The `count` slowest files, slowest first. */
export function slowestFiles(times: readonly FileTime[], count = 10): FileTime[] {
  return [...times].sort((a, b) => b.durationMs - a.durationMs).slice(0, count);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The block `npm test` prints before its closing line. */
export function formatSlowestFiles(times: readonly FileTime[], root: string, count = 10): string {
  if (times.length === 0) return '';
  const slowest = slowestFiles(times, count);
  const total = times.reduce((sum, t) => sum + t.durationMs, 0);
  const width = Math.max(...slowest.map((t) => seconds(t.durationMs).length));
  const lines = slowest.map((t) => `  ${seconds(t.durationMs).padStart(width)}  ${path.relative(root, t.file)}  [${t.project}]`);
  return [`The ${slowest.length} slowest of ${times.length} test files (all files: ${seconds(total)}):`, ...lines, ''].join('\n');
}

/** Reads the reporter's file: one JSON object per line; lines that do not parse are skipped. */
export function parseFileTimes(text: string): FileTime[] {
  const times: FileTime[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<FileTime>;
      if (typeof value.file === 'string' && typeof value.project === 'string' && typeof value.durationMs === 'number') {
        times.push({ project: value.project, file: value.file, durationMs: value.durationMs });
      }
    } catch {
      // A line cut short by a crash: the others still say where the time went.
    }
  }
  return times;
}
