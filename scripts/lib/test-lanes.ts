/**
 * The whole suite runs in two lanes side by side, each a vitest process that runs its files one
 * at a time: the site's files (Astro builds, the site's servers, Chromium) and `npm start`'s test
 * in one, everything else (the plugin's and the CMS's files, the CMS's admin-panel files, the
 * admin's units, the benchmark's) in the other, about as long. One file at a time leaves one of the CI machine's two cores idle most of the time (a file
 * mostly waits on its CMS, its browser or its child processes); two lanes keep both busy and take
 * the suite from over 20 minutes to well under it.
 *
 * Why these lanes: files of one lane must not run together where they share something: the site's
 * static builds share web/'s Astro folders (the cache, and .astro/.prerender for outputs outside
 * web/), and `npm start`'s test builds the site too, so they are all in one lane (the benchmark's
 * builds, in the other lane, have their own cache and write inside web/.tmp/bench/). Browser files run beside each other across the lanes:
 * their tests wait for what they look for rather than for a time (on a busy machine a robot's
 * keystrokes into the admin's country combobox were garbled by its inline completion; the tests
 * enter the text in one event). The other lane is "every project not in the first", so a
 * project added later runs somewhere.
 */

export interface Lane {
  name: string;
  /** vitest --project filters (wildcards, and "!" to leave out). */
  projects: string[];
}

const SITE_PROJECTS = ['web*', 'scripts'];

export const LANES: readonly Lane[] = [
  { name: 'site', projects: SITE_PROJECTS },
  { name: 'cms', projects: SITE_PROJECTS.map((pattern) => `!${pattern}`) },
];

export function laneArgs(lane: Lane): string[] {
  return lane.projects.flatMap((pattern) => ['--project', pattern]);
}

/** Whether `project` runs in `lane` (vitest's matching: wildcards, "!" excludes). */
export function laneRuns(lane: Lane, project: string): boolean {
  const matches = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(project);
  const positives = lane.projects.filter((pattern) => !pattern.startsWith('!'));
  const negatives = lane.projects.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  return (positives.length === 0 || positives.some(matches)) && !negatives.some(matches);
}

/** The part of vitest's JSON report that `npm test` reads. */
export interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

/** One report of the lanes' reports: counts added, files put together. */
export function mergeReports(reports: VitestJson[]): VitestJson {
  return {
    numPassedTests: reports.reduce((sum, report) => sum + report.numPassedTests, 0),
    numFailedTests: reports.reduce((sum, report) => sum + report.numFailedTests, 0),
    numPendingTests: reports.reduce((sum, report) => sum + report.numPendingTests, 0),
    numTodoTests: reports.reduce((sum, report) => sum + report.numTodoTests, 0),
    testResults: reports.flatMap((report) => report.testResults),
  };
}

/**
 * Splits a stream's chunks into whole lines, each written with the lane's name in front, so
 * that two lanes' output can share one terminal or CI log and stay readable.
 */
export function linePrefixer(prefix: string, write: (text: string) => void): { push(chunk: string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) write(`${prefix}${line}\n`);
    },
    end() {
      if (pending) write(`${prefix}${pending}\n`);
      pending = '';
    },
  };
}
