/**
 * Template databases for throw-away test instances. A boot on an empty database syncs the whole
 * schema and runs every first-boot step (Strapi's own tables and roles, the plugin's roles,
 * framework and settings): 4-5 s on SQLite and 7-8 s on PostgreSQL on the 2-core CI machine,
 * while a boot on a database that has had its first boot takes under a second. The suite boots
 * a few hundred instances; so each kind of database gets one template, made by a first boot and
 * kept, and each instance starts on a copy of it (SQLite: a file copy; PostgreSQL: CREATE
 * DATABASE … TEMPLATE). What a test sees is what a second boot of a fresh deployment sees.
 *
 * The template belongs to the compiled code that made it: its name carries a hash of the
 * compiled CMS and plugin (and of this file's format), so a change of a content type or of a
 * first-boot step makes a new one. Tests of the first boot itself ask for a fresh database
 * (StrapiOptions.freshDatabase); GP_TEST_FRESH_DATABASES=true boots every instance on an empty
 * database (to check that the templates hide nothing).
 *
 * Made under a temporary name and renamed when complete, so that a process never copies half a
 * template; two processes that both find none both make one, and the last rename wins.
 *
 * Erasable TypeScript: vitest, scripts and plain Node load it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { queryPostgres } from './postgres.ts';

/** Bumped when the way templates are made changes (another first-boot environment, say). */
const FORMAT = 1;
const SQLITE_SUFFIXES = ['', '-wal', '-shm', '-journal'];
/** Templates of other builds on a shared PostgreSQL server are dropped once this old. */
const STALE_AFTER_MS = 24 * 60 * 60_000;
const POSTGRES_PREFIX = 'gp_template_';

export function freshDatabasesAsked(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.GP_TEST_FRESH_DATABASES?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(full));
    else if (entry.isFile() && !entry.name.endsWith('.map') && !entry.name.endsWith('.tsbuildinfo')) files.push(full);
  }
  return files.sort();
}

const keys = new Map<string, string>();

/**
 * A hash of what a first boot depends on: the compiled CMS (config and code, not the admin
 * panel's build), the compiled plugin and the Strapi version.
 */
export function templateKey(cmsDir: string): string {
  const known = keys.get(cmsDir);
  if (known) return known;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const strapiPackage = path.join(cmsDir, '..', 'node_modules', '@strapi', 'strapi', 'package.json');
  if (existsSync(strapiPackage)) hash.update(`strapi ${(JSON.parse(readFileSync(strapiPackage, 'utf8')) as { version: string }).version}\n`);
  const roots = [path.join(cmsDir, 'dist', 'src'), path.join(cmsDir, 'dist', 'config'), path.join(cmsDir, 'src', 'plugins', 'good-practices', 'dist', 'server')];
  for (const root of roots) {
    for (const file of filesUnder(root)) hash.update(`${path.relative(cmsDir, file)}\n`).update(readFileSync(file));
  }
  const key = hash.digest('hex').slice(0, 16);
  keys.set(cmsDir, key);
  return key;
}

/** Boots a fresh instance on the named (empty) database and stops it, keeping the database. */
export type FirstBoot = (databaseName: string) => Promise<void>;

export interface TemplateSite {
  cmsDir: string;
  /** The TEST_DATABASE_URL server (PostgreSQL). */
  postgresUrl?: string;
}

const sqliteDir = (cmsDir: string) => path.join(cmsDir, '.tmp', 'templates');

/** The SQLite template (absolute path), made by `firstBoot` when missing. */
async function sqliteTemplate(site: TemplateSite, firstBoot: FirstBoot): Promise<string> {
  const dir = sqliteDir(site.cmsDir);
  const file = path.join(dir, `sqlite-${templateKey(site.cmsDir)}.db`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const making = path.join(dir, `making-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.db`);
  try {
    await firstBoot(path.relative(site.cmsDir, making));
    // A journal left beside the file would be lost by the rename: Strapi closes SQLite cleanly,
    // so there is none; refuse rather than copy a template missing its last writes.
    for (const suffix of SQLITE_SUFFIXES.slice(1)) {
      if (existsSync(`${making}${suffix}`)) throw new Error(`the template's first boot left ${path.basename(making)}${suffix} behind`);
    }
    renameSync(making, file);
  } finally {
    for (const suffix of SQLITE_SUFFIXES) rmSync(`${making}${suffix}`, { force: true });
  }
  // Templates of earlier builds of this checkout (each checkout has its own cms/.tmp).
  for (const name of readdirSync(dir)) {
    const other = path.join(dir, name);
    if (other !== file && name.startsWith('sqlite-') && Date.now() - statSync(other).mtimeMs > 60_000) rmSync(other, { force: true });
  }
  return file;
}

/** Puts a copy of the SQLite template at `target` (absolute). */
export async function copySqliteTemplate(site: TemplateSite, target: string, firstBoot: FirstBoot): Promise<void> {
  copyFileSync(await sqliteTemplate(site, firstBoot), target);
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;


/** The PostgreSQL template's name, made by `firstBoot` when missing. */
async function postgresTemplate(site: TemplateSite, firstBoot: FirstBoot): Promise<string> {
  const url = site.postgresUrl;
  if (!url) throw new Error('PostgreSQL asked for but TEST_DATABASE_URL is not set');
  const name = `${POSTGRES_PREFIX}${templateKey(site.cmsDir)}`;
  const exists = async (database: string) => (await queryPostgres(url, `SELECT 1 FROM pg_database WHERE datname = '${database}'`)).length > 0;
  if (await exists(name)) return name;
  const making = `gp_making_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await queryPostgres(url, `CREATE DATABASE ${quoted(making)}`);
  try {
    await firstBoot(making);
    // The creation time, for the clean-up of other builds' templates (pg_database has none).
    await queryPostgres(url, `COMMENT ON DATABASE ${quoted(making)} IS '${new Date().toISOString()}'`);
    try {
      await queryPostgres(url, `ALTER DATABASE ${quoted(making)} RENAME TO ${quoted(name)}`);
    } catch (error) {
      // Another process made it meanwhile: theirs is as good.
      if (!(await exists(name))) throw error;
    }
  } finally {
    await queryPostgres(url, `DROP DATABASE IF EXISTS ${quoted(making)} WITH (FORCE)`);
  }
  await dropStalePostgresTemplates(url, name);
  return name;
}

/** Templates of other builds (other checkouts share the server), once a day old. */
async function dropStalePostgresTemplates(url: string, keep: string): Promise<void> {
  const rows = await queryPostgres(
    url,
    `SELECT datname AS name, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname LIKE '${POSTGRES_PREFIX}%'`,
  );
  for (const row of rows) {
    const made = Date.parse(String(row.made ?? ''));
    if (row.name === keep || (Number.isFinite(made) && Date.now() - made < STALE_AFTER_MS)) continue;
    await queryPostgres(url, `DROP DATABASE IF EXISTS ${quoted(String(row.name))} WITH (FORCE)`).catch(() => undefined);
  }
}

/** Creates the PostgreSQL database `target` as a copy of the template. */
export async function copyPostgresTemplate(site: TemplateSite, target: string, firstBoot: FirstBoot): Promise<void> {
  const template = await postgresTemplate(site, firstBoot);
  await queryPostgres(site.postgresUrl!, `CREATE DATABASE ${quoted(target)} TEMPLATE ${quoted(template)}`);
}
