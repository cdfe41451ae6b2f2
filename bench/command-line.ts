/** The command line of `npm run bench` (scripts/tasks/bench.ts): its options, presets and usage. */
import path from 'node:path';
import { BENCH_DIR } from './lib/paths.ts';

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
  --keep-output     keep the static builds (under web/.tmp/bench/) and the on-request build (under bench/out/)
  --no-profile      skip the CPU-profile passes (run after the measured ones; their summaries go in the report)`;

export class BenchUsageError extends Error {}

const PRESETS = {
  quick: { practices: 60, locales: 3, duration: 3, rounds: 3, staticBuilds: 2, publishReps: 5 },
  full: { practices: 2000, locales: 5, duration: 10, rounds: 5, staticBuilds: 2, publishReps: 10 },
} as const;

export function stamp(): string {
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
