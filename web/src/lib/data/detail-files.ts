/**
 * Practice details of the static build, one JSON file each, next to (not inside) the content
 * layer's data store.
 *
 * Why: Astro keeps a collection's data store in memory several times during `astro build` (the
 * loaders' store, its serialised form, the bundled module that carries it into the prerender
 * step, the render-time copy). A practice detail is ≈ 33 KB of JSON (every answer, the framework
 * texts, the checklist), so at 2,000 practices × 5 locales the details alone made peak memory
 * grow by ≈ 0.5 MB per page. The store now holds what lists, facets and paths need (the summary,
 * the translations and this file's path); a practice page reads its detail from disk when it is
 * rendered (≈ 0.1 ms) and the memory of the build no longer grows with the answers' text.
 *
 * The files are written by the content loader from answers the CMS client has already validated
 * against the contract, so they are read back without validating again. Each build process
 * writes into its own folder under Astro's cache directory, removed when the process exits
 * (folders of processes that died without cleaning up are removed by the next build).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = 'gp-static-details';

/** True when a process with this id still runs (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of build processes that no longer run (killed builds leave theirs behind). */
function removeOrphans(root: string): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

const folders = new Set<string>();

/**
 * This process's folder for the details of `collection` under `cacheDir` (Astro's `cacheDir`),
 * emptied: a loader that runs again (dev server) starts from nothing.
 */
export function detailFolder(cacheDir: URL | string, collection: string): string {
  const root = join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), ROOT);
  const dir = join(root, `${process.pid}-${collection}`);
  if (!folders.has(dir)) {
    removeOrphans(root);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  folders.add(dir);
  cache.clear();
  return dir;
}

/** Writes one detail; `name` must be unique in the folder (e.g. the entry id's digest). Returns the file's path. */
export async function writeDetail(dir: string, name: string, value: unknown): Promise<string> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(value));
  return file;
}

/**
 * A few parsed details are kept: one practice is rendered several times in a row (its page, its
 * JSON, its fallback pages in the other locales), never all of them at once.
 */
const CACHE_SIZE = 32;
const cache = new Map<string, unknown>();

/** Reads a detail written by {@link writeDetail}. A missing file is an error naming it. */
export function readDetail<T>(file: string): T {
  const hit = cache.get(file);
  if (hit !== undefined) {
    cache.delete(file);
    cache.set(file, hit);
    return hit as T;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The practice detail ${file} written by the content loader is gone (${(error as Error).message}); build again.`, { cause: error });
  }
  const value = JSON.parse(text) as T;
  cache.set(file, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}
