/**
 * Practice and tool details of the static build, in files next to (not inside) the content
 * layer's data store: one file per bulk page, one JSON line per detail (tools: ./tool-details.ts).
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
 * against the contract, so they are read back without validating again. They are kept between
 * builds (issue 17.5), like the data store that points into them: a build after one publish
 * fetches and writes only the details that changed (./practices-sync.ts), in a new file, and the
 * files no entry points to any more are removed. Two builds of one web/ folder must not run at
 * once (they share Astro's data store already); a detail whose file is gone is a clear error.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = 'gp-static-details';
const FACTS_SUFFIX = '.facts.json';

/** Folders of other CMSs untouched for this long are removed (a test or bench run leaves one per CMS it read). */
const UNUSED_FOLDER_MS = 24 * 60 * 60_000;

/**
 * The folder of `collection`'s detail files read from the CMS at `cms` (its origin), under
 * `cacheDir` (Astro's `cacheDir`), kept between builds. One folder per CMS: builds of one web/
 * folder against two CMSs (the tests, the bench) never remove each other's files.
 */
export function detailFolder(cacheDir: URL | string, collection: string, cms: string): string {
  const root = join(typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), ROOT);
  const dir = join(root, `${collection}-${createHash('sha1').update(cms).digest('hex').slice(0, 12)}`);
  if (existsSync(root)) {
    for (const name of readdirSync(root)) {
      const other = join(root, name);
      // The earlier layout (one folder per build process, `{pid}-{collection}`), and long unused folders.
      // This folder's facts file (lib/data/practice-facts.ts) is kept with it; another CMS's goes after a day unused, like its folder.
      if (other === dir || other === detailFactsFile(dir)) continue;
      // A facts file is as old as its folder (touched by every build that uses it; the tools'
      // and the practices' folders of one CMS are made ready side by side). Gone meanwhile: done.
      const owner = name.endsWith(FACTS_SUFFIX) && existsSync(other.slice(0, -FACTS_SUFFIX.length)) ? other.slice(0, -FACTS_SUFFIX.length) : other;
      const changed = statSync(owner, { throwIfNoEntry: false })?.mtimeMs;
      if (changed === undefined) continue;
      if (/^\d+-/.test(name) || Date.now() - changed > UNUSED_FOLDER_MS) rmSync(other, { recursive: true, force: true });
    }
  }
  mkdirSync(dir, { recursive: true });
  // Touched at every build: its age says when it was last used.
  utimesSync(dir, new Date(), new Date());
  return dir;
}

/**
 * The file beside a detail folder where the open data keeps the facts of its details
 * (lib/data/practice-facts.ts): outside the folder, whose unreferenced files the loader removes.
 */
export function detailFactsFile(folder: string): string {
  return `${folder}${FACTS_SUFFIX}`;
}

let written = 0;

/** A file name no other write of this folder uses: time, process, counter. */
export function newDetailFileName(): string {
  written += 1;
  return `${Date.now().toString(36)}-${process.pid}-${written}`;
}

/**
 * Removes the files of `dir` that no detail points to any more (`referenced`: the files of the
 * collection's entries after a sync). Returns how many were removed.
 */
export function removeUnreferencedDetails(dir: string, referenced: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (referenced.has(file)) continue;
    const fd = descriptors.get(file);
    if (fd !== undefined) {
      closeSync(fd);
      descriptors.delete(file);
    }
    for (const key of cache.keys()) if (key.startsWith(`${file}:`)) cache.delete(key);
    rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}

/** Where one detail is: a byte range of a file written by {@link writeDetails}. */
export interface DetailRef {
  file: string;
  offset: number;
  length: number;
  /**
   * Digest of the detail's JSON: what the practice's pages render, for the incremental build's
   * cache keys (lib/data/cache-keys.ts) without reading the detail back.
   */
  digest: string;
}

const detailLine = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value)}\n`);
const digestOfLine = (line: Buffer): string => createHash('sha1').update(line).digest('base64url');

/** The digest {@link writeDetails} records for `value`, without writing it. */
export function detailDigest(value: unknown): string {
  return digestOfLine(detailLine(value));
}

/**
 * Writes the details of one bulk page into one file (a few files per build rather than one per
 * practice: creating, opening and removing thousands of small files would be a visible part of the
 * build's time) and returns where each one is. `name` must be unique in the folder.
 */
export async function writeDetails(dir: string, name: string, values: readonly unknown[]): Promise<DetailRef[]> {
  const file = join(dir, `${name}.jsonl`);
  const chunks = values.map(detailLine);
  const refs: DetailRef[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    refs.push({ file, offset, length: chunk.length - 1, digest: digestOfLine(chunk) });
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
    throw new Error(`The details ${ref.file} written by the content loader are gone (${(error as Error).message}); build again.`, { cause: error });
  }
  if (read !== ref.length) throw new Error(`The details ${ref.file} written by the content loader are shorter than expected; build again.`);
  const value = JSON.parse(buffer.toString('utf8')) as T;
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return value;
}
