/**
 * Shared by the CMS scripts (import, demo seed): the compiled plugin's modules and an in-process
 * Strapi (loaded, not listening) on the database the environment configures.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import type { ImportService } from '../../src/plugins/good-practices/contract/services.ts';

const require = createRequire(import.meta.url);

export const CMS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PLUGIN_DIR = path.join(CMS_DIR, 'src', 'plugins', 'good-practices');
const PLUGIN_SERVER_DIST = path.join(PLUGIN_DIR, 'dist', 'server', 'src');

/** A module of the compiled plugin server (dist/server/src/<relative>), e.g. 'import/prepare-page.js'. */
export function requirePlugin<T>(relative: string): T {
  const file = path.join(PLUGIN_SERVER_DIST, relative);
  if (!existsSync(file)) {
    throw new Error(
      `The good-practices plugin is not built (${path.relative(process.cwd(), file)} is missing): ` +
        '`npm run import` builds it, or run `node node_modules/typescript/bin/tsc -p cms/src/plugins/good-practices/tsconfig.server.json`.',
    );
  }
  return require(file) as T;
}

const ALL_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];

/**
 * Strapi loaded in-process with its HTTP server never listening. Its log goes to stderr (stdout
 * belongs to the script's own output) and is limited to warnings unless LOG_LEVEL says otherwise.
 */
export async function loadStrapi(): Promise<Core.Strapi> {
  const distDir = path.join(CMS_DIR, 'dist');
  if (!existsSync(path.join(distDir, 'src', 'index.js'))) {
    throw new Error('The CMS server code is not compiled (cms/dist is missing): `npm run import` or `npm start` compiles it.');
  }
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir, autoReload: false, serveAdminPanel: false });
  const log = strapi.log as unknown as { level: string; transports: { stderrLevels?: Record<string, boolean> }[] };
  log.level = process.env.LOG_LEVEL ?? 'warn';
  for (const transport of log.transports) transport.stderrLevels = Object.fromEntries(ALL_LEVELS.map((level) => [level, true]));
  await strapi.load();
  return strapi;
}

/** The part of knex's connection pool (tarn) that says whether a query is running or waiting. */
interface ConnectionPool {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Waits until no query has run or waited for `quietMs` (at most `timeoutMs`). Strapi's document
 * service emits its entry events (entry.publish…) after the transaction commits without awaiting
 * them, and each first reads the entry back: a script that stops right after a publication would
 * lose the event (the site notifier listens to it) and, on PostgreSQL, whose reads wait for a
 * pooled connection, have the read rejected ('aborted') where nobody catches it, which kills the
 * process. Nothing else says when those events are done; an idle pool does.
 */
export async function settleEntryEvents(strapi: Core.Strapi, quietMs = 100, timeoutMs = 10_000): Promise<void> {
  const pool = (strapi.db?.connection as unknown as { client?: { pool?: ConnectionPool } } | undefined)?.client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let idleSince = Date.now();
  while (Date.now() < deadline) {
    if (busy()) idleSince = Date.now();
    else if (Date.now() - idleSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Stops Strapi (closes the database connection) once its entry events are done; never throws. */
export async function stopStrapi(strapi: Core.Strapi | undefined): Promise<void> {
  if (!strapi) return;
  try {
    await settleEntryEvents(strapi);
    await strapi.destroy();
  } catch (error) {
    process.stderr.write(`warning: Strapi did not stop cleanly: ${(error as Error).message}\n`);
  }
}

/** The plugin's `import` service. */
export function importService(strapi: Core.Strapi): ImportService {
  const registered = strapi.plugin('good-practices').service('import') as ImportService | undefined;
  if (!registered) throw new Error('The good-practices plugin has no import service: is the plugin built (dist/) and enabled?');
  return registered;
}
