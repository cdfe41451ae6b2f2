/**
 * `npm run bench -- [--quick] [options]`: the performance figures measured side by side in one
 * run (bench/run.ts; `npm run bench -- --help` lists the options). Builds the plugin and the CMS
 * server code when stale, then runs the harness, which prints its progress, a summary of the
 * targets, and where the Markdown report and the JSON of every figure were written.
 */
import path from 'node:path';
import { BenchUsageError, parseBenchArgs, USAGE } from '../../bench/command-line.ts';
import { runBench } from '../../bench/run.ts';
import { targetsTable } from '../../bench/lib/report.ts';
import { buildPlugin, compileCmsServer } from '../lib/builds.ts';
import { ROOT } from '../lib/paths.ts';
import { seconds } from '../lib/progress.ts';

export async function run(args: string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(args, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  await buildPlugin();
  await compileCmsServer();
  const result = await runBench(options);
  process.stdout.write(`\n${targetsTable(result.targets)}\n\n`);
  process.stdout.write(`Report: ${path.relative(ROOT, result.reportFile)}\nFigures: ${path.relative(ROOT, result.jsonFile)}\nDone in ${seconds(started)} s.\n`);
  return 0;
}
