/**
 * What a static build's log says about its output files: Astro writes one entry per file,
 * "├─ /en/practices/x/index.html (+12ms)" when rendered, "… (cached)" or "… (restored)" when kept
 * from the last build. A rendered file's entry is written in two parts around its rendering, so
 * with a rendering concurrency above 1 other entries land inside it
 * ("├─ /a/index.html12:00:01 ├─ /b/index.html (cached)" … " (+300ms)"): entries are read from
 * every "├─ " of a line, not one per line. Read by the bench (bench/lib/static-build.ts) and the
 * incremental build's test.
 */

/** A log line's timestamp, which may follow an entry's path directly. */
const TIMESTAMP = /\d{1,2}:\d{2}:\d{2}/;

export interface OutputEntries {
  /** Output files rendered by this build. */
  rendered: string[];
  /** Output files kept (cached or restored). */
  kept: string[];
}

/** The output entries of a build's log, without its colours. */
export function outputEntries(log: string): OutputEntries {
  const rendered: string[] = [];
  const kept: string[] = [];
  for (const line of log.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const parts = line.split('├─ ');
    for (const part of parts.slice(1)) {
      const path = /^\S+/.exec(part)?.[0];
      if (!path) continue;
      const stamp = TIMESTAMP.exec(path);
      // A path cut by the next entry's timestamp was rendered (a kept entry is written whole).
      if (stamp) rendered.push(path.slice(0, stamp.index));
      else if (/^\S+ \((cached|restored)\)/.test(part)) kept.push(path);
      else rendered.push(path);
    }
  }
  return { rendered, kept };
}
