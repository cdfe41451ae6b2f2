/**
 * `npm run import -- [--locale en] [--status draft|published] [--dry-run] [--title "…"] [--country CC] FILE…`
 *
 * Checks the arguments first (a usage error costs no build), builds the plugin and the CMS server
 * code when stale, then runs cms/scripts/import.ts in a child process with the local .env and the
 * same database defaults as `npm start` (SQLite in cms/.tmp/data.db unless configured otherwise).
 * Relative FILEs are read from the directory npm was run in.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseImportArgs, USAGE, UsageError, type ImportArgs } from '../../cms/scripts/lib/import-args.ts';
import { buildPlugin, compileCmsServer } from '../lib/builds.ts';
import { ensureLocalEnv } from '../lib/env-file.ts';
import { CMS_DIR } from '../lib/paths.ts';
import { runNode } from '../lib/processes.ts';

/** npm runs scripts from the package root; INIT_CWD is where the user typed the command. */
const userDir = (): string => process.env.INIT_CWD ?? process.cwd();

function isFile(file: string): boolean {
  try {
    return statSync(path.resolve(userDir(), file)).isFile();
  } catch {
    return false;
  }
}

/** Runs `fn` with this process's stdout writes sent to stderr (the shared build steps print progress on stdout). */
async function onStderr<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/** The child runs in cms/: the checked arguments again, with the files as absolute paths. */
function forwardedArgs(parsed: ImportArgs): string[] {
  return [
    ...(parsed.locale ? ['--locale', parsed.locale] : []),
    '--status',
    parsed.status,
    ...(parsed.dryRun ? ['--dry-run'] : []),
    ...(parsed.title ? ['--title', parsed.title] : []),
    ...(parsed.country ? ['--country', parsed.country] : []),
    '--',
    ...parsed.files.map((file) => path.resolve(userDir(), file)),
  ];
}

export async function run(args: string[]): Promise<number> {
  let parsed: ImportArgs;
  try {
    parsed = parseImportArgs(args, { isFile });
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  // stdout carries the import's results (the JSON of a dry run): build progress goes to stderr.
  await onStderr(() => buildPlugin());
  // A dry run only parses: no CMS, no database, no secrets needed.
  if (parsed.dryRun) return runNode(path.join(CMS_DIR, 'scripts', 'import.ts'), forwardedArgs(parsed), { cwd: CMS_DIR, env: { ...process.env, INIT_CWD: userDir() } });
  await onStderr(() => compileCmsServer());

  const { values: local } = ensureLocalEnv();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...local,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? local.DATABASE_CLIENT ?? 'sqlite',
    DATABASE_FILENAME: process.env.DATABASE_FILENAME ?? local.DATABASE_FILENAME ?? '.tmp/data.db',
    // The site that `npm start` runs, as npm start tells the CMS: a published import reaches it at once.
    SITE_REVALIDATE_URL: process.env.SITE_REVALIDATE_URL ?? local.SITE_REVALIDATE_URL ?? `http://127.0.0.1:${local.WEB_PORT ?? '4321'}/api/revalidate`,
    INIT_CWD: userDir(),
  };
  if (env.DATABASE_CLIENT === 'sqlite' && !existsSync(path.resolve(CMS_DIR, env.DATABASE_FILENAME ?? ''))) {
    process.stderr.write(`The database cms/${env.DATABASE_FILENAME} does not exist yet: it is created now, without the demo content of \`npm start\`.\n`);
  }
  return runNode(path.join(CMS_DIR, 'scripts', 'import.ts'), forwardedArgs(parsed), { cwd: CMS_DIR, env });
}
