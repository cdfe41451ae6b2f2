/**
 * Where `npm start` runs its CMS and site, and with which environment, from the local settings
 * (.env merged with the environment, see env-file.ts). Shared by start.ts and the tools that
 * talk to the running stack (screenshots.ts).
 */
import path from 'node:path';
import { CMS_DIR } from './paths.ts';

export interface LocalStack {
  cmsPort: string;
  webPort: string;
  cmsUrl: string;
  webUrl: string;
  /** DATABASE_FILENAME as the CMS resolves it (cms/config/database.ts): absolute, or relative to cms/. */
  databasePath: string;
  /** The environment of the builds, the demo seed and both servers. */
  env: NodeJS.ProcessEnv;
}

export function localStack(local: Record<string, string | undefined>, processEnv: NodeJS.ProcessEnv = process.env): LocalStack {
  // `local` holds the keys of .env (the environment's value winning); a setting given in the
  // environment only counts as well.
  const setting = (key: string): string | undefined => local[key] ?? processEnv[key];
  const cmsPort = setting('CMS_PORT') ?? '1337';
  const webPort = setting('WEB_PORT') ?? '4321';
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const databaseFile = setting('DATABASE_FILENAME') ?? '.tmp/data.db';
  const env: NodeJS.ProcessEnv = {
    ...processEnv,
    ...local,
    NODE_ENV: 'production',
    // `npm start` is the zero-setup stack: SQLite, whatever DATABASE_CLIENT says elsewhere.
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    CMS_URL: cmsUrl,
    SITE_URL: webUrl,
    // A publish in the admin reaches the on-request site at once (signed with REVALIDATE_SECRET).
    SITE_REVALIDATE_URL: setting('SITE_REVALIDATE_URL') ?? `${webUrl}/api/revalidate`,
    // Preview of drafts from the admin: the CMS creates the site's preview token with this key and
    // points its Preview panel at the site (SITE_URL + PREVIEW_SECRET); the site sends the key.
    SITE_PREVIEW_TOKEN: setting('SITE_PREVIEW_TOKEN'),
    PREVIEW_SECRET: setting('PREVIEW_SECRET'),
  };
  return { cmsPort, webPort, cmsUrl, webUrl, databasePath: path.resolve(CMS_DIR, databaseFile), env };
}
