/**
 * What `npm start` decides from the local settings (scripts/lib/local-stack.ts): its ports and
 * URLs, its database file, and the environment of the builds, the seed and both servers.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localStack } from '../lib/local-stack.ts';
import { CMS_DIR } from '../lib/paths.ts';

describe('the stack of `npm start`', () => {
  it('serves the CMS on 1337 and the site on 4321 from cms/.tmp/data.db by default', () => {
    const stack = localStack({}, {});
    expect(stack).toMatchObject({ cmsUrl: 'http://127.0.0.1:1337', webUrl: 'http://127.0.0.1:4321', databasePath: path.join(CMS_DIR, '.tmp', 'data.db') });
    expect(stack.env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: '.tmp/data.db',
      CMS_URL: 'http://127.0.0.1:1337',
      SITE_URL: 'http://127.0.0.1:4321',
      SITE_REVALIDATE_URL: 'http://127.0.0.1:4321/api/revalidate',
    });
  });

  it('takes its ports from the local settings, and the site and CMS find each other there', () => {
    const stack = localStack({ CMS_PORT: '4130', WEB_PORT: '4131' }, {});
    expect([stack.cmsPort, stack.webPort]).toEqual(['4130', '4131']);
    expect(stack.env).toMatchObject({ CMS_URL: 'http://127.0.0.1:4130', SITE_URL: 'http://127.0.0.1:4131', SITE_REVALIDATE_URL: 'http://127.0.0.1:4131/api/revalidate' });
  });

  it('takes a setting that only the environment gives (`CMS_PORT=… npm start` with a .env lacking it)', () => {
    const stack = localStack({ CMS_PORT: '4130' }, { WEB_PORT: '4131', DATABASE_FILENAME: '/var/tmp/gp/data.db', CMS_PORT: '9999' });
    expect([stack.cmsPort, stack.webPort, stack.databasePath]).toEqual(['4130', '4131', '/var/tmp/gp/data.db']);
    expect(stack.env).toMatchObject({ DATABASE_FILENAME: '/var/tmp/gp/data.db', SITE_URL: 'http://127.0.0.1:4131' });
  });

  it('finds the database file where the CMS opens it: relative to cms/, or absolute as given', () => {
    expect(localStack({ DATABASE_FILENAME: '.tmp/other.db' }, {}).databasePath).toBe(path.join(CMS_DIR, '.tmp', 'other.db'));
    // cms/config/database.ts opens an absolute path as it is; `npm start` must look there for it
    // too, or it seeds the demo content again on every start.
    expect(localStack({ DATABASE_FILENAME: '/var/tmp/gp/data.db' }, {}).databasePath).toBe('/var/tmp/gp/data.db');
  });

  it('runs on SQLite in production mode whatever the shell says, with the local settings and the rest of the environment', () => {
    // The local settings already are .env merged with the environment (env-file.ts): they win.
    const stack = localStack({ REVALIDATE_SECRET: 'local' }, { DATABASE_CLIENT: 'postgres', NODE_ENV: 'test', PATH: '/bin', REVALIDATE_SECRET: 'inherited' });
    expect(stack.env).toMatchObject({ DATABASE_CLIENT: 'sqlite', NODE_ENV: 'production', PATH: '/bin', REVALIDATE_SECRET: 'local' });
  });

  it('keeps a revalidation URL that the local settings give', () => {
    expect(localStack({ SITE_REVALIDATE_URL: 'https://site.example/api/revalidate' }, {}).env.SITE_REVALIDATE_URL).toBe('https://site.example/api/revalidate');
  });
});
