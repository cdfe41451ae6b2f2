/**
 * The site in on-request mode (SITE_MODE=server, @astrojs/node standalone), built into the
 * bench's own scratch folder so that a run never disturbs web/dist-server, which other work
 * (npm start, the web tests) uses. The bundle imports some packages at run time; a
 * `node_modules` link to web/node_modules lets it resolve them exactly as from web/dist-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ASTRO_BIN, WEB_DIR } from './static-build.ts';
import { runMeasured } from './proc.ts';
import { stopChild, waitForUrl } from './proc.ts';

export async function buildServerSite(outDir: string, logFile: string): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await runMeasured(process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir], {
    cwd: WEB_DIR,
    env: { ...process.env, SITE_MODE: 'server', ASTRO_TELEMETRY_DISABLED: '1' },
    logFile,
  });
  if (result.code !== 0) throw new Error(`the on-request build failed (exit ${result.code}); log: ${logFile}`);
  const link = path.join(outDir, 'node_modules');
  if (!existsSync(link)) symlinkSync(path.join(WEB_DIR, 'node_modules'), link, 'dir');
  return result.wallSeconds;
}

export interface RunningSite {
  url: string;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

const EXIT_ON_SIGNAL = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exit-on-signal.mjs');

export async function startServerSite(options: {
  outDir: string;
  port: number;
  cmsUrl: string;
  secret: string;
  logFile: string;
  cpuProfileDir?: string;
  /** The route cache's page count (`ROUTE_CACHE_PAGES`); the site's default when absent. */
  routeCachePages?: number;
  /** More environment (e.g. REDIS_URL for several instances). */
  env?: Record<string, string>;
}): Promise<RunningSite> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const profiling = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--import', pathToFileURL(EXIT_ON_SIGNAL).href] : [];
  const child = spawn(process.execPath, [...profiling, path.join(options.outDir, 'server', 'entry.mjs')], {
    cwd: WEB_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      CMS_URL: options.cmsUrl,
      SITE_URL: `http://127.0.0.1:${options.port}`,
      REVALIDATE_SECRET: options.secret,
      NODE_ENV: 'production',
      ...(options.routeCachePages ? { ROUTE_CACHE_PAGES: String(options.routeCachePages) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.on('exit', () => log.end());
  const url = `http://127.0.0.1:${options.port}`;
  await waitForUrl(`${url}/robots.txt`, 30_000, child);
  return { url, pid: child.pid ?? 0, process: child, stop: () => stopChild(child) };
}

/** A page of the site as the bench reads it: status, headers and body (redirects not followed). */
export async function fetchPage(url: string): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  const response = await fetch(url, { redirect: 'manual' });
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}
