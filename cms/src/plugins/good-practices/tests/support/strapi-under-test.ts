/**
 * Boots the real CMS (with this plugin) for one test file through the lead's harness, on the
 * database of the file's vitest project (SQLite; PostgreSQL in the postgres project, when
 * TEST_DATABASE_URL is set): a fresh database per boot.
 *
 * Needs the compiled app and plugin: `npm run build -w strapi-plugin-good-practices` and the
 * app's server compile (cms/dist).
 */
import path from 'node:path';
import { CMS_DIR, defaultDatabase, type RunningStrapi, type StrapiOptions, startStrapi } from '../../../../../tests/harness/strapi';

export type { RunningStrapi };
export { defaultDatabase };

export async function bootStrapi(options: StrapiOptions = {}): Promise<RunningStrapi> {
  const running = await startStrapi(options);
  // Keep warnings (e.g. outdated framework keys) but drop one line per HTTP request.
  running.strapi.log.level = 'warn';
  return running;
}

/** The `databaseName` option that boots again on the database of a running instance. */
export function sameDatabase(running: RunningStrapi): string {
  return running.database === 'sqlite' ? path.relative(CMS_DIR, running.databaseName) : running.databaseName;
}
