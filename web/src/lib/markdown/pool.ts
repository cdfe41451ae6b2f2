/**
 * Editor Markdown for the static build, rendered on the machine's other cores.
 *
 * Why: Astro prerenders pages on one thread, and rendering + sanitizing the answers of each
 * practice is the largest part of a practice page's render, while the other cores would stand
 * idle (bench/reports/full-2000x5.md, analysis item 4). So pages await their Markdown from worker
 * threads, and Astro renders several pages at a time (build.concurrency in astro.config.mjs):
 * one page's Markdown is rendered while the main thread renders others.
 *
 * The same renderer (renderer.ts) runs in the workers, so the HTML is byte for byte what
 * renderMarkdown returns; its cache is consulted first and filled with the results. Requests of
 * the same tick go to a worker as one message. Outside the static build (dev server, on request),
 * and if a worker cannot start or fails, Markdown is rendered in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cachedMarkdown, rememberMarkdown, renderMarkdown, renderUncached } from './renderer';
import type { MarkdownBatch, MarkdownResult } from './worker';

interface Pending {
  items: [string, number][];
  resolve: (html: string[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Batches sent and not answered, by id. */
  inFlight: Map<number, Pending>;
}

/**
 * Set by astro.config.mjs in static builds only: where worker.ts is on disk. Read as a member of
 * Vite's env object, never with optional chaining: Astro's env plugin takes any other use of the
 * env object in a file (even in a comment) as a use of the whole object and inlines it, with
 * every environment variable whose name appears in the file (`_`, the command that started the
 * build, appears in all of them): the defined value was never used, and the module's code (and so
 * every page's cache key in an incremental build) changed with the command that started a build.
 */
const WORKER_FILE: string | undefined = import.meta.env.GP_MARKDOWN_WORKER || undefined;

/** Cores below which no worker is started (see startWorkers). */
export const MIN_CORES_FOR_WORKERS = 4;

let workers: PoolWorker[] | null | undefined;
let nextWorker = 0;
let nextId = 0;
/** Requests of the current tick: `items[i]` is answered through `waiters[i]`. */
let queued: { items: [string, number][]; waiters: { resolve: (html: string) => void; reject: (error: Error) => void }[] } | null = null;

function startWorkers(): PoolWorker[] | null {
  if (!WORKER_FILE) return null;
  // One thread stays for Astro, and no more workers than the other cores can run. On two cores
  // a worker only competes with Astro's thread (and the CMS, when it runs on the machine): the
  // 2,000 × 5 build rendered in 59 s with one against 50-54 s without, so below four cores the
  // Markdown is rendered here.
  if (availableParallelism() < MIN_CORES_FOR_WORKERS) return null;
  const count = Math.min(4, availableParallelism() - 1);
  try {
    return Array.from({ length: count }, () => {
      const poolWorker: PoolWorker = { worker: new Worker(WORKER_FILE), inFlight: new Map() };
      poolWorker.worker.unref();
      poolWorker.worker.on('message', (result: MarkdownResult) => settle(poolWorker, result));
      poolWorker.worker.on('error', (error) => fail(poolWorker, error));
      poolWorker.worker.on('exit', (code) => fail(poolWorker, new Error(`Markdown worker exited with code ${code}`)));
      return poolWorker;
    });
  } catch {
    return null;
  }
}

function settle(poolWorker: PoolWorker, result: MarkdownResult): void {
  const pending = poolWorker.inFlight.get(result.id);
  if (!pending) return;
  poolWorker.inFlight.delete(result.id);
  // An idle worker must not keep the build process alive.
  if (poolWorker.inFlight.size === 0) poolWorker.worker.unref();
  if ('error' in result) pending.reject(new Error(result.error));
  else pending.resolve(result.html);
}

/** A worker that died: its batches are rendered here, and the pool is not used again. */
function fail(poolWorker: PoolWorker, error: Error): void {
  workers = null;
  const batches = [...poolWorker.inFlight.values()];
  poolWorker.inFlight.clear();
  for (const pending of batches) {
    try {
      pending.resolve(pending.items.map(([markdown, headingBase]) => renderUncached(markdown, headingBase)));
    } catch (renderError) {
      pending.reject(renderError instanceof Error ? renderError : error);
    }
  }
}

function flush(): void {
  const batch = queued;
  queued = null;
  if (!batch) return;
  const pool = workers;
  const render = (html: string[]): void => {
    batch.waiters.forEach((waiter, index) => {
      const [markdown, headingBase] = batch.items[index]!;
      rememberMarkdown(markdown, headingBase, html[index]!);
      waiter.resolve(html[index]!);
    });
  };
  const reject = (error: Error): void => batch.waiters.forEach((waiter) => waiter.reject(error));
  if (!pool || pool.length === 0) {
    try {
      render(batch.items.map(([markdown, headingBase]) => renderUncached(markdown, headingBase)));
    } catch (error) {
      reject(error as Error);
    }
    return;
  }
  const poolWorker = pool[nextWorker++ % pool.length]!;
  const id = nextId++;
  poolWorker.inFlight.set(id, { items: batch.items, resolve: render, reject });
  poolWorker.worker.ref();
  poolWorker.worker.postMessage({ id, items: batch.items } satisfies MarkdownBatch);
}

/** Workers running (0 outside the static build or after a worker failed). */
export function markdownWorkers(): number {
  return workers?.length ?? 0;
}

/**
 * renderMarkdown, from a worker in the static build: the same HTML (empty string for null or
 * blank input), a promise only when it is not cached yet.
 */
export function renderMarkdownAsync(markdown: string | null | undefined, headingBase = 2): string | Promise<string> {
  if (!markdown || markdown.trim() === '') return '';
  const hit = cachedMarkdown(markdown, headingBase);
  if (hit !== undefined) return hit;
  if (workers === undefined) workers = startWorkers();
  if (!workers) return renderMarkdown(markdown, headingBase);
  return new Promise<string>((resolve, reject) => {
    if (!queued) {
      queued = { items: [], waiters: [] };
      setImmediate(flush);
    }
    queued.waiters.push({ resolve, reject });
    queued.items.push([markdown, headingBase]);
  });
}
