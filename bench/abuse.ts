/**
 * Memory under abusive request bodies (issue 12, "no request exhausts memory"): boots the CMS
 * and the on-request site as the bench does (bench/lib/cms.ts, bench/lib/site.ts), then
 *
 *   1. sends oversized bodies (default 600 × 900 KB, JSON with the huge value in the e-mail /
 *      identifier field) round-robin to the unauthenticated auth routes of the admin and of the
 *      users-permissions API, 8 at a time, and reports the CMS's resident memory before, at its
 *      peak (/proc poll every 100 ms) and after;
 *   2. streams one chunked body (default 200 MB, generated on the fly, never held by the client)
 *      to the site's POST /api/revalidate and reports the site's resident memory the same way,
 *      plus how much the client could send before the site answered.
 *
 *   node bench/abuse.ts [--requests 600] [--body-kb 900] [--webhook-mb 200] [--json FILE]
 *
 * Traffic goes to 127.0.0.1 only. Figures, not assertions: the tests assert the status codes.
 * Logs and the scratch build go to bench/out/ (git-ignored).
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { note, step } from '../scripts/lib/progress.ts';
import { startCms } from './lib/cms.ts';
import { describeCode } from './lib/machine.ts';
import { freePort, treeRss } from './lib/proc.ts';
import { buildServerSite, startServerSite } from './lib/site.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');

interface Options {
  requests: number;
  bodyKb: number;
  webhookMb: number;
  json: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { requests: 600, bodyKb: 900, webhookMb: 200, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const positive = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer`);
      i++;
      return n;
    };
    if (flag === '--requests') options.requests = positive();
    else if (flag === '--body-kb') options.bodyKb = positive();
    else if (flag === '--webhook-mb') options.webhookMb = positive();
    else if (flag === '--json' && value) {
      options.json = path.resolve(value);
      i++;
    } else throw new Error(`unknown argument ${flag}\nusage: node bench/abuse.ts [--requests N] [--body-kb N] [--webhook-mb N] [--json FILE]`);
  }
  return options;
}

const MB = 1024 ** 2;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;

/** Highest RSS of a process tree while `during` runs (poll every 100 ms). */
async function peakDuring<T>(pid: number, during: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, 100);
  try {
    const result = await during();
    return { result, peak: Math.max(peak, treeRss(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** The auth routes anyone can call, each with the field its rate limiter keys on. */
const AUTH_ROUTES: { path: string; field: string }[] = [
  { path: '/admin/login', field: 'email' },
  { path: '/admin/forgot-password', field: 'email' },
  { path: '/admin/register-admin', field: 'email' },
  { path: '/api/auth/local', field: 'identifier' },
  { path: '/api/auth/forgot-password', field: 'email' },
  { path: '/api/auth/local/register', field: 'email' },
];

/** One oversized JSON body per route: a distinct huge e-mail each time (distinct limiter keys). */
function oversizedBody(field: string, bytes: number, n: number): Buffer {
  const local = `${n}-`.padEnd(Math.max(1, bytes - 80), 'a');
  return Buffer.from(JSON.stringify({ [field]: `${local}@example.org`, password: 'not-the-password', username: `u${n}` }));
}

async function sendAuthAbuse(baseUrl: string, requests: number, bodyBytes: number): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const n = next++;
      const route = AUTH_ROUTES[n % AUTH_ROUTES.length]!;
      let key: string;
      try {
        const response = await fetch(`${baseUrl}${route.path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: oversizedBody(route.field, bodyBytes, n),
        });
        await response.arrayBuffer();
        key = `${route.path} ${response.status}`;
      } catch (error) {
        // A server that answers before reading the body may close the connection under the client.
        key = `${route.path} ${(error as Error & { cause?: { code?: string } }).cause?.code ?? 'network error'}`;
      }
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 8 }, () => worker()));
  return statuses;
}

interface ChunkedOutcome {
  status: number | string;
  sentBytes: number;
  seconds: number;
}

/** Streams `totalBytes` of JSON whitespace, chunked, honouring back-pressure; stops when answered. */
function streamChunked(url: string, totalBytes: number, headers: Record<string, string>): Promise<ChunkedOutcome> {
  const started = performance.now();
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    let settled = false;
    const finish = (status: number | string): void => {
      if (settled) return;
      settled = true;
      resolve({ status, sentBytes: sent, seconds: (performance.now() - started) / 1000 });
    };
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...headers } });
    req.on('response', (response) => {
      answered = true;
      response.resume();
      response.on('end', () => {
        finish(response.statusCode ?? 0);
        req.destroy();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(answered ? 'answered' : (error.code ?? error.message)));
    const pump = (): void => {
      while (!answered && sent < totalBytes) {
        const piece = totalBytes - sent >= chunk.length ? chunk : chunk.subarray(0, totalBytes - sent);
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.write('{"model":"practice","pad":"');
    pump();
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const code = describeCode(ROOT);
  const out = path.join(BENCH_DIR, 'out', `abuse-${Date.now()}-${process.pid}`);
  mkdirSync(out, { recursive: true });
  note(`abuse run on ${JSON.stringify(code)}; logs in ${path.relative(ROOT, out)}`);
  const secret = randomBytes(24).toString('hex');
  const results: Record<string, unknown> = { code, options };

  const cms = await step('CMS (SQLite, 4 practices × 2 locales)', () =>
    startCms({ database: 'sqlite', generate: { practices: 4, locales: 2, seed: 1 }, env: {}, logFile: path.join(out, 'cms.log') }),
  );
  try {
    const before = treeRss(cms.pid);
    const { result: statuses, peak } = await step(`${options.requests} auth requests of ${options.bodyKb} KB`, () =>
      peakDuring(cms.pid, () => sendAuthAbuse(cms.url, options.requests, options.bodyKb * 1024)),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = treeRss(cms.pid);
    results.cms = { rssBeforeMB: before / MB, rssPeakMB: peak / MB, rssAfterMB: after / MB, growthMB: (after - before) / MB, statuses: Object.fromEntries(statuses) };
    note(`CMS RSS: before ${mb(before)}, peak ${mb(peak)}, after ${mb(after)} (growth ${mb(after - before)})`);
    for (const [key, count] of [...statuses].sort()) note(`  ${key}: ${count}`);

    const siteOut = path.join(out, 'site-server');
    await step('Building the on-request site into the scratch folder', () => buildServerSite(siteOut, path.join(out, 'site-build.log')));
    const port = await freePort();
    const site = await step(`Starting the on-request site on port ${port}`, () =>
      startServerSite({ outDir: siteOut, port, cmsUrl: cms.url, secret, logFile: path.join(out, 'site.log') }),
    );
    try {
      const siteBefore = treeRss(site.pid);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const { result: outcome, peak: sitePeak } = await step(`${options.webhookMb} MB chunked body to POST /api/revalidate`, () =>
        peakDuring(site.pid, () =>
          streamChunked(`${site.url}/api/revalidate`, options.webhookMb * MB, { 'x-gp-timestamp': timestamp, 'x-gp-signature': `sha256=${'0'.repeat(64)}` }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const siteAfter = treeRss(site.pid);
      results.site = {
        rssBeforeMB: siteBefore / MB,
        rssPeakMB: sitePeak / MB,
        rssAfterMB: siteAfter / MB,
        growthMB: (siteAfter - siteBefore) / MB,
        status: outcome.status,
        sentMB: outcome.sentBytes / MB,
        seconds: outcome.seconds,
      };
      note(`site RSS: before ${mb(siteBefore)}, peak ${mb(sitePeak)}, after ${mb(siteAfter)} (growth ${mb(siteAfter - siteBefore)})`);
      note(`  answer ${outcome.status} after ${mb(outcome.sentBytes)} sent of ${options.webhookMb} MB, ${outcome.seconds.toFixed(1)} s`);
    } finally {
      await site.stop();
    }
  } finally {
    await cms.stop();
    rmSync(path.join(out, 'site-server'), { recursive: true, force: true });
  }
  if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
