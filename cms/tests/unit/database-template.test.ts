/**
 * tests/harness/database-template.ts: every test instance of the CMS starts on a copy of the
 * database one first boot made. What must hold: a template is made once and copied as it is;
 * a first boot that fails leaves no template behind (the next instance tries again); a change of
 * the compiled code makes a new one. The first boot here is a stand-in that writes a marker (the
 * real one is what every integration file of the suite boots on); the copies are real (files,
 * and CREATE DATABASE … TEMPLATE on the TEST_DATABASE_URL server where one is set).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPostgresTemplate, copySqliteTemplate, freshDatabasesAsked, templateKey } from '../harness/database-template.ts';
import { queryPostgres } from '../harness/postgres.ts';

/** A stand-in CMS folder: compiled code to hash, and a .tmp for the SQLite templates. */
function fakeCms(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gp-template-'));
  mkdirSync(path.join(dir, 'dist', 'src'), { recursive: true });
  mkdirSync(path.join(dir, 'dist', 'config'), { recursive: true });
  mkdirSync(path.join(dir, 'src', 'plugins', 'good-practices', 'dist', 'server'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'src', 'index.js'), 'module.exports = {};\n');
  writeFileSync(path.join(dir, 'src', 'plugins', 'good-practices', 'dist', 'server', 'index.js'), 'module.exports = { version: 1 };\n');
  return dir;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite template', () => {
  it('is made by one first boot and copied as it is to each new database', async () => {
    const cmsDir = fakeCms();
    made.push(cmsDir);
    const boots: string[] = [];
    const firstBoot = async (relative: string) => {
      boots.push(relative);
      writeFileSync(path.join(cmsDir, relative), `first boot ${boots.length}`);
    };
    const first = path.join(cmsDir, 'one.db');
    const second = path.join(cmsDir, 'two.db');
    await copySqliteTemplate({ cmsDir }, first, firstBoot);
    await copySqliteTemplate({ cmsDir }, second, firstBoot);
    expect(boots).toHaveLength(1);
    expect(readFileSync(first, 'utf8')).toBe('first boot 1');
    expect(readFileSync(second, 'utf8')).toBe('first boot 1');
    // The copy is the test's own: writing to it leaves the template alone.
    writeFileSync(first, 'written by a test');
    await copySqliteTemplate({ cmsDir }, path.join(cmsDir, 'three.db'), firstBoot);
    expect(readFileSync(path.join(cmsDir, 'three.db'), 'utf8')).toBe('first boot 1');
  });

  it('is not left behind by a first boot that fails: the next database tries again', async () => {
    const cmsDir = fakeCms();
    made.push(cmsDir);
    let attempts = 0;
    const failing = async (relative: string) => {
      attempts += 1;
      writeFileSync(path.join(cmsDir, relative), 'half a schema');
      throw new Error('boot failed');
    };
    await expect(copySqliteTemplate({ cmsDir }, path.join(cmsDir, 'one.db'), failing)).rejects.toThrow('boot failed');
    // Nothing in the templates folder: neither a template nor the half-made file.
    expect(readdirSync(path.join(cmsDir, '.tmp', 'templates'))).toEqual([]);
    await copySqliteTemplate({ cmsDir }, path.join(cmsDir, 'one.db'), async (relative) => {
      attempts += 1;
      writeFileSync(path.join(cmsDir, relative), 'complete');
    });
    expect(attempts).toBe(2);
    expect(readFileSync(path.join(cmsDir, 'one.db'), 'utf8')).toBe('complete');
  });

  it('belongs to the compiled code: another build has another template, and old ones are removed', async () => {
    const cmsDir = fakeCms();
    const rebuilt = fakeCms();
    const same = fakeCms();
    made.push(cmsDir, rebuilt, same);
    writeFileSync(path.join(rebuilt, 'src', 'plugins', 'good-practices', 'dist', 'server', 'index.js'), 'module.exports = { version: 2 };\n');
    expect(templateKey(rebuilt)).not.toBe(templateKey(cmsDir));
    expect(templateKey(same)).toBe(templateKey(cmsDir));

    // Templates of earlier builds of this checkout: removed once a minute old (a younger one may
    // still serve a run of the code that made it).
    const templates = path.join(cmsDir, '.tmp', 'templates');
    mkdirSync(templates, { recursive: true });
    const old = path.join(templates, 'sqlite-0123456789abcdef.db');
    const young = path.join(templates, 'sqlite-fedcba9876543210.db');
    writeFileSync(old, 'an earlier build');
    writeFileSync(young, 'a build of a minute ago');
    utimesSync(old, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    await copySqliteTemplate({ cmsDir }, path.join(cmsDir, 'a.db'), async (relative) => writeFileSync(path.join(cmsDir, relative), 'this build'));
    expect(readdirSync(templates).sort()).toEqual([`sqlite-${templateKey(cmsDir)}.db`, path.basename(young)].sort());
    expect(readFileSync(path.join(cmsDir, 'a.db'), 'utf8')).toBe('this build');
  });
});

describe('fresh databases for every instance', () => {
  it('are asked for with GP_TEST_FRESH_DATABASES', () => {
    expect(freshDatabasesAsked({})).toBe(false);
    for (const value of ['', '0', 'false', 'FALSE']) expect(freshDatabasesAsked({ GP_TEST_FRESH_DATABASES: value })).toBe(false);
    for (const value of ['true', '1', 'yes']) expect(freshDatabasesAsked({ GP_TEST_FRESH_DATABASES: value })).toBe(true);
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

// On the TEST_DATABASE_URL server (CI sets it; off it there is no PostgreSQL to copy on).
describe.runIf(postgresUrl)('the PostgreSQL template', () => {
  const databaseUrl = (name: string) => {
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await queryPostgres(postgresUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('is made by one first boot; each new database is a copy with its tables and rows', async () => {
    const cmsDir = fakeCms();
    made.push(cmsDir);
    // A key of its own: this test's template is not the suite's.
    writeFileSync(path.join(cmsDir, 'dist', 'src', 'index.js'), `// ${randomBytes(8).toString('hex')}\n`);
    const template = `gp_template_${templateKey(cmsDir)}`;
    created.push(template);
    let boots = 0;
    const firstBoot = async (name: string) => {
      boots += 1;
      await queryPostgres(databaseUrl(name), 'CREATE TABLE marker (note text); INSERT INTO marker VALUES (\'first boot\')');
    };
    const names = [`gp_test_copy_${randomBytes(3).toString('hex')}`, `gp_test_copy_${randomBytes(3).toString('hex')}`];
    created.push(...names);
    for (const name of names) await copyPostgresTemplate({ cmsDir, postgresUrl }, name, firstBoot);
    expect(boots).toBe(1);
    for (const name of names) expect(await queryPostgres(databaseUrl(name), 'SELECT note FROM marker')).toEqual([{ note: 'first boot' }]);
    // The template keeps when it was made, for the clean-up of other builds' templates.
    const [row] = await queryPostgres(postgresUrl!, `SELECT shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname = '${template}'`);
    expect(Date.now() - Date.parse(String(row?.made))).toBeLessThan(10 * 60_000);
  });

  it('is not left behind by a first boot that fails', async () => {
    const cmsDir = fakeCms();
    made.push(cmsDir);
    writeFileSync(path.join(cmsDir, 'dist', 'src', 'index.js'), `// ${randomBytes(8).toString('hex')}\n`);
    const template = `gp_template_${templateKey(cmsDir)}`;
    const target = `gp_test_copy_${randomBytes(3).toString('hex')}`;
    created.push(template, target);
    const making = async () => (await queryPostgres(postgresUrl!, `SELECT datname FROM pg_database WHERE datname LIKE 'gp_making_%'`)).map((row) => row.datname);
    const makingBefore = await making();
    let madeName = '';
    await expect(
      copyPostgresTemplate({ cmsDir, postgresUrl }, target, async (name) => {
        madeName = name;
        throw new Error('boot failed');
      }),
    ).rejects.toThrow('boot failed');
    // The half-made database is dropped.
    expect(madeName).toMatch(/^gp_making_/);
    expect(await making()).not.toContain(madeName);
    expect(makingBefore).not.toContain(madeName);
    expect(await queryPostgres(postgresUrl!, `SELECT datname FROM pg_database WHERE datname IN ('${template}', '${target}')`)).toEqual([]);
    expect(existsSync(path.join(cmsDir, '.tmp', 'templates'))).toBe(false);
  });
});
