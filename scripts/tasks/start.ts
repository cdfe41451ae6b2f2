/**
 * `npm start`: everything running on SQLite with demo content.
 * CMS on http://127.0.0.1:1337 (admin at /admin), site on http://127.0.0.1:4321 in on-request mode.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCms, buildPlugin, buildWeb } from '../lib/builds.ts';
import { withCmsNodeOptions } from '../lib/cms-memory.ts';
import { ensureLocalEnv } from '../lib/env-file.ts';
import { localStack } from '../lib/local-stack.ts';
import { bin, CMS_DIR, ROOT, SITE_SERVER_ENTRY, WEB_DIR } from '../lib/paths.ts';
import { startService, stopService, waitForHttp } from '../lib/processes.ts';
import { note, seconds, step } from '../lib/progress.ts';
import { seedDemoContent } from '../lib/demo-content.ts';

export async function run(): Promise<number> {
  const startedAt = performance.now();
  const { values: local, created } = await step('Preparing local settings (.env)', () => ensureLocalEnv());

  const { cmsPort, webPort, cmsUrl, webUrl, databasePath, env } = localStack(local);

  await buildPlugin();
  await buildCms();
  await buildWeb('server', env);

  if (!existsSync(databasePath)) {
    await step('Creating the SQLite database with demo content', () => seedDemoContent(env));
  } else {
    const shown = databasePath.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, databasePath) : databasePath;
    note(`Reusing the database ${shown} (delete it to start over with fresh demo content).`);
  }

  const cms = startService('cms', bin.strapi, ['start'], { cwd: CMS_DIR, env: withCmsNodeOptions({ ...env, HOST: '127.0.0.1', PORT: cmsPort }) });
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
