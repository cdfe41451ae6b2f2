/**
 * The bench's handle on a CMS worker process (bench/cms-worker.ts): start it on a fresh
 * database with generated data, ask it to count queries or publish a change, stop it.
 * The worker's own output (Strapi's boot log) goes to a log file, progress lines to the console.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GenerateResult } from '../generate.ts';
import { postgresUrl } from './postgres.ts';
import { cmsNodeFlags } from '../../scripts/lib/cms-memory.ts';
import type { PublishTiming, QueryCount, WorkerCommand, WorkerStart } from '../cms-worker.ts';

/**
 * CACHE_WARM_UP as the CMS is deployed (cms/config/plugins.ts's default): the read models are
 * built again 500 ms after a write. The test harness turns it off; the measured CMS turns it on.
 */
export const CMS_WARM_UP = '500';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cms-worker.ts');

export interface CmsReady {
  url: string;
  databaseName: string;
  databaseVersion: string;
  bootSeconds: number;
  generation: GenerateResult;
}

export interface CmsWorker extends CmsReady {
  database: 'sqlite' | 'postgres';
  pid: number;
  count(paths: string[]): Promise<QueryCount[]>;
  publish(change: { documentId: string; locale: string; slug: string; summary: string; webhook: { url: string; secret: string } | null }): Promise<PublishTiming>;
  stop(): Promise<void>;
  /** Resident set size of the CMS process, bytes. */
  rss(): Promise<number>;
  /** Sets the CMS's CACHE_WARM_UP from now on: "off", or milliseconds after a write. */
  warmUp(setting: string): Promise<void>;
  /** CPU profile of the CMS process while `during` runs, written to `file`. */
  profile<T>(file: string, during: () => Promise<T>): Promise<T>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

// Commands without their id (the handle numbers them); distributive over the union.
type WithoutId<C> = C extends WorkerCommand ? Omit<C, 'id'> : never;
type CommandOf = WithoutId<WorkerCommand>;

export async function startCms(options: {
  database: 'sqlite' | 'postgres';
  generate: WorkerStart['generate'];
  env?: Record<string, string>;
  logFile: string;
  keepDatabase?: boolean;
  /** Start on a database an earlier worker generated and kept, without generating (see WorkerStart). */
  reuse?: WorkerStart['reuse'];
  onProgress?: (line: string) => void;
}): Promise<CmsWorker> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  // The harness creates the PostgreSQL database through TEST_DATABASE_URL before the CMS loads.
  const env = options.database === 'postgres' ? { ...process.env, TEST_DATABASE_URL: postgresUrl() } : { ...process.env };
  // The CMS's own heap limits (scripts/lib/cms-memory.ts): the bench measures the CMS as it is run.
  const child: ChildProcess = fork(WORKER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env, execArgv: [...process.execArgv, ...cmsNodeFlags(process.env)] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited = false;

  const ready = new Promise<CmsReady>((resolve, reject) => {
    child.on('message', (message: { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string; line?: string } & Partial<CmsReady>) => {
      if (message.type === 'progress' && message.line) options.onProgress?.(message.line);
      else if (message.type === 'ready') resolve(message as CmsReady);
      else if (message.type === 'failed') reject(new Error(`the CMS worker failed (log: ${options.logFile}):\n${message.error}`));
      else if (typeof message.id === 'number') {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.error ?? 'worker command failed'));
      }
    });
    child.on('exit', (code, signal) => {
      exited = true;
      const error = new Error(`the CMS worker exited (${code ?? signal}); log: ${options.logFile}`);
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      log.end();
    });
  });

  const call = <T>(command: CommandOf): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error('the CMS worker is not running'));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...command, id });
    });

  const start: WorkerStart = {
    type: 'start',
    database: options.database,
    generate: options.generate,
    env: options.env ?? {},
    keepDatabase: options.keepDatabase ?? false,
    ...(options.reuse ? { reuse: options.reuse } : {}),
  };
  child.send(start);
  let readyInfo: CmsReady;
  try {
    readyInfo = await ready;
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    throw error;
  }

  return {
    ...readyInfo,
    database: options.database,
    pid: child.pid ?? 0,
    count: (paths) => call<QueryCount[]>({ cmd: 'count', paths }),
    publish: (change) => call<PublishTiming>({ cmd: 'publish', ...change }),
    rss: async () => (await call<NodeJS.MemoryUsage>({ cmd: 'memory' })).rss,
    warmUp: async (setting) => {
      await call({ cmd: 'warm-up', setting });
    },
    async profile(file, during) {
      await call({ cmd: 'profile-start' });
      try {
        return await during();
      } finally {
        await call({ cmd: 'profile-stop', file });
      }
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      try {
        await call({ cmd: 'stop' });
      } catch {
        child.kill('SIGKILL');
      }
      await gone;
      clearTimeout(timer);
    },
  };
}
