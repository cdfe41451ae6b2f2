/**
 * The app boots in-process on a throw-away database (SQLite, and PostgreSQL too when
 * TEST_DATABASE_URL is set: one vitest project each) and answers over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDatabase, startStrapi, type DatabaseKind, type RunningStrapi } from '../harness/strapi.ts';

// The database of this file's vitest project: SQLite, and PostgreSQL in the postgres project.
const databases: DatabaseKind[] = [defaultDatabase()];

describe.each(databases)('CMS on %s', (database) => {
  let cms: RunningStrapi;

  beforeAll(async () => {
    cms = await startStrapi({ database });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers /_health with 204', async () => {
    const response = await fetch(`${cms.url}/_health`);
    expect(response.status).toBe(204);
  });

  it('runs on the database it was asked for', () => {
    expect(cms.strapi.db.dialect.client).toBe(database === 'postgres' ? 'postgres' : 'sqlite');
  });

  it('does not serve the admin panel from the test instance but does serve the admin API', async () => {
    const response = await fetch(`${cms.url}/admin/init`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { hasAdmin: boolean } };
    expect(body.data.hasAdmin).toBe(false);
  });
});
