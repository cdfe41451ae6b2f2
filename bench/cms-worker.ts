/**
 * The CMS under benchmark, in its own process (so the load generator never shares its event
 * loop): boots the compiled CMS through the harness (cms/tests/harness/strapi.ts) on a fresh
 * database, fills it with bench/generate.ts, then answers commands from the bench over IPC:
 *
 *   count    SQL queries of each given request path (knex `query` events on strapi.db.connection)
 *   publish  Document Service update + publish of a practice's summary, then (unless the plugin
 *            notifies the site itself through SITE_REVALIDATE_URL) the signed revalidation webhook
 *            to the site, as the CMS sends it (the plugin's contract/revalidation-webhook.ts)
 *   stop     destroy Strapi (and drop the database unless kept)
 *
 * Started by bench/lib/cms.ts; not meant to be run by hand.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { waitForQuiet } from '../cms/tests/harness/quiet.ts';
import path from 'node:path';
import { CMS_DIR, startStrapi, type RunningStrapi } from '../cms/tests/harness/strapi.ts';
import { generate, UID, type GenerateOptions, type GenerateResult } from './generate.ts';
import { revalidationSignature } from './lib/contract.ts';

export interface WorkerStart {
  type: 'start';
  database: 'sqlite' | 'postgres';
  generate: Omit<GenerateOptions, 'log'>;
  env: Record<string, string>;
  keepDatabase: boolean;
  /** Start on a database an earlier worker generated (and kept) instead of generating: its name and what was generated. */
  reuse?: { databaseName: string; generation: GenerateResult };
}

export type WorkerCommand =
  | { id: number; cmd: 'count'; paths: string[] }
  | { id: number; cmd: 'publish'; documentId: string; locale: string; slug: string; summary: string; webhook: { url: string; secret: string } | null }
  | { id: number; cmd: 'memory' }
  /** The plugin's CACHE_WARM_UP setting from now on ("off" or milliseconds), as a restart with it would set. */
  | { id: number; cmd: 'warm-up'; setting: string }
  | { id: number; cmd: 'profile-start' }
  | { id: number; cmd: 'profile-stop'; file: string }
  | { id: number; cmd: 'stop' };

export interface QueryCount {
  path: string;
  status: number;
  queries: number;
  /** Milliseconds from sending the request to its end. */
  ms: number;
  /** The slowest SQL statements of the request (database time as knex sees it). */
  slowest: { sql: string; ms: number }[];
}

export interface PublishTiming {
  updateMs: number;
  publishMs: number;
  webhookMs: number;
  webhookStatus: number | null;
}

interface KnexQuery {
  sql: string;
  __knexQueryUid?: string;
}
interface QueryEmitter {
  on(event: 'query' | 'query-response' | 'query-error', listener: (...args: never[]) => void): void;
  off(event: 'query' | 'query-response' | 'query-error', listener: (...args: never[]) => void): void;
}

let app: RunningStrapi | undefined;
let profiler: Session | undefined;

function send(message: unknown): void {
  process.send?.(message);
}

async function countQueries(running: RunningStrapi, paths: readonly string[]): Promise<QueryCount[]> {
  const connection = running.strapi.db.connection as unknown as QueryEmitter;
  const counts: QueryCount[] = [];
  await waitForQuiet(running.strapi);
  for (const path of paths) {
    let queries = 0;
    const started = new Map<string, { sql: string; at: number }>();
    const timings: { sql: string; ms: number }[] = [];
    const onQuery = (query: KnexQuery): void => {
      queries += 1;
      if (query.__knexQueryUid) started.set(query.__knexQueryUid, { sql: query.sql, at: performance.now() });
    };
    const onResponse = (_response: unknown, query: KnexQuery): void => {
      const start = query.__knexQueryUid ? started.get(query.__knexQueryUid) : undefined;
      if (start) timings.push({ sql: start.sql, ms: performance.now() - start.at });
    };
    connection.on('query', onQuery);
    connection.on('query-response', onResponse);
    let status = 0;
    const sent = performance.now();
    try {
      const response = await fetch(`${running.url}${path}`);
      await response.arrayBuffer();
      status = response.status;
    } finally {
      connection.off('query', onQuery);
      connection.off('query-response', onResponse);
    }
    const slowest = timings
      .filter((timing) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(timing.sql))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((timing) => ({ sql: timing.sql.length > 400 ? `${timing.sql.slice(0, 400)}…` : timing.sql, ms: timing.ms }));
    counts.push({ path, status, queries, ms: performance.now() - sent, slowest });
  }
  return counts;
}

interface LooseDocuments {
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
}

async function publishChange(running: RunningStrapi, command: Extract<WorkerCommand, { cmd: 'publish' }>): Promise<PublishTiming> {
  const practices = running.strapi.documents(UID.practice as 'plugin::good-practices.practice') as unknown as LooseDocuments;
  const t0 = performance.now();
  await practices.update({ documentId: command.documentId, locale: command.locale, data: { summary: command.summary } });
  const t1 = performance.now();
  await practices.publish({ documentId: command.documentId, locale: command.locale });
  const t2 = performance.now();
  let webhookStatus: number | null = null;
  if (command.webhook) {
    const body = JSON.stringify({
      event: 'entry.publish',
      model: 'practice',
      uid: UID.practice,
      entry: { documentId: command.documentId, slug: command.slug, locale: command.locale },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(command.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gp-timestamp': timestamp, 'x-gp-signature': `sha256=${revalidationSignature(command.webhook.secret, timestamp, body)}` },
      body,
    });
    await response.arrayBuffer();
    webhookStatus = response.status;
  }
  return { updateMs: t1 - t0, publishMs: t2 - t1, webhookMs: performance.now() - t2, webhookStatus };
}

async function databaseVersion(running: RunningStrapi): Promise<string> {
  const knex = running.strapi.db.connection as unknown as { raw(sql: string): Promise<unknown> };
  if (running.database === 'sqlite') {
    const rows = (await knex.raw('select sqlite_version() as version')) as { version: string }[];
    return `SQLite ${rows[0]?.version ?? '?'}`;
  }
  const result = (await knex.raw('show server_version')) as { rows: { server_version: string }[] };
  return `PostgreSQL ${result.rows[0]?.server_version ?? '?'}`;
}

/** The harness names a SQLite database by its path relative to cms/, and reports it absolute. */
function reusedName(database: 'sqlite' | 'postgres', name: string): string {
  return database === 'sqlite' && path.isAbsolute(name) ? path.relative(CMS_DIR, name) : name;
}

async function start(message: WorkerStart): Promise<void> {
  const booted = performance.now();
  app = await startStrapi({ database: message.database, env: message.env, keepDatabase: message.keepDatabase, ...(message.reuse ? { databaseName: reusedName(message.database, message.reuse.databaseName) } : {}) });
  // One log line per request would measure the logger: keep warnings and errors only.
  app.strapi.log.level = 'warn';
  const bootSeconds = (performance.now() - booted) / 1000;
  const generation =
    message.reuse?.generation ??
    (await generate(app.strapi, {
      ...message.generate,
      log: (line) => send({ type: 'progress', line }),
    }));
  send({ type: 'ready', url: app.url, databaseName: app.databaseName, databaseVersion: await databaseVersion(app), bootSeconds, generation });
}

async function handle(command: WorkerCommand): Promise<void> {
  try {
    if (!app) throw new Error('the CMS is not started');
    switch (command.cmd) {
      case 'count':
        send({ id: command.id, ok: true, value: await countQueries(app, command.paths) });
        return;
      case 'publish':
        send({ id: command.id, ok: true, value: await publishChange(app, command) });
        return;
      case 'profile-start':
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
        send({ id: command.id, ok: true, value: null });
        return;
      case 'profile-stop': {
        if (!profiler) throw new Error('no profile was started');
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = undefined;
        writeFileSync(command.file, JSON.stringify(profile));
        send({ id: command.id, ok: true, value: command.file });
        return;
      }
      case 'memory':
        send({ id: command.id, ok: true, value: process.memoryUsage() });
        return;
      case 'warm-up':
        app.strapi.config.set('plugin::good-practices.warmUp', command.setting);
        send({ id: command.id, ok: true, value: null });
        return;
      case 'stop':
        await app.stop();
        send({ id: command.id, ok: true, value: null });
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (error) {
    send({ id: command.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

process.on('message', (message: WorkerStart | WorkerCommand) => {
  if ('type' in message && message.type === 'start') {
    start(message).catch((error: unknown) => {
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      setTimeout(() => process.exit(1), 50);
    });
    return;
  }
  void handle(message as WorkerCommand);
});
process.on('disconnect', () => {
  // The bench went away: do not leave a CMS (and its database) behind.
  void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
});
