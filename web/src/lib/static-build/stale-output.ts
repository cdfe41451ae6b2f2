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
 */
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaleOutputReport {
  /** Files removed: outputs of the last build that this one did not produce. */
  removed: string[];
  kept: number;
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

/**
 * Removes from `outDir` what this build did not produce: `outputs` are the files of this
 * build's routes (Astro's `astro:build:done` `assets`), `startedAt` the time the build started
 * (files written since are this build's).
 */
export async function removeStaleOutput(outDir: string, outputs: Iterable<URL | string>, startedAt: number, skip: readonly string[]): Promise<StaleOutputReport> {
  const skipped = new Set(skip);
  const current = new Set<string>();
  for (const output of outputs) current.add(relative(outDir, typeof output === 'string' ? output : fileURLToPath(output)).split(sep).join('/'));
  const removed: string[] = [];
  let kept = 0;
  for (const file of await filesUnder(outDir, skipped)) {
    if (current.has(file)) {
      kept += 1;
      continue;
    }
    const { mtimeMs } = await stat(join(outDir, file));
    if (mtimeMs >= startedAt) {
      kept += 1;
      continue;
    }
    await rm(join(outDir, file), { force: true });
    removed.push(file);
  }
  if (removed.length > 0) await removeEmptyFolders(outDir, skipped);
  return { removed, kept };
}

/** The build log's line about the removals. */
export function staleOutputLine(report: StaleOutputReport): string {
  const shown = report.removed.slice(0, 5).join(', ');
  return report.removed.length === 0
    ? `kept output: nothing stale (${report.kept} files)`
    : `kept output: removed ${report.removed.length} stale file(s) (${shown}${report.removed.length > 5 ? ', …' : ''}), ${report.kept} files kept`;
}
