/**
 * The static build's output folder is kept between builds (issue 17.5): with Astro's incremental
 * build, a page whose cache key is unchanged and whose file is still in dist/ is left as it is,
 * so a build after one publish neither deletes 56,000 files nor copies them back from the cache
 * (at 2,000 × 5: about 8 s to empty dist/ and 15 s to restore it).
 *
 * What a kept folder must not do is serve what the site no longer has: the page of a practice
 * that was unpublished or renamed, an old script bundle. So when the pages are written, every file
 * that this build neither produced nor kept is removed: a file stays only when it is the output
 * of one of this build's routes (rendered or kept from the last build), or was written during
 * this build (scripts, styles, public/ files, the redirects and headers files). The search index
 * (pagefind/) is kept up to date by its own step (../search/static-index.ts).
 *
 * Walking the whole output to find those files took 1-2 s at 2,000 × 5 (56,000 files, each page in
 * its own folder). So a state file (beside Astro's cache) remembers, for each top-level folder
 * that holds route outputs only (the locale folders), which files the last build left there: in
 * such a folder the stale files are those the last build left and this one did not produce, with
 * no walk. Everything else (top-level files, script bundles, public/ files) is walked as before,
 * and so is everything when there is no state, it is another output folder's, or unreadable.
 *
 * The record is checked before it is trusted: it holds the time of last change of every folder
 * that holds other folders or files of several pages (`en/`, `en/practices/`,
 * `en/practices/country/DE/page/`…, not the page folders themselves), and a page that some other
 * build added (a build with SITE_INCREMENTAL_BUILD=false into this folder, with another cache
 * folder) adds an entry to one of them: a route folder where any of those times differs is walked.
 */
import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaleOutputReport {
  /** Files removed: outputs of the last build that this one did not produce. */
  removed: string[];
  kept: number;
  /** Top-level folders checked against the last build's record instead of walked. */
  recorded: number;
}

/** Every file under `dir` (relative paths with `/`), except those under the `skip` top-level folders. */
async function filesUnder(dir: string, skip: ReadonlySet<string>, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(base, path).split(sep).join('/');
    if (entry.isDirectory()) {
      if (dir === base && skip.has(entry.name)) continue;
      out.push(...(await filesUnder(path, skip, base)));
    } else out.push(rel);
  }
  return out;
}

/** Removes the folders under `dir` that the removals left empty (deepest first). */
async function removeEmptyFolders(dir: string, skip: ReadonlySet<string>, top = true): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !(top && skip.has(entry.name))) {
      if (await removeEmptyFolders(join(dir, entry.name), skip, false)) continue;
    }
    empty = false;
  }
  if (empty && !top) await rmdir(dir);
  return empty;
}

/** What a build leaves for the next: for each top-level folder that holds route outputs only, its files and folders. */
interface StaleOutputState {
  format: number;
  outDir: string;
  /** Top-level folder → its files (relative to the output, with `/`) and the change times of its folders above page folders. */
  routeFolders: Record<string, RouteFolder>;
}

interface RouteFolder {
  files: string[];
  /** Folder (relative, with `/`) → its mtimeMs when the record was written. */
  folders: Record<string, number>;
}

const STATE_FORMAT = 2;

/** The recorded route folders that are as the last build left them (their folders' times unchanged). */
async function readState(stateFile: string | undefined, outDir: string): Promise<Record<string, RouteFolder>> {
  if (!stateFile) return {};
  let state: Partial<StaleOutputState>;
  try {
    state = JSON.parse(await readFile(stateFile, 'utf8')) as Partial<StaleOutputState>;
  } catch {
    return {};
  }
  if (state.format !== STATE_FORMAT || state.outDir !== outDir || !state.routeFolders) return {};
  const trusted: Record<string, RouteFolder> = {};
  for (const [top, folder] of Object.entries(state.routeFolders)) {
    let same = true;
    for (const [path, mtimeMs] of Object.entries(folder.folders)) {
      const found = await stat(join(outDir, path)).catch(() => undefined);
      if (found?.mtimeMs !== mtimeMs) {
        same = false;
        break;
      }
    }
    if (same) trusted[top] = folder;
  }
  return trusted;
}

/**
 * The folders of `files` above their page folders: every ancestor folder but each file's own
 * (a page folder holds one page's file), plus the own folder of a file that sits beside others of
 * other pages (`en/practices/x.json`).
 */
function foldersAbovePages(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    folders.add(parts[0]!);
    for (let depth = 1; depth < parts.length - 1; depth++) folders.add(parts.slice(0, depth).join('/'));
    // A file that is not a folder's index.html (page.json, feed.xml): its folder holds several pages' files.
    if (parts.at(-1) !== 'index.html') folders.add(parts.slice(0, -1).join('/'));
  }
  return [...folders];
}

const topFolderOf = (file: string): string | undefined => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/**
 * Removes from `outDir` what this build did not produce: `outputs` are the files of this
 * build's routes (Astro's `astro:build:done` `assets`), `startedAt` the time the build started
 * (files written since are this build's). With `stateFile`, the route folders the last build
 * recorded there are not walked (see above), and the state is written for the next build.
 */
export async function removeStaleOutput(
  outDir: string,
  outputs: Iterable<URL | string>,
  startedAt: number,
  skip: readonly string[],
  stateFile?: string,
): Promise<StaleOutputReport> {
  const current = new Set<string>();
  // A prefix cut instead of path.relative for each of ~45,000 outputs (~0.1 s at 2,000 × 5).
  const root = outDir.endsWith(sep) ? outDir : `${outDir}${sep}`;
  const relativeOf = (file: string): string => {
    const inside = file.startsWith(root) ? file.slice(root.length) : relative(outDir, file);
    return sep === '/' ? inside : inside.split(sep).join('/');
  };
  for (const output of outputs) current.add(relativeOf(typeof output === 'string' ? output : fileURLToPath(output)));
  const known = await readState(stateFile, outDir);
  const removed: string[] = [];
  let kept = 0;
  // Files of the known route folders: the last build's, and this build's outputs there.
  const candidates: string[] = [];
  for (const folder of Object.values(known)) candidates.push(...folder.files);
  for (const file of current) {
    const top = topFolderOf(file);
    if (top !== undefined && top in known) candidates.push(file);
  }
  candidates.push(...(await filesUnder(outDir, new Set([...skip, ...Object.keys(known)]))));
  const seen = new Set<string>();
  /** The files the output keeps: this build's outputs, and what was written during it. */
  const remaining: string[] = [];
  for (const file of candidates) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (current.has(file)) {
      kept += 1;
      remaining.push(file);
      continue;
    }
    const found = await stat(join(outDir, file)).catch(() => undefined);
    // Gone already (a file the last build left, removed since), or written during this build.
    if (!found) continue;
    if (found.mtimeMs >= startedAt) {
      kept += 1;
      remaining.push(file);
      continue;
    }
    await rm(join(outDir, file), { force: true });
    removed.push(file);
  }
  if (removed.length > 0) await removeEmptyFolders(outDir, new Set(skip));
  if (stateFile) {
    // A top-level folder is a route folder when every file it keeps is an output of this build.
    const byFolder = new Map<string, string[]>();
    const mixed = new Set<string>();
    for (const file of remaining) {
      const top = topFolderOf(file);
      if (top === undefined) continue;
      if (!current.has(file)) mixed.add(top);
      const files = byFolder.get(top);
      if (files) files.push(file);
      else byFolder.set(top, [file]);
    }
    const routeFolders: Record<string, RouteFolder> = {};
    for (const [top, files] of byFolder) {
      if (mixed.has(top)) continue;
      const folders: Record<string, number> = {};
      for (const path of foldersAbovePages(files)) folders[path] = (await stat(join(outDir, path))).mtimeMs;
      routeFolders[top] = { files, folders };
    }
    await mkdir(dirname(stateFile), { recursive: true });
    await writeFile(stateFile, JSON.stringify({ format: STATE_FORMAT, outDir, routeFolders } satisfies StaleOutputState));
  }
  return { removed, kept, recorded: Object.keys(known).length };
}

/** The build log's line about the removals. */
export function staleOutputLine(report: StaleOutputReport): string {
  const shown = report.removed.slice(0, 5).join(', ');
  const how = report.recorded > 0 ? `; ${report.recorded} route folder(s) checked against the last build's record` : '';
  return report.removed.length === 0
    ? `kept output: nothing stale (${report.kept} files${how})`
    : `kept output: removed ${report.removed.length} stale file(s) (${shown}${report.removed.length > 5 ? ', …' : ''}), ${report.kept} files kept${how}`;
}
