/**
 * `npm start`: everything running on SQLite with demo content.
 * CMS on http://127.0.0.1:1337 (admin at /admin), site on http://127.0.0.1:4321 in on-request mode.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCms, buildPlugin, buildWeb } from '../lib/builds.ts';
import { ensureLocalEnv } from '../lib/env-file.ts';
import { bin, CMS_DIR, ROOT, SITE_SERVER_ENTRY, WEB_DIR } from '../lib/paths.ts';
import { startService, stopService, waitForHttp } from '../lib/processes.ts';
import { note, seconds, step } from '../lib/progress.ts';
import { seedDemoContent } from '../lib/demo-content.ts';

export async function run(): Promise<number> {
  const startedAt = performance.now();
  const { values: local, created } = await step('Preparing local settings (.env)', () => ensureLocalEnv());

  const cmsPort = local.CMS_PORT ?? '1337';
  const webPort = local.WEB_PORT ?? '4321';
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const databaseFile = local.DATABASE_FILENAME ?? '.tmp/data.db';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...local,
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    CMS_URL: cmsUrl,
    SITE_URL: webUrl,
    // A publish in the admin reaches the on-request site at once (signed with REVALIDATE_SECRET).
    SITE_REVALIDATE_URL: local.SITE_REVALIDATE_URL ?? `${webUrl}/api/revalidate`,
    // Preview of drafts from the admin: the CMS creates the site's preview token with this key and
    // points its Preview panel at the site (SITE_URL + PREVIEW_SECRET); the site sends the key.
    SITE_PREVIEW_TOKEN: local.SITE_PREVIEW_TOKEN,
    PREVIEW_SECRET: local.PREVIEW_SECRET,
  };

  await buildPlugin();
  await buildCms();
  await buildWeb('server', env);

  if (!existsSync(path.join(CMS_DIR, databaseFile))) {
    await step('Creating the SQLite database with demo content', () => seedDemoContent(env));
  } else {
    note(`Reusing the database cms/${databaseFile} (delete it to start over with fresh demo content).`);
  }

  const cms = startService('cms', bin.strapi, ['start'], { cwd: CMS_DIR, env: { ...env, HOST: '127.0.0.1', PORT: cmsPort } });
  const services = [cms];
  let stopping = false;
  const shutdown = async (signal: string) => {
    // Ctrl-C reaches the whole process group (and the launcher forwards it too): act once.
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nStopping (${signal})…\n`);
    await Promise.all(services.map((service) => stopService(service)));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await step(`Starting the CMS on ${cmsUrl}`, () => waitForHttp(`${cmsUrl}/_health`, 120_000, cms));
  const web = startService('web', SITE_SERVER_ENTRY, [], {
    cwd: WEB_DIR,
    env: { ...env, HOST: '127.0.0.1', PORT: webPort },
  });
  services.push(web);
  await step(`Starting the site on ${webUrl}`, () => waitForHttp(`${webUrl}/`, 60_000, web));

  const login = created.includes('ADMIN_PASSWORD')
    ? `Log in as ${local.ADMIN_EMAIL} with the password ${local.ADMIN_PASSWORD} (generated now, kept in .env; shown only this once).`
    : `Log in as ${local.ADMIN_EMAIL ?? 'the admin'} with the ADMIN_PASSWORD kept in ${path.relative(ROOT, path.join(ROOT, '.env'))}.`;
  process.stdout.write(
    [
      '',
      `Ready in ${seconds(startedAt)} s.`,
      `  Site:  ${webUrl}/`,
      `  CMS:   ${cmsUrl}/admin`,
      `  ${login}`,
      '  Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );

  // Either service dying takes the whole thing down: a half-running stack helps nobody.
  return new Promise<number>((resolve) => {
    for (const service of services) {
      service.once('exit', async (code) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`A service exited (code ${code}); stopping the rest.\n`);
        await Promise.all(services.map((other) => stopService(other)));
        resolve(code ?? 1);
      });
    }
  });
}
