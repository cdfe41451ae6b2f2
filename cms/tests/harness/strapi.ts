/**
 * Boots the real Strapi app in-process on a throw-away database and a random port, for
 * integration tests, end-to-end tests and benchmarks.
 *
 * - The database of the vitest project the file runs in (test-databases.ts: SQLite always,
 *   PostgreSQL as well when TEST_DATABASE_URL is set), or the one asked for with `database`:
 *   a new SQLite file under cms/.tmp, or a new database created on the TEST_DATABASE_URL
 *   server for every call and dropped on stop; each a copy of the database a first boot left
 *   (database-template.ts), or empty with `freshDatabase`.
 * - Expects the compiled app in cms/dist and the compiled plugin (`npm run build -w cms` / the
 *   test bootstrap does both); it compiles nothing itself so that test files stay fast.
 * - Written in erasable TypeScript so that plain Node 24 can run it too (scripts, benchmarks).
 */
import { queryPostgres } from './postgres.ts';
import { projectDatabase, type DatabaseKind } from './test-databases.ts';
import { copyPostgresTemplate, copySqliteTemplate, freshDatabasesAsked } from './database-template.ts';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { settleEntryEvents } from '../../scripts/lib/strapi-app.ts';

const require = createRequire(import.meta.url);
export const CMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type { DatabaseKind };

export interface StrapiOptions {
  database?: DatabaseKind;
  /** Extra environment for this Strapi (set before its config loads). */
  env?: Record<string, string>;
  /** Keep the database after stop (benchmarks that reuse it). */
  keepDatabase?: boolean;
  /** Use this SQLite file (relative to cms/) or PostgreSQL database name instead of a fresh one. */
  databaseName?: string;
  /**
   * Serve the built admin panel (cms/dist/build, `strapi build`) at /admin, for browser tests
   * of the admin. Off by default: the other tests need only the APIs, and no build.
   */
  serveAdminPanel?: boolean;
  /**
   * Boot on an empty database rather than on a copy of the template that a first boot made
   * (database-template.ts): for tests of the first boot itself. Implied by a NODE_ENV in `env`
   * (a production first boot differs) and by GP_TEST_FRESH_DATABASES=true.
   */
  freshDatabase?: boolean;
}

export interface RunningStrapi {
  strapi: Core.Strapi;
  /** Origin of the HTTP server, e.g. http://127.0.0.1:41234 */
  url: string;
  database: DatabaseKind;
  /** SQLite file (absolute) or PostgreSQL database name. */
  databaseName: string;
  stop: () => Promise<void>;
}

/** The database kind of the vitest project this file runs in (SQLite outside one). */
export function defaultDatabase(): DatabaseKind {
  return projectDatabase();
}

function secret(): string {
  return randomBytes(24).toString('base64');
}

/** Secrets for a throw-away instance; real deployments provide their own. */
export function testSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('PostgreSQL asked for but TEST_DATABASE_URL is not set');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  await queryPostgres(postgresUrl(), sql);
}

async function createPostgresDatabase(name: string): Promise<void> {
  await adminQuery(`CREATE DATABASE "${name}"`);
}

async function dropPostgresDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * Strapi reads its configuration from process.env as it loads (and some of it on each request),
 * so an instance's variables are set there for as long as it runs; when it stops, the variables
 * are put back as they were, or the next instance of the same test file (or whatever runs next
 * in the process) would inherit them. With several instances in one process, the variables of
 * those still running stay in force, the latest started on top.
 */
const runningEnvs: Record<string, string>[] = [];
const envBeforeAll = new Map<string, string | undefined>();

function setEnvWhileRunning(env: Record<string, string>): () => void {
  for (const key of Object.keys(env)) if (!envBeforeAll.has(key)) envBeforeAll.set(key, process.env[key]);
  runningEnvs.push(env);
  Object.assign(process.env, env);
  return () => {
    const index = runningEnvs.indexOf(env);
    if (index === -1) return;
    runningEnvs.splice(index, 1);
    for (const [key, value] of envBeforeAll) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    for (const running of runningEnvs) Object.assign(process.env, running);
    if (runningEnvs.length === 0) envBeforeAll.clear();
  };
}

/**
 * `strapi.destroy()` calls `process.removeAllListeners()`, which would also remove the test
 * runner's own listeners (vitest workers die of it). Keep them across the call.
 */
async function destroyKeepingListeners(strapi: Core.Strapi): Promise<void> {
  const original = process.removeAllListeners;
  process.removeAllListeners = function keep() {
    return process;
  } as typeof process.removeAllListeners;
  try {
    await strapi.destroy();
  } finally {
    process.removeAllListeners = original;
  }
}

export async function startStrapi(options: StrapiOptions = {}): Promise<RunningStrapi> {
  const database = options.database ?? defaultDatabase();
  const distDir = path.join(CMS_DIR, 'dist');
  if (!existsSync(path.join(distDir, 'src', 'index.js'))) {
    throw new Error(`The CMS is not compiled (${distDir} missing): run \`npm run build:server -w cms\` first.`);
  }

  const unique = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let databaseName: string;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    // Tests read warnings and errors; boot and request logs would drown the runner's output.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Query counts and cold-cache figures measure requests, not a warm-up that ran before them;
    // the warm-up's own tests (and the bench's CMS, which runs as deployed) turn it on.
    CACHE_WARM_UP: 'off',
    ...testSecrets(),
  };

  // A new database starts as a copy of the template of a first boot, unless the test is about the first boot.
  const fromTemplate = !options.databaseName && !options.freshDatabase && !(options.env && 'NODE_ENV' in options.env) && !freshDatabasesAsked();
  const templateSite = { cmsDir: CMS_DIR, postgresUrl: process.env.TEST_DATABASE_URL };
  const firstBoot = async (name: string): Promise<void> => {
    const first = await startStrapi({ database, databaseName: name, keepDatabase: true, freshDatabase: true });
    await first.stop();
  };

  if (database === 'postgres') {
    databaseName = options.databaseName ?? `gp_test_${unique}`;
    if (fromTemplate) await copyPostgresTemplate(templateSite, databaseName, firstBoot);
    else if (!options.databaseName) await createPostgresDatabase(databaseName);
    env.DATABASE_CLIENT = 'postgres';
    env.DATABASE_URL = withDatabase(postgresUrl(), databaseName);
  } else {
    // Relative path: Strapi resolves it against the app folder.
    const relative = options.databaseName ?? path.join('.tmp', `test-${unique}.db`);
    mkdirSync(path.join(CMS_DIR, '.tmp'), { recursive: true });
    databaseName = path.join(CMS_DIR, relative);
    if (fromTemplate) await copySqliteTemplate(templateSite, databaseName, firstBoot);
    env.DATABASE_CLIENT = 'sqlite';
    env.DATABASE_FILENAME = relative;
  }
  // Strapi loads a .env from the working directory (or ENV_PATH) when it is first required; a
  // developer's local .env (admin account, tokens…) must not leak into throw-away instances.
  env.ENV_PATH = path.join(CMS_DIR, '.tmp', 'no-env-file-in-tests');
  Object.assign(env, options.env);
  const restoreEnv = setEnvWhileRunning(env);

  const dropDatabase = async (): Promise<void> => {
    if (options.keepDatabase) return;
    if (database === 'postgres') {
      await dropPostgresDatabase(databaseName);
    } else {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databaseName}${suffix}`, { force: true });
    }
  };

  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  let strapi: Core.Strapi;
  try {
    strapi = createStrapi({ appDir: CMS_DIR, distDir, autoReload: false, serveAdminPanel: options.serveAdminPanel ?? false });
  } catch (error) {
    await dropDatabase();
    restoreEnv();
    throw error;
  }
  try {
    await strapi.load();
    // The upload plugin's weekly usage metrics (telemetry, off here) are scheduled 15 s after a
    // first boot, and every copy of the template is one: its write to the core store would land
    // in the middle of a test that watches writes (query counts, "nothing was written").
    strapi.cron.remove('uploadWeekly');
    await new Promise<void>((resolve, reject) => {
      strapi.server.httpServer.once('error', reject);
      // server.listen (not httpServer.listen) mounts the routers first; port 0 = a free port.
      strapi.server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    // A boot that fails must not leave its throw-away database behind.
    await destroyKeepingListeners(strapi).catch(() => undefined);
    await dropDatabase();
    restoreEnv();
    throw error;
  }
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      // Strapi's entry events still reading back what a test just wrote would have their query
      // rejected by the destroy, uncaught (seen on PostgreSQL).
      await settleEntryEvents(strapi);
      await destroyKeepingListeners(strapi);
      await dropDatabase();
    } finally {
      restoreEnv();
    }
  };

  return { strapi, url, database, databaseName, stop };
}
