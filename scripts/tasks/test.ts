/**
 * `npm test`: builds what the tests load, type-checks every workspace, then runs every suite
 * (plugin unit + integration, CMS integration, site unit + browser, scripts) in two vitest runs
 * side by side (scripts/lib/test-lanes.ts), ending with the 10 slowest test files and one summary line. Files that boot Strapi run on
 * SQLite, and again on PostgreSQL where TEST_DATABASE_URL is set (cms/tests/harness/test-databases.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildCms, buildPlugin, compileCmsServer } from '../lib/builds.ts';
import { bin, CMS_DIR, PLUGIN_DIR, ROOT, STATE_DIR, WEB_DIR } from '../lib/paths.ts';
import { mustRunNode, runNode } from '../lib/processes.ts';
import { step } from '../lib/progress.ts';
import { formatSlowestFiles, parseFileTimes } from '../lib/test-file-times.ts';
import { LANES, type Lane, laneArgs, linePrefixer, mergeReports, type VitestJson } from '../lib/test-lanes.ts';

/**
 * Runs vitest with `args`; with a lane, in a child whose output lines carry the lane's name and
 * whose JSON report is its own. Resolves with vitest's exit code.
 */
function runVitest(args: string[], report: string, fileTimes: string, lane?: Lane): Promise<number> {
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`, `--reporter=${path.join(ROOT, 'scripts', 'lib', 'file-times-reporter.ts')}`];
  const env = { ...process.env, GP_FILE_TIMES: fileTimes };
  if (!lane) return runNode(bin.vitest, ['run', ...reporters, ...args], { cwd: ROOT, env });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin.vitest, 'run', ...reporters, ...laneArgs(lane), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = linePrefixer(`[${lane.name}] `, (text) => process.stdout.write(text));
    const err = linePrefixer(`[${lane.name}] `, (text) => process.stderr.write(text));
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export async function run(args: string[]): Promise<number> {
  process.env.NODE_ENV = 'test';
  await buildPlugin();
  await compileCmsServer();
  // The editor-flow browser test drives the real admin panel: built here (when its inputs
  // changed) so that the build's minutes do not count against a test hook's timeout.
  await buildCms();

  await step('Type-checking the plugin (server, contract, tests)', () => mustRunNode(bin.tsc, ['-p', path.join(PLUGIN_DIR, 'tsconfig.json')], { cwd: PLUGIN_DIR }));
  if (existsSync(path.join(PLUGIN_DIR, 'admin', 'tsconfig.json'))) {
    await step('Type-checking the plugin admin', () => mustRunNode(bin.tsc, ['-p', path.join(PLUGIN_DIR, 'admin', 'tsconfig.json')], { cwd: PLUGIN_DIR }));
  }
  await step('Type-checking the CMS tests', () => mustRunNode(bin.tsc, ['-p', path.join(CMS_DIR, 'tests', 'tsconfig.json'), '--noEmit'], { cwd: CMS_DIR }));
  await step('Type-checking the scripts', () => mustRunNode(bin.tsc, ['-p', path.join(ROOT, 'scripts', 'tsconfig.json')], { cwd: ROOT }));
  await step('Type-checking the benchmarks', () => mustRunNode(bin.tsc, ['-p', path.join(ROOT, 'bench', 'tsconfig.json')], { cwd: ROOT }));
  await step('Type-checking the site (astro check)', () => mustRunNode(bin.astro, ['check'], { cwd: WEB_DIR, env: { ...process.env, SITE_MODE: 'server' } }));

  const fileTimes = path.join(STATE_DIR, 'test-file-times.jsonl');
  rmSync(fileTimes, { force: true });
  // The whole suite in two lanes side by side (scripts/lib/test-lanes.ts); a run narrowed by
  // arguments (a file, a project) in one vitest as asked.
  const lanes = args.length === 0 ? LANES : [undefined];
  const reports = lanes.map((lane) => path.join(STATE_DIR, lane ? `vitest-report-${lane.name}.json` : 'vitest-report.json'));
  for (const report of reports) rmSync(report, { force: true });
  const databases = process.env.TEST_DATABASE_URL ? ' (SQLite and PostgreSQL)' : ' (SQLite; set TEST_DATABASE_URL for PostgreSQL too)';
  const status = await step(`Running the test suites${databases}${lanes.length > 1 ? `, in ${lanes.length} lanes side by side` : ''}`, async () => {
    const codes = await Promise.all(lanes.map((lane, index) => runVitest(args, reports[index]!, fileTimes, lane)));
    return codes.find((code) => code !== 0) ?? 0;
  });
  if (existsSync(fileTimes)) process.stdout.write(`\n${formatSlowestFiles(parseFileTimes(readFileSync(fileTimes, 'utf8')), ROOT)}`);

  try {
    const result = mergeReports(reports.map((report) => JSON.parse(readFileSync(report, 'utf8')) as VitestJson));
    const skipped = result.numPendingTests + result.numTodoTests;
    // A file whose setup failed has no failed test of its own, yet it is a failure: count it.
    const brokenFiles = result.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
    for (const file of brokenFiles) process.stderr.write(`failed outside any test: ${path.relative(ROOT, file.name)}\n`);
    const failed = result.numFailedTests + brokenFiles.length;
    // A plain closing line that any CI reader understands, whatever the runner.
    process.stdout.write(`\ntests: ${result.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
    if (failed > 0 && status === 0) return 1;
    if (result.numPassedTests === 0) {
      process.stderr.write('No test ran: that is a failure, not a success.\n');
      return 1;
    }
  } catch (error) {
    process.stderr.write(`Could not read the test report (${(error as Error).message}).\n`);
    return status === 0 ? 1 : status;
  }
  return status;
}
