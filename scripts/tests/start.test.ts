/**
 * `npm start` end to end: the real bootstrap and start task of this checkout, as a newcomer runs
 * them, on two free ports and a throw-away SQLite file. Every setting comes from the environment,
 * so the checkout's .env is neither created nor changed. The builds are this checkout's own, built
 * when stale (what `npm start` does; `npm test` has built all but the on-request site already).
 *
 * First start: seeds the demo content, serves the CMS (health, admin, first admin's login) and the
 * site (demo practices, the Spanish slug's redirect), and the screenshot tool works against it;
 * Ctrl-C (SIGINT to the process group) stops everything. Second start: skips every build, reuses
 * the database; SIGTERM to the launcher alone (a process manager) stops everything too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lib/paths.ts';

const BOOTSTRAP = path.join(ROOT, 'scripts', 'bootstrap.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'gp-start-'));
const database = path.join(work, 'data.db');
const admin = { email: 'start-e2e@example.org', password: `Start-${randomBytes(9).toString('base64url')}-1aA` };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const secret = () => randomBytes(24).toString('base64');

/** Every value `npm start` would otherwise generate into .env, and where to run. */
function startEnv(cmsPort: number, webPort: number): NodeJS.ProcessEnv {
  // Nothing of the test runner's own environment that would change the app (vitest's markers, a test database).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST_|DATABASE_|GP_BOOTSTRAP)/.test(key)));
  return {
    ...inherited,
    CMS_PORT: String(cmsPort),
    WEB_PORT: String(webPort),
    DATABASE_FILENAME: database,
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    REVALIDATE_SECRET: secret(),
    PREVIEW_SECRET: secret(),
    SITE_PREVIEW_TOKEN: randomBytes(32).toString('base64url'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node scripts/bootstrap.mjs start` (what `npm start` runs), leading a process group of its own. */
function start(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [BOOTSTRAP, 'start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(started: Started, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!/^Ready in /m.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited with ${started.child.exitCode}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready within ${timeoutMs / 1000} s:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** True while any process of the group led by `pid` exists. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(pid: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

const runs: Started[] = [];

afterAll(async () => {
  // A failed check must not leave servers behind.
  for (const run of runs) if (run.child.pid && groupAlive(run.child.pid)) process.kill(-run.child.pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('npm start', () => {
  let env: NodeJS.ProcessEnv;
  let cmsUrl: string;
  let siteUrl: string;

  it('serves the CMS and the site with the demo content, and stops both on Ctrl-C', async () => {
    const [cmsPort, webPort] = [await freePort(), await freePort()];
    env = startEnv(cmsPort, webPort);
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    siteUrl = `http://127.0.0.1:${webPort}`;
    const first = start(env);
    runs.push(first);
    // Builds when stale (minutes for the admin panel on a loaded 2-core machine), seed, two boots.
    await ready(first, 20 * 60_000);
    expect(first.output()).toContain('▸ Creating the SQLite database with demo content');
    expect(existsSync(database)).toBe(true);

    expect((await fetch(`${cmsUrl}/_health`)).status).toBe(204);
    const adminPage = await fetch(`${cmsUrl}/admin`);
    expect(adminPage.status).toBe(200);
    expect(await adminPage.text()).toContain('<div id="strapi"');
    // The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD.
    const login = await fetch(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    expect(login.status).toBe(200);

    const home = await fetch(`${siteUrl}/en/`);
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    expect(homeHtml).toContain('MigraCode');
    expect(homeHtml).toContain('Portal for the recognition of foreign qualifications');
    // The demo's Spanish translation under a slug of its own: the English slug redirects to it.
    const moved = await fetch(`${siteUrl}/es/practices/portal-for-the-recognition-of-foreign-qualifications/`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(new URL(moved.headers.get('location') ?? '', siteUrl).pathname).toBe('/es/practices/portal-para-el-reconocimiento-de-cualificaciones-extranjeras/');
    expect((await fetch(`${siteUrl}/es/practices/portal-para-el-reconocimiento-de-cualificaciones-extranjeras/`)).status).toBe(200);

    // The screenshot tool, against this stack (its URLs given as to any other running site).
    const shots = path.join(work, 'shots');
    const tool = spawnSync(process.execPath, [BOOTSTRAP, 'screenshots', shots], { cwd: ROOT, env: { ...env, SITE_URL: siteUrl, CMS_URL: cmsUrl }, encoding: 'utf8', timeout: 180_000 });
    expect(tool.status, `${tool.stdout}${tool.stderr}`).toBe(0);
    expect(readdirSync(shots).sort()).toEqual(
      expect.arrayContaining(['home-ar.png', 'home-es.png', 'list-cs.png', 'tools-ar.png', 'migracode-en.png', 'migracode-ar.png', 'portal-for-the-recognition-of-foreign-qualifications-ar.png']),
    );

    // Ctrl-C in a terminal: SIGINT to the whole foreground process group.
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Stopping (SIGINT)');
    expect(await groupGone(first.child.pid!), 'a process of the first `npm start` is still running').toBe(true);
    expect(await refused(`${cmsUrl}/_health`)).toBe(true);
    expect(await refused(`${siteUrl}/`)).toBe(true);
  }, 25 * 60_000);

  it('starts again without building anything, on the same database, and stops on SIGTERM', async () => {
    expect(env, 'the first start ran').toBeDefined();
    const second = start(env);
    runs.push(second);
    await ready(second, 5 * 60_000);
    const output = second.output();
    expect(output).toContain('✓ Dependencies are up to date');
    expect(output.match(/^✓ .*: up to date$/gm)).toEqual([
      '✓ Building the good-practices plugin: up to date',
      '✓ Building the CMS and its admin panel (first time: a few minutes): up to date',
      '✓ Building the site (on-request mode): up to date',
    ]);
    expect(output).not.toMatch(/^▸ Building/m);
    expect(output).not.toContain('Creating the SQLite database');
    expect(output).toContain(`Reusing the database ${database}`);
    expect((await fetch(`${siteUrl}/en/practices/migracode/`)).status).toBe(200);

    // A process manager stops the launcher alone.
    process.kill(second.child.pid!, 'SIGTERM');
    expect(await second.exited).toBe(0);
    expect(await groupGone(second.child.pid!), 'a process of the second `npm start` is still running').toBe(true);
    expect(await refused(`${cmsUrl}/_health`)).toBe(true);
  }, 10 * 60_000);
});
