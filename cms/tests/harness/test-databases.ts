/**
 * Which databases the files that boot Strapi run on: SQLite always, and PostgreSQL as well when
 * TEST_DATABASE_URL names a server. Each vitest config whose files boot Strapi (plugin, cms, web)
 * declares one project per database with `databaseProjects`; the harness (strapi.ts) boots on
 * the database of the project its file runs in (GP_TEST_DATABASE, set by the project).
 *
 * A configured PostgreSQL that does not answer is not a silent "off": under CI (CI=true) the run
 * fails at once with the reason; on a developer's machine the PostgreSQL projects are left out
 * with a warning that says so.
 *
 * Erasable TypeScript: vitest configs and plain Node load it.
 */
import { queryPostgres } from './postgres.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Set by each database project for its files; read by the harness. */
export const PROJECT_DATABASE_VARIABLE = 'GP_TEST_DATABASE';

type Env = Record<string, string | undefined>;

/** The database kind of the project a test file runs in (SQLite outside any project). */
export function projectDatabase(env: Env = process.env): DatabaseKind {
  const value = env[PROJECT_DATABASE_VARIABLE];
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`${PROJECT_DATABASE_VARIABLE} must be "sqlite" or "postgres", not ${JSON.stringify(value)}`);
}

export type PostgresProbe = (url: string) => Promise<void>;

const probeServer: PostgresProbe = async (url) => {
  await queryPostgres(url, 'SELECT 1', { connectTimeoutMs: 5_000 });
};

export interface DatabaseChoice {
  databases: DatabaseKind[];
  /** Why PostgreSQL is left out though configured (a developer's machine only). */
  warning?: string;
}

/**
 * SQLite, plus PostgreSQL when TEST_DATABASE_URL is set and its server answers. Throws under CI
 * when it is set but the server does not answer.
 */
export async function chooseTestDatabases(env: Env = process.env, probe: PostgresProbe = probeServer): Promise<DatabaseChoice> {
  const url = env.TEST_DATABASE_URL?.trim();
  if (!url) return { databases: ['sqlite'] };
  try {
    await probe(url);
    return { databases: ['sqlite', 'postgres'] };
  } catch (error) {
    const reason = `TEST_DATABASE_URL is set (${redact(url)}) but PostgreSQL does not answer: ${(error as Error).message}`;
    if (isCi(env)) throw new Error(`${reason}. Under CI that is a failure: start the server or unset TEST_DATABASE_URL.`);
    return { databases: ['sqlite'], warning: `${reason}. The PostgreSQL tests are left out of this run.` };
  }
}

function isCi(env: Env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

export interface ProjectSpec {
  /** Files that boot Strapi: they run once per database. */
  strapiFiles: string[];
  /** Files that do not: they run once, in the SQLite project. */
  otherFiles?: string[];
}

interface InlineProject {
  test: { name: string; include: string[]; env: Record<string, string> };
}

/**
 * One answer per vitest process: the plugin, cms and web configs each bundle this module, so the
 * answer is kept on globalThis (one probe, one warning).
 */
const CHOICE_KEY = Symbol.for('good-practices.test-databases');
type WithChoice = typeof globalThis & { [CHOICE_KEY]?: Promise<DatabaseChoice> };

/**
 * The nested projects of a config whose files boot Strapi: "sqlite" with every file, and
 * "postgres" with the Strapi files when PostgreSQL is configured and answers.
 */
export async function databaseProjects(spec: ProjectSpec): Promise<InlineProject[]> {
  const store = globalThis as WithChoice;
  store[CHOICE_KEY] ??= chooseTestDatabases().then((choice) => {
    if (choice.warning) process.stderr.write(`\n⚠ ${choice.warning}\n\n`);
    return choice;
  });
  const { databases } = await store[CHOICE_KEY];
  return databases.map((database) => ({
    test: {
      name: database,
      include: database === 'sqlite' ? [...spec.strapiFiles, ...(spec.otherFiles ?? [])] : spec.strapiFiles,
      env: { [PROJECT_DATABASE_VARIABLE]: database },
    },
  }));
}
