/**
 * Several on-request site instances (issue 17.1, 17.4): three sites sharing one Redis, a change
 * published once and polled on every instance until each shows it (the webhook reaches one
 * instance, as through the proxy; the others hear of it on Redis), and the throughput of two
 * sites behind a round-robin proxy against one behind the same proxy, in interleaved rounds.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { note } from '../../scripts/lib/progress.ts';
import type { BenchOptions } from '../command-line.ts';
import type { PracticeTarget } from '../generate.ts';
import type { CmsWorker } from '../lib/cms.ts';
import { formatNumber, type FigureSet } from '../lib/figures.ts';
import { runRound, summarise, type LoadResult, type RoundResult } from '../lib/load.ts';
import { freePort, stopChild, waitForIdle, waitForUrl } from '../lib/proc.ts';
import { fetchPage, startServerSite, type RunningSite } from '../lib/site.ts';
import { publishAndWatch } from './publish.ts';
import { median } from '../lib/stats.ts';

const PROXY = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'round-robin-proxy.ts');
export const REDIS_URL = 'redis://127.0.0.1:6379';
const INSTANCES = 3;

export interface InstancesDetails {
  publish: { perInstanceMs: number[]; slowestMs: number }[];
  proxy: { one: LoadResult; two: LoadResult; ratios: number[] };
}

/** Whether the Redis of the development machines answers PING (the figures need it). */
export function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) || 6379 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function startProxy(upstreams: readonly string[], logFile: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [PROXY, String(port), ...upstreams], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/robots.txt`, 10_000, child);
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
}

export async function measureInstances(
  cms: CmsWorker,
  options: { outDir: string; firstPort: number; secret: string; notifier: boolean; logs: string; routeCachePages?: number },
  targets: readonly PracticeTarget[],
  bench: BenchOptions,
  figures: FigureSet,
): Promise<InstancesDetails> {
  const prefix = `gp-bench-${randomBytes(4).toString('hex')}:`;
  const sites: RunningSite[] = [];
  try {
    for (let index = 0; index < INSTANCES; index += 1) {
      // The first listens where the CMS's notifier sends its webhook (SITE_REVALIDATE_URL).
      const port = index === 0 ? options.firstPort : await freePort();
      sites.push(
        await startServerSite({
          outDir: options.outDir,
          port,
          cmsUrl: cms.url,
          secret: options.secret,
          logFile: path.join(options.logs, `site-instance-${index + 1}.log`),
          routeCachePages: options.routeCachePages,
          env: { REDIS_URL, REDIS_PREFIX: prefix },
        }),
      );
    }
    const pids = [cms.pid, ...sites.map((site) => site.pid)];

    // Publish to visible on every instance.
    const publish: InstancesDetails['publish'] = [];
    for (let rep = 0; rep < bench.publishReps; rep += 1) {
      const target = targets[(rep * 7 + 3) % targets.length]!;
      await waitForIdle(pids);
      const webhook = options.notifier ? null : { url: `${sites[0]!.url}/api/revalidate`, secret: options.secret };
      const perInstanceMs = (await publishAndWatch(cms, target, sites.map((site) => site.url), webhook, 'several instances')).visibleMs;
      publish.push({ perInstanceMs, slowestMs: Math.max(...perInstanceMs) });
      note(`publish ${rep + 1}/${bench.publishReps}: visible on the ${INSTANCES} instances after ${perInstanceMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    }
    const section = 'Several site instances';
    figures.add(
      section,
      'instances.publish.visibleMs',
      `Publish to visible on every one of ${INSTANCES} instances sharing Redis (median of the slowest instance)`,
      median(publish.map((sample) => sample.slowestMs)),
      'ms',
      `${publish.length} changes; the webhook reached instance 1 (${options.notifier ? 'sent by the plugin' : 'sent by the bench, as the CMS would'}), the others heard of it on Redis; per instance (medians): ${sites
        .map((_, index) => `${formatNumber(median(publish.map((sample) => sample.perInstanceMs[index]!)))} ms`)
        .join(', ')}`,
    );
    figures.add(section, 'instances.publish.maxMs', 'Publish to visible on every instance, slowest change', Math.max(...publish.map((sample) => sample.slowestMs)), 'ms');

    // Two instances behind the proxy against one, the same cached practice page.
    const target = targets[Math.floor(targets.length / 2)]!;
    const pagePath = `/${target.locale}/practices/${target.slug}/`;
    for (const site of sites) await fetchPage(`${site.url}${pagePath}`);
    const one = await startProxy([sites[0]!.url], path.join(options.logs, 'proxy-one.log'));
    const two = await startProxy([sites[0]!.url, sites[1]!.url], path.join(options.logs, 'proxy-two.log'));
    const rounds = { one: [] as RoundResult[], two: [] as RoundResult[] };
    try {
      const settle = [...pids, one.pid, two.pid];
      const connections = bench.siteConnections;
      await runRound({ origin: one.url, path: pagePath, connections, duration: 1, settle });
      await runRound({ origin: two.url, path: pagePath, connections, duration: 1, settle });
      for (let round = 0; round < bench.rounds; round += 1) {
        rounds.one.push(await runRound({ origin: one.url, path: pagePath, connections, duration: bench.duration, settle }));
        rounds.two.push(await runRound({ origin: two.url, path: pagePath, connections, duration: bench.duration, settle }));
        note(`round ${round + 1}/${bench.rounds}: one instance ${formatNumber(rounds.one.at(-1)!.requestsPerSecond)} req/s, two ${formatNumber(rounds.two.at(-1)!.requestsPerSecond)} req/s`);
      }
    } finally {
      await one.stop();
      await two.stop();
    }
    const ratios = rounds.one.map((round, index) => rounds.two[index]!.requestsPerSecond / round.requestsPerSecond);
    const summary = { one: summarise(rounds.one), two: summarise(rounds.two), ratios };
    const failures = summary.one.failures + summary.two.failures;
    figures.add(section, 'instances.proxy.oneRps', 'One instance behind the proxy: cached practice page, requests/s', summary.one.requestsPerSecond, 'req/s', failures > 0 ? `${failures} failed responses` : undefined);
    figures.add(section, 'instances.proxy.twoRps', 'Two instances behind the proxy: requests/s', summary.two.requestsPerSecond, 'req/s');
    figures.add(
      section,
      'instances.proxy.ratio',
      'Two instances / one behind the same proxy (median of the rounds\' ratios)',
      median(ratios),
      'ratio',
      `rounds: ${ratios.map((ratio) => formatNumber(ratio, 'ratio')).join(', ')}; proxy, instances and load generator share the machine's ${String((await import('node:os')).availableParallelism())} cores`,
    );
    return { publish, proxy: summary };
  } finally {
    for (const site of sites) await site.stop().catch(() => undefined);
  }
}
