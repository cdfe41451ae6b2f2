/**
 * Builds and serves the site for the integration tests: `astro build` in a child process (each
 * mode is its own build), a tiny static file server for static output, and the @astrojs/node
 * standalone server for server output. Ports are picked free on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUnlessFresh } from '../../../scripts/lib/freshness.ts';
import { withBuildLock } from './build-lock.ts';
import { parseRedirectsFile } from '../../src/lib/static-redirects.ts';

export const webRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = join(dirname(createRequire(join(webRoot, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');

export interface BuildResult {
  code: number | null;
  output: string;
}

export function astroBuild(outDir: string, env: Record<string, string>): Promise<BuildResult> {
  return astroCommand(['build', '--outDir', outDir], env);
}

/** Any `astro` command in web/ (`sync`, `check`, `build`), its output and exit code. */
export function astroCommand(args: string[], env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astroBin, ...args], {
      cwd: webRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  // Module scripts (the static list's search, Pagefind's API, the self-assessment's) are refused under another type.
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a static build like a plain static host: directory index.html, 404.html for misses;
 * `headers` on every answer (a host applying the build's `_headers`); the 200 rewrites of the
 * build's `_redirects` applied, as Netlify and Cloudflare Pages do, to paths no file answers.
 */
export async function serveStatic(dir: string, port = 0, headers: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const redirects = join(dir, '_redirects');
  const rewrites = existsSync(redirects) ? parseRedirectsFile(readFileSync(redirects, 'utf8')) : [];
  const fileOf = (path: string): string | null => {
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : null;
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rewrite = rewrites.find((rule) => path.startsWith(rule.from));
    const file = fileOf(path) ?? (rewrite ? fileOf(rewrite.to) : null);
    const status = file ? 200 : 404;
    res.writeHead(status, { ...headers, 'content-type': TYPES[extname(file ?? '404.html')] ?? 'application/octet-stream' });
    createReadStream(file ?? join(dir, '404.html')).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts the built @astrojs/node standalone server and waits until it answers. */
export async function serveServer(
  outDir: string,
  env: Record<string, string>,
  port: number,
): Promise<{ url: string; pid: number; log: () => string; close(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    cwd: webRoot,
    // SITE_URL: the origin it is served on, unless the test says otherwise (the build has none).
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a start takes a second or two, unless builds and other servers hold the cores.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${url}/robots.txt`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`site server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    pid: child.pid!,
    log: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The on-request (server) build the test files serve, one per state of the site's sources,
 * shared by every file of a run and by later runs. A server build holds no content: it reads
 * CMS_URL, SITE_URL and its secrets when it runs (serveServer passes them), so each file used to
 * build the same thing again, 20-30 s of the two cores per file. Under web/ (it imports its
 * dependencies at run time), apart from `npm start`'s web/dist-server.
 */
export const SHARED_SERVER_OUT = join(webRoot, '.tmp', 'test-server-build');

const SITE_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json'].map((name) => join(webRoot, name));

/** Builds SHARED_SERVER_OUT unless it is current; resolves like astroBuild (a failed build is rebuilt next time). */
export function sharedServerBuild(): Promise<BuildResult> {
  const contract = join(webRoot, '..', 'cms', 'src', 'plugins', 'good-practices', 'contract');
  const lockfile = join(webRoot, '..', 'package-lock.json');
  return withBuildLock('web-server-test-build', async () => {
    let result: BuildResult = { code: 0, output: '' };
    await buildUnlessFresh('web-server-tests', [...SITE_INPUTS, contract, lockfile], [join(SHARED_SERVER_OUT, 'server', 'entry.mjs')], async () => {
      // No SITE_URL: the build's `site` is a default that serveServer's SITE_URL overrides.
      result = await astroBuild(SHARED_SERVER_OUT, { SITE_MODE: 'server', SITE_URL: '' });
      if (result.code !== 0) throw new Error(`server build failed:\n${result.output}`);
    }).catch((error: Error) => {
      if (result.code === 0) throw error;
    });
    return result;
  });
}
