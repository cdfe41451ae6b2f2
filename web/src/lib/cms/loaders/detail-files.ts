/**
 * Practice details of the static build, in files next to (not inside) the content layer's data
 * store: one file per bulk page, one JSON line per practice.
 *
 * Why: Astro keeps a collection's data store in memory several times during `astro build` (the
 * loaders' store, its serialised form, the bundled module that carries it into the prerender
 * step, the render-time copy). A practice detail is ≈ 33 KB of JSON (every answer, the framework
 * texts, the checklist): in the store, the details would make the build's peak memory grow with
 * the answers' text, page after page (bench/reports/before-fixes/full-2000x5.md, analysis item
 * 7). The store holds what lists, facets and paths need (the summary, the translations and where
 * its detail is); a practice page reads its detail from disk when it is rendered (≈ 0.1 ms).
 *
 * The files are written by the content loader from answers the CMS client has already validated
 * against the contract, so they are read back without validating again. Each build process
 * writes into its own folder under Astro's cache directory, removed when the process exits
 * (folders of processes that died without cleaning up are removed by the next build).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
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
  for (const [file, fd] of descriptors) {
    if (!file.startsWith(dir)) continue;
    closeSync(fd);
    descriptors.delete(file);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  folders.add(dir);
  cache.clear();
  return dir;
}

/** Where one detail is: a byte range of a file written by {@link writeDetails}. */
export interface DetailRef {
  file: string;
  offset: number;
  length: number;
}

/**
 * Writes the details of one bulk page into one file (a few files per build rather than one per
 * practice: creating, opening and removing thousands of small files would be a visible part of the
 * build's time) and returns where each one is. `name` must be unique in the folder.
 */
export async function writeDetails(dir: string, name: string, values: readonly unknown[]): Promise<DetailRef[]> {
  const file = join(dir, `${name}.jsonl`);
  const chunks = values.map((value) => Buffer.from(`${JSON.stringify(value)}\n`));
  const refs: DetailRef[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    refs.push({ file, offset, length: chunk.length - 1 });
    offset += chunk.length;
  }
  await writeFile(file, Buffer.concat(chunks));
  return refs;
}

/**
 * A few parsed details are kept: one practice is rendered several times in a row (its page, its
 * JSON, its fallback pages in the other locales), never all of them at once.
 */
const CACHE_SIZE = 32;
const cache = new Map<string, unknown>();
/** Open files of this process's folders, closed when the process exits. */
const descriptors = new Map<string, number>();
process.once('exit', () => {
  for (const fd of descriptors.values()) closeSync(fd);
});

function descriptorOf(file: string): number {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    fd = openSync(file, 'r');
    descriptors.set(file, fd);
  }
  return fd;
}

/** Reads a detail written by {@link writeDetails}. A missing or short file is an error naming it. */
export function readDetail<T>(ref: DetailRef): T {
  const key = `${ref.file}:${ref.offset}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit as T;
  }
  const buffer = Buffer.allocUnsafe(ref.length);
  let read: number;
  try {
    read = readSync(descriptorOf(ref.file), buffer, 0, ref.length, ref.offset);
  } catch (error) {
    throw new Error(`The practice details ${ref.file} written by the content loader are gone (${(error as Error).message}); build again.`, { cause: error });
  }
  if (read !== ref.length) throw new Error(`The practice details ${ref.file} written by the content loader are shorter than expected; build again.`);
  const value = JSON.parse(buffer.toString('utf8')) as T;
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}
