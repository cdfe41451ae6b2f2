/**
 * tests/harness/test-databases.ts decides which databases the Strapi files run on. A wrong answer
 * is silent: files that never run on SQLite in CI, or a PostgreSQL that is "off" in CI because
 * its server is down. The probe is the real one, against a real server where TEST_DATABASE_URL
 * names one and against a port where nothing listens.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseTestDatabases, databaseProjects, projectDatabase, redact } from '../harness/test-databases.ts';

/** A port that refuses connections: a server is opened on it and closed again. */
let refusedUrl: string;
beforeAll(async () => {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  refusedUrl = `postgres://postgres:secret-word@127.0.0.1:${port}/postgres`;
});

describe('the databases of a run', () => {
  it('is SQLite alone when TEST_DATABASE_URL is not set', async () => {
    expect(await chooseTestDatabases({})).toEqual({ databases: ['sqlite'] });
    expect(await chooseTestDatabases({ TEST_DATABASE_URL: '  ', CI: 'true' })).toEqual({ databases: ['sqlite'] });
  });

  it('fails under CI when the configured PostgreSQL does not answer, naming it without its password', async () => {
    const failure = chooseTestDatabases({ TEST_DATABASE_URL: refusedUrl, CI: 'true' });
    await expect(failure).rejects.toThrow(/TEST_DATABASE_URL is set .* but PostgreSQL does not answer.*Under CI that is a failure/);
    await expect(failure).rejects.not.toThrow(/secret-word/);
  });

  it('leaves PostgreSQL out with a warning on a developer machine when it does not answer', async () => {
    for (const CI of [undefined, '', 'false', '0']) {
      const choice = await chooseTestDatabases({ TEST_DATABASE_URL: refusedUrl, CI });
      expect(choice.databases).toEqual(['sqlite']);
      expect(choice.warning).toMatch(/does not answer.*left out of this run/);
      expect(choice.warning).not.toMatch(/secret-word/);
    }
  });

  // CI sets TEST_DATABASE_URL when the machine's server answers (.ci/run), so this runs there.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('adds PostgreSQL to SQLite when the configured server answers', async () => {
    expect(await chooseTestDatabases({ TEST_DATABASE_URL: process.env.TEST_DATABASE_URL, CI: 'true' })).toEqual({ databases: ['sqlite', 'postgres'] });
  });
});

describe('the projects of a config whose files boot Strapi', () => {
  it('runs every file on SQLite and only the Strapi files on PostgreSQL, each project naming its database', async () => {
    const projects = await databaseProjects({ strapiFiles: ['tests/integration/**/*.test.ts'], otherFiles: ['tests/unit/**/*.test.ts'] });
    const sqlite = projects.find((p) => p.test.name === 'sqlite');
    expect(sqlite?.test).toEqual({ name: 'sqlite', include: ['tests/integration/**/*.test.ts', 'tests/unit/**/*.test.ts'], env: { GP_TEST_DATABASE: 'sqlite' } });
    const postgres = projects.find((p) => p.test.name === 'postgres');
    if (process.env.TEST_DATABASE_URL) {
      expect(postgres?.test).toEqual({ name: 'postgres', include: ['tests/integration/**/*.test.ts'], env: { GP_TEST_DATABASE: 'postgres' } });
    } else {
      expect(postgres).toBeUndefined();
    }
  });

  it('tells a file the database of its project', () => {
    expect(projectDatabase({})).toBe('sqlite');
    expect(projectDatabase({ GP_TEST_DATABASE: 'sqlite' })).toBe('sqlite');
    expect(projectDatabase({ GP_TEST_DATABASE: 'postgres' })).toBe('postgres');
    expect(() => projectDatabase({ GP_TEST_DATABASE: 'mysql' })).toThrow(/must be "sqlite" or "postgres"/);
  });

  it('is the database this very file runs on', () => {
    // This file is a unit test: it runs in the SQLite project only.
    expect(process.env.GP_TEST_DATABASE).toBe('sqlite');
  });
});

describe('redact', () => {
  it('hides a password and keeps the rest', () => {
    expect(redact('postgres://u:pw@db.example:5432/x')).toBe('postgres://u:***@db.example:5432/x');
    expect(redact('postgres://u@db:5432/x')).toBe('postgres://u@db:5432/x');
    expect(redact('not a url')).toBe('(not a URL)');
  });
});
