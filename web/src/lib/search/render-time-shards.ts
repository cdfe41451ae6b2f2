/**
 * Search shards indexed while the pages render (issue 17.5). The static search index is built
 * once the build has written every page (./static-index.ts), and Node then waits on Pagefind:
 * after one publish, the five shards holding the practice's pages took ~3 s at the very end of a
 * ~17 s rebuild on two cores. Most of that can run beside the rendering instead: the practice
 * pages are rendered early in the generation phase, and Pagefind is a process of its own.
 *
 * How:
 * - Astro gives the build's path list, with each page's cache key, to its prerenderer before it
 *   renders anything; the wrapper below hands the practice pages' paths to {@link RenderTimeShards}.
 *   Comparing each key with the last build's tells which practice pages this build will render,
 *   and so which shards will change (the pages' shards follow from the path list: ./static-index.ts).
 * - When every expected page of such a shard has been rendered and written, the shard is indexed
 *   from the output folder into a staging folder, by the same function the end of the build uses,
 *   while Astro goes on rendering the other pages.
 * - At the end, ./static-index.ts takes a prepared shard only if its pages are exactly those it
 *   would index and none of them changed on disk since it was indexed (sizes and times, checked
 *   then and now); anything else — a page rendered that was expected kept (a code change renders
 *   every page with unchanged keys), a page expected but not rendered, a failure — leaves the
 *   shard to be indexed at the end as before. A wrong guess costs time, never a stale index.
 *
 * Only rebuilds that change few shards are prepared ({@link MAX_PREPARED_SHARDS}): a build from
 * nothing changes every shard and would hold every rendered page waiting for its shard's others.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { indexShardPages, pageStamp, practicePageFile, shardCount, shardOf, type PageStamp } from './static-index.ts';
import { SEARCH_INDEX_DIR, SEARCH_PREPARED_DIR } from './bundle-paths.ts';

/** The route of a practice page, the only pages the search indexes. */
const PRACTICE_ROUTE = '/[locale]/practices/[slug]';

/** At most this many shards are prepared while rendering; beyond, all are indexed at the end. */
export const MAX_PREPARED_SHARDS = 16;

/** How long a prepared shard waits for Astro to write a page it rendered before giving up. */
const WRITE_WAIT_MS = 30_000;

/** A shard indexed while the pages rendered, for ./static-index.ts to take or leave. */
export interface PreparedShard {
  /** Its bundle, in the staging folder. */
  folder: string;
  /** The locale's shard count and the shard's pages (slugs, sorted) when it was indexed. */
  count: number;
  pages: string[];
  /** Each page's size and time when it was indexed. */
  stamps: PageStamp[];
}

interface Job {
  locale: string;
  shard: number;
  count: number;
  pages: string[];
  /** Expected pages not rendered yet. */
  waiting: Set<string>;
  /**
   * What Astro rendered for the expected pages, to know when it is on disk: when it was rendered,
   * and the body it writes (none for a redirect, whose page Astro makes itself).
   */
  rendered: Map<string, { at: number; body: Buffer | null }>;
}

const digest = (key: string): string => createHash('sha1').update(key).digest('base64url');

/** `/{locale}/practices/{slug}` (with or without the directory format's slash) → locale and slug. */
function practiceOf(pathname: string): { locale: string; slug: string } | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length !== 3 || parts[1] !== 'practices') return null;
  return { locale: decodeURIComponent(parts[0]!), slug: decodeURIComponent(parts[2]!) };
}

export class RenderTimeShards {
  readonly #outDir: string;
  readonly #keysFile: string;
  readonly #jobs = new Map<string, Job>();
  /** `{locale}/{slug}` → the job waiting for that page. */
  readonly #expected = new Map<string, Job>();
  readonly #prepared = new Map<string, PreparedShard>();
  /** Digests of this build's practice page keys, by `{locale}/{slug}`: the next build's guess. */
  #keys: Record<string, string> = {};
  /** The keys file as read before this build (every output's entry, written back with this one's). */
  #stored: Record<string, Record<string, string>> = {};
  /** Shards being indexed: side by side, each as soon as its pages are written. */
  readonly #preparing = new Set<Promise<void>>();
  #planned = false;
  /** Why nothing was prepared, or how many shards were, for the build log. */
  #summary = 'nothing planned';

  /**
   * @param outDir the build's output folder
   * @param keysFile where the practice pages' keys of the last builds are kept (outside the output)
   */
  constructor(outDir: string, keysFile: string) {
    this.#outDir = outDir;
    this.#keysFile = keysFile;
  }

  #staging(locale: string, shard: number): string {
    return join(this.#outDir, SEARCH_INDEX_DIR, SEARCH_PREPARED_DIR, locale, String(shard));
  }

  async #readKeys(): Promise<void> {
    try {
      const read = JSON.parse(await readFile(this.#keysFile, 'utf8')) as unknown;
      if (read && typeof read === 'object') this.#stored = read as Record<string, Record<string, string>>;
    } catch {
      // No earlier build (or an unreadable file): nothing to guess from.
    }
  }

  /** The build's paths, before any is rendered: which shards will change, guessed from the keys. */
  async plan(paths: readonly { pathname: string; route: { route: string }; cacheKey?: string }[]): Promise<void> {
    if (this.#planned) return;
    this.#planned = true;
    const slugs = new Map<string, string[]>();
    for (const path of paths) {
      if (path.route.route !== PRACTICE_ROUTE) continue;
      const page = practiceOf(path.pathname);
      if (!page) continue;
      const ofLocale = slugs.get(page.locale);
      if (ofLocale) ofLocale.push(page.slug);
      else slugs.set(page.locale, [page.slug]);
      // A page without a key is rendered by every build.
      this.#keys[`${page.locale}/${page.slug}`] = path.cacheKey === undefined ? '' : digest(path.cacheKey);
    }
    await this.#readKeys();
    const mine = this.#stored[this.#outDir];
    const previous = mine && typeof mine === 'object' ? mine : null;
    if (!previous) {
      this.#summary = 'no earlier build to compare with';
      return;
    }
    const jobs: Job[] = [];
    for (const [locale, all] of slugs) {
      const sorted = [...all].sort();
      const count = shardCount(sorted.length);
      const members: string[][] = Array.from({ length: count }, () => []);
      for (const slug of sorted) members[shardOf(slug, count)]!.push(slug);
      members.forEach((pages, shard) => {
        const changed = pages.filter((slug) => {
          const key = this.#keys[`${locale}/${slug}`];
          return !key || previous[`${locale}/${slug}`] !== key;
        });
        if (changed.length > 0) jobs.push({ locale, shard, count, pages, waiting: new Set(changed), rendered: new Map() });
      });
    }
    if (jobs.length > MAX_PREPARED_SHARDS) {
      this.#summary = `${jobs.length} shards will change, more than ${MAX_PREPARED_SHARDS}: indexed at the end`;
      return;
    }
    for (const job of jobs) {
      this.#jobs.set(`${job.locale}|${job.shard}`, job);
      for (const slug of job.waiting) this.#expected.set(`${job.locale}/${slug}`, job);
    }
    this.#summary = `${jobs.length} expected to change`;
  }

  /**
   * A page Astro rendered: `body` is what it will write, null when it writes something else (a
   * redirect page). A shard whose expected pages have all been rendered is indexed now.
   */
  rendered(pathname: string, body: Buffer | null): void {
    const page = practiceOf(pathname);
    if (!page) return;
    const job = this.#expected.get(`${page.locale}/${page.slug}`);
    if (!job || !job.waiting.has(page.slug)) return;
    job.waiting.delete(page.slug);
    job.rendered.set(page.slug, { at: Date.now(), body });
    if (job.waiting.size === 0) this.#preparing.add(this.#prepare(job));
  }

  async #prepare(job: Job): Promise<void> {
    const localeDir = join(this.#outDir, job.locale);
    try {
      // Astro writes a page right after rendering it: wait until every rendered page is on disk.
      // (#prepare is called from rendered(): the first await lets Astro go on.)
      await Promise.resolve();
      const deadline = Date.now() + WRITE_WAIT_MS;
      for (const [slug, page] of job.rendered) {
        while (!(await written(practicePageFile(localeDir, slug), page))) {
          if (Date.now() > deadline) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      const stamps = job.pages.map((slug) => pageStamp(localeDir, slug));
      const folder = this.#staging(job.locale, job.shard);
      await indexShardPages(localeDir, job.pages, folder);
      this.#prepared.set(`${job.locale}|${job.shard}`, { folder, count: job.count, pages: job.pages, stamps });
    } catch {
      // Left to the end of the build, which indexes the shard again (and fails the build there if Pagefind does).
    }
  }

  /**
   * Every page is written: the shards prepared (by `{locale}|{shard}`), and the keys kept for the
   * next build. A job still waiting for a page is dropped.
   */
  async finish(): Promise<Map<string, PreparedShard>> {
    await Promise.all(this.#preparing);
    if (!this.#planned) await this.#readKeys();
    await mkdir(dirname(this.#keysFile), { recursive: true });
    await writeFile(this.#keysFile, JSON.stringify({ ...this.#stored, [this.#outDir]: this.#keys }));
    if (this.#jobs.size > 0) {
      const jobs = [...this.#jobs.values()];
      const unrendered = jobs.filter((job) => job.waiting.size > 0).length;
      const failed = jobs.length - this.#prepared.size - unrendered;
      const left = [unrendered && `${unrendered} still waiting for a page Astro kept`, failed && `${failed} not indexed`].filter(Boolean);
      this.#summary = `${this.#prepared.size} of the ${jobs.length} expected to change${left.length > 0 ? ` (${left.join(', ')})` : ''}`;
    }
    return this.#prepared;
  }

  /** For the build log: how many shards were prepared while the pages rendered. */
  get summary(): string {
    return this.#summary;
  }
}

/**
 * Whether Astro wrote what it rendered: a file written after the rendering (the file clock may
 * lag the process clock by a tick; an earlier build wrote its file long before) with the very body
 * (the earlier build's file may have the same bytes), or, for a redirect page (whose bytes Astro
 * makes itself), any. A wrong answer costs only the shard's preparation: its page would then
 * change after being indexed, which the end's check sees.
 */
async function written(file: string, page: { at: number; body: Buffer | null }): Promise<boolean> {
  const stamp = statSync(file, { throwIfNoEntry: false });
  if (!stamp || stamp.mtimeMs < page.at - 50) return false;
  return page.body === null || ((await readFile(file).catch(() => null))?.equals(page.body) ?? false);
}

/**
 * The practice pages first: Astro renders the paths in this order, and the shards prepared while
 * rendering wait for them (they came after ~35,000 other paths at 2,000 × 5). Only a path whose
 * pathname no other route gives moves: where two routes give one pathname, the first in Astro's
 * order wins, and that must not change.
 */
export function practicePagesFirst<P extends { pathname: string; route: { route: string } }>(paths: readonly P[]): P[] {
  const seen = new Map<string, number>();
  for (const { pathname } of paths) {
    const normal = pathname.replace(/\/$/, '');
    seen.set(normal, (seen.get(normal) ?? 0) + 1);
  }
  const movable = (path: P) => path.route.route === PRACTICE_ROUTE && seen.get(path.pathname.replace(/\/$/, '')) === 1;
  return [...paths.filter(movable), ...paths.filter((path) => !movable(path))];
}

/**
 * Astro's prerenderer with the practice pages' paths and bodies shown to `shards`; what Astro
 * receives is unchanged (the body read once and given back in a new Response).
 */
export function prerendererWithShards(base: AstroPrerenderer, shards: RenderTimeShards): AstroPrerenderer {
  return {
    name: `${base.name}+search-shards`,
    ...(base.setup ? { setup: () => base.setup!() } : {}),
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      await shards.plan(paths);
      return practicePagesFirst(paths);
    },
    async render(request, options) {
      const result = await base.render(request, options);
      if (options.routeData.route !== PRACTICE_ROUTE) return result;
      const response = result instanceof Response ? result : result.response;
      const pathname = new URL(request.url).pathname;
      if (response.status !== 200 || !response.body) {
        shards.rendered(pathname, null);
        return result;
      }
      const body = Buffer.from(await response.arrayBuffer());
      shards.rendered(pathname, body);
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    ...(base.teardown ? { teardown: () => base.teardown!() } : {}),
  };
}
