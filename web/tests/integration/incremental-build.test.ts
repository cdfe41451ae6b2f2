/**
 * Incremental static builds (issue 17.5) against the REAL CMS (in-process, demo content): real
 * `astro build` runs into one output folder with their own cache folder (SITE_CACHE_DIR), each
 * compared with a build from nothing (SITE_INCREMENTAL_BUILD=false) of the same content:
 *
 * - a build with nothing changed renders only the pages without a cache key, reads no detail and
 *   re-indexes no search shard, and leaves every file as it was;
 * - after one publish, the practice's pages (every locale) and the list pages, feeds and
 *   whole-database pages are rendered, another practice's pages are not; the output equals the
 *   build from nothing, file for file (search index included);
 * - after an unpublish, the practice's pages are gone from the kept folder, and again the output
 *   equals a build from nothing;
 * - after a taxonomy term is renamed, every detail is read again (it names the terms).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, practiceListResponse, practiceResponse } from 'strapi-plugin-good-practices/contract';
import { startStrapi, type RunningStrapi } from '../../../cms/tests/harness/strapi.ts';
import { seedDemoContent } from '../../../cms/scripts/seed-demo.ts';
import { astroBuild, astroCommand, freePort } from '../helpers/site-build';
import { fileDigests } from '../helpers/file-digests';
import { outputEntries } from '../../src/lib/static-build/build-log';

const PRACTICE_UID = 'plugin::good-practices.practice';
const AREA_UID = 'plugin::good-practices.integration-area';
/** Practices of the demo content: the one changed, and one left alone. */
const CHANGED_SLUG = 'migracode';

interface Documents {
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
  unpublish(params: Record<string, unknown>): Promise<unknown>;
  findFirst(params: Record<string, unknown>): Promise<(Record<string, unknown> & { documentId: string }) | null>;
  findMany(params: Record<string, unknown>): Promise<(Record<string, unknown> & { documentId: string })[]>;
}

const work = mkdtempSync(join(tmpdir(), 'gp-incremental-'));
const out = join(work, 'dist');
const cacheDir = join(work, 'cache');
let cms: RunningStrapi;
let siteUrl: string;

const documents = (uid: string): Documents => cms.strapi.documents(uid as never) as unknown as Documents;


/** Paths that differ between two trees (missing on one side, or other bytes). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

interface Build {
  output: string;
  /** Output files Astro rendered in this build (not kept or restored from the last one). */
  rendered: string[];
  /** Output files Astro kept from the last build. */
  kept: number;
}

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

async function build(outDir: string, env: Record<string, string> = {}): Promise<Build> {
  const result = await astroBuild(outDir, { SITE_MODE: 'static', CMS_URL: cms.url, SITE_URL: siteUrl, SITE_CACHE_DIR: cacheDir, ...env });
  const output = plain(result.output);
  if (result.code !== 0) throw new Error(`static build failed:\n${output}`);
  const { rendered, kept } = outputEntries(output);
  return { output, rendered, kept: kept.length };
}

/** Compares the kept folder with a build from nothing of the same content. */
async function expectSameAsBuildFromNothing(label: string): Promise<void> {
  const fresh = join(work, `fresh-${label}`);
  // Its own cache folder: another config (no incremental build) would make Astro clear the kept one.
  const full = await build(fresh, { SITE_INCREMENTAL_BUILD: 'false', SITE_CACHE_DIR: join(work, `cache-${label}`) });
  expect(full.output).toMatch(/full read: SITE_INCREMENTAL_BUILD is off/);
  expect(full.kept).toBe(0);
  expect(differences(fileDigests(out), fileDigests(fresh)), label).toEqual([]);
  rmSync(fresh, { recursive: true, force: true });
}

/** Pages Astro renders in every build: routes without getStaticPaths. */
const ALWAYS_RENDERED = ['/_headers', '/_redirects', '/404.html', '/robots.txt', '/sitemap.xml', '/index.html'];

let changed: { documentId: string; slugs: Map<string, string> };

beforeAll(async () => {
  const port = await freePort();
  siteUrl = `http://127.0.0.1:${port}`;
  cms = await startStrapi();
  await seedDemoContent(cms.strapi);
  const response = await fetch(`${cms.url}${apiPaths.practice(CHANGED_SLUG)}?locale=en`);
  const practice = practiceResponse.parse(await response.json()).data;
  changed = { documentId: practice.documentId, slugs: new Map(practice.locales.map((l) => [l.locale, l.slug])) };
  if (changed.slugs.size < 2) throw new Error(`the demo practice ${CHANGED_SLUG} must be published in two languages or more`);
});

afterAll(async () => {
  await cms?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('incremental static builds', () => {
  it('a first build reads and renders everything; the next one, with nothing changed, keeps every page and file', async () => {
    const first = await build(out);
    expect(first.output).toMatch(/\[cms-practices\] \d+ entries from .* \(full read: no earlier sync\)/);
    expect(first.output).toMatch(/\[cms-tools\] ([1-9]\d*) entries from .* \(\1 details written\)/);
    expect(first.kept).toBe(0);
    const before = fileDigests(out);
    const stamps = new Map([...before.keys()].filter((path) => path.endsWith('.html')).map((path) => [path, statSync(join(out, path)).mtimeMs]));

    // Started by another command: the shell's `_` once leaked into the pages' code (lib/markdown/pool.ts).
    const second = await build(out, { _: '/usr/bin/true' });
    expect(second.output).toMatch(/\(synchronised: 0 practices changed, 0 removed, 0 versions read\)/);
    // Tool details are read again and kept where they are: none written.
    expect(second.output).toMatch(/\[cms-tools\] [1-9]\d* entries from .* \(0 details written\)/);
    expect(second.rendered.filter((path) => !ALWAYS_RENDERED.includes(path))).toEqual([]);
    expect(second.kept).toBeGreaterThan(50);
    expect(second.output).toMatch(/search index: \d+ pages in [\d.]+ s, \d+ bytes \([^)]*\); 0 shards indexed, [1-9]\d* kept/);
    // The locale folders are checked against the first build's record, not walked.
    expect(second.output).toMatch(/kept output: nothing stale \(\d+ files; [1-9]\d* route folder\(s\) checked against the last build's record\)/);
    expect(differences(before, fileDigests(out))).toEqual([]);
    // Kept pages are not even rewritten.
    const keptPage = `en/practices/${changed.slugs.get('en')}/index.html`;
    expect(statSync(join(out, keptPage)).mtimeMs).toBe(stamps.get(keptPage));
  });

  it('after one publish, renders the practice’s pages and the pages that list it, not the other practices’; the output is a build from nothing’s', async () => {
    const marker = `Incrementally rebuilt summary ${Date.now()}`;
    await documents(PRACTICE_UID).update({ documentId: changed.documentId, locale: 'en', data: { summary: marker } });
    await documents(PRACTICE_UID).publish({ documentId: changed.documentId, locale: 'en' });

    const rebuilt = await build(out);
    expect(rebuilt.output).toMatch(/\(synchronised: 1 practices changed, 0 removed, \d+ versions read\)/);
    const rendered = new Set(rebuilt.rendered);
    // The practice's page, JSON and citations, in English and in each language that shows it.
    for (const format of ['/index.html', '.json', '.ris', '.bib']) {
      expect(rendered, `en ${format}`).toContain(`/en/practices/${changed.slugs.get('en')}${format}`);
    }
    for (const [locale, slug] of changed.slugs) expect(rendered, locale).toContain(`/${locale}/practices/${slug}/index.html`);
    // The English list (the practice moved to the top) and the open data.
    expect(rendered).toContain('/en/practices/index.html');
    expect(rendered).toContain('/en/practices.json');
    // Another practice's pages are kept as they were.
    const others = readdirSync(join(out, 'en', 'practices'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(out, 'en', 'practices', entry.name, 'index.html')) && entry.name !== changed.slugs.get('en'))
      .map((entry) => `/en/practices/${entry.name}/index.html`)
      .filter((path) => readFileSync(join(out, path), 'utf8').includes('data-pagefind-body'));
    expect(others.length).toBeGreaterThan(0);
    for (const path of others) expect(rendered, path).not.toContain(path);
    expect(readFileSync(join(out, 'en', 'practices', changed.slugs.get('en')!, 'index.html'), 'utf8')).toContain(marker);
    // Only the search shards holding its pages are indexed again, while the other pages render.
    expect(rebuilt.output).toMatch(/search shards while rendering: ([1-9]\d*) of the \1 expected to change$/m);
    expect(rebuilt.output).toMatch(/; ([1-9]\d*) shards indexed, \d+ kept; \1 of them indexed while the pages rendered/);
    // A new summary changes no count and no site text: the insights pages and the site's own pages are kept.
    expect(rebuilt.rendered.filter((path) => path.includes('/insights/'))).toEqual([]);
    const commonInputPages = ['/en/about/index.html', '/en/privacy/index.html', '/en/404/index.html', '/en/self-assessment/index.html', '/en/submit/index.html', '/en/submit/thanks/index.html', '/en/submit/status/index.html'];
    for (const path of commonInputPages) expect(rendered, path).not.toContain(path);

    await expectSameAsBuildFromNothing('publish');
  });

  it('after an unpublish, the practice’s pages leave the kept output, which again equals a build from nothing', async () => {
    const unpublished = changed.slugs.get('en')!;
    for (const locale of changed.slugs.keys()) await documents(PRACTICE_UID).unpublish({ documentId: changed.documentId, locale });

    const rebuilt = await build(out);
    expect(rebuilt.output).toMatch(/\(synchronised: 0 practices changed, 1 removed, 0 versions read\)/);
    expect(rebuilt.output).toMatch(/kept output: removed [1-9]\d* stale file\(s\)/);
    expect(existsSync(join(out, 'en', 'practices', unpublished, 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'en', 'practices', `${unpublished}.json`))).toBe(false);
    for (const path of ['en/practices/index.html', 'en/practices.json', 'en/practices.csv', 'sitemap.xml']) {
      expect(readFileSync(join(out, path), 'utf8'), path).not.toContain(unpublished);
    }

    await expectSameAsBuildFromNothing('unpublish');
  });

  it('after a checklist change, renders the insights pages whose counts it changes; the output is a build from nothing’s', async () => {
    const practice = (await documents(PRACTICE_UID).findFirst({ locale: 'en', status: 'published', filters: { slug: { $ne: changed.slugs.get('en') } } }))!;
    const detail = practiceResponse.parse(await (await fetch(`${cms.url}${apiPaths.practice(String(practice.slug))}?locale=en`)).json()).data;
    const item = detail.groups.flatMap((group) => group.questions.flatMap((question) => question.items))[0]!;
    const stored = typeof practice.assessment === 'string' ? JSON.parse(practice.assessment) : (practice.assessment ?? {});
    await documents(PRACTICE_UID).update({ documentId: practice.documentId, locale: 'en', data: { assessment: { ...stored, [item.key]: item.state === 'met' ? 'not-met' : 'met' } } });
    for (const { locale } of detail.locales) await documents(PRACTICE_UID).publish({ documentId: practice.documentId, locale });

    const rebuilt = await build(out);
    expect(rebuilt.rendered).toContain('/en/insights/index.html');
    if (detail.country) expect(rebuilt.rendered).toContain(`/en/insights/country/${detail.country}/index.html`);
    expect(rebuilt.rendered).not.toContain('/en/about/index.html');

    await expectSameAsBuildFromNothing('checklist');
  });

  it('keeps its cache apart from server-mode commands: `astro sync` in server mode between two builds costs no full read', async () => {
    // The default cache folder, as `npm test` and a developer use it (the type check runs `astro check` in server mode).
    const own = join(work, 'default-cache-out');
    const first = await build(own, { SITE_CACHE_DIR: '' });
    expect(first.output).toMatch(/\[cms-practices\] \d+ entries/);
    const sync = await astroCommand(['sync'], { SITE_MODE: 'server', SITE_CACHE_DIR: '' });
    expect(sync.code, sync.output).toBe(0);
    const second = await build(own, { SITE_CACHE_DIR: '' });
    expect(second.output).not.toMatch(/Astro config changed/);
    expect(second.output).toMatch(/\(synchronised: 0 practices changed, 0 removed, 0 versions read\)/);
    // Tool details are read again and kept where they are: none written.
    expect(second.output).toMatch(/\[cms-tools\] [1-9]\d* entries from .* \(0 details written\)/);
    rmSync(own, { recursive: true, force: true });
  });

  it('keeps a cache per output folder: building into another folder in between leaves no older page in the first', async () => {
    const [a, b] = [join(work, 'out-a'), join(work, 'out-b')];
    await build(a, { SITE_CACHE_DIR: '' });
    // A change built into the other folder only, then the first folder built again.
    const portal = (await documents(PRACTICE_UID).findFirst({ locale: 'en', status: 'published', filters: { slug: { $ne: changed.slugs.get('en') } } }))!;
    const marker = `Built into two folders ${Date.now()}`;
    await documents(PRACTICE_UID).update({ documentId: portal.documentId, locale: 'en', data: { summary: marker } });
    await documents(PRACTICE_UID).publish({ documentId: portal.documentId, locale: 'en' });
    await build(b, { SITE_CACHE_DIR: '' });
    await build(a, { SITE_CACHE_DIR: '' });
    expect(readFileSync(join(a, 'en', 'practices', String(portal.slug), 'index.html'), 'utf8')).toContain(marker);
    const fresh = join(work, 'fresh-two-folders');
    await build(fresh, { SITE_INCREMENTAL_BUILD: 'false', SITE_CACHE_DIR: join(work, 'cache-two-folders') });
    expect(differences(fileDigests(a), fileDigests(fresh))).toEqual([]);
    for (const dir of [a, b, fresh]) rmSync(dir, { recursive: true, force: true });
  });

  it('after a taxonomy term is renamed, every detail is read again (details name their terms)', async () => {
    // A term of a practice still published.
    const listed = practiceListResponse.parse(await (await fetch(`${cms.url}${apiPaths.practices}?locale=en`)).json()).data[0]!;
    const term = listed.integrationAreas[0]!;
    const area = (await documents(AREA_UID).findFirst({ locale: 'en', status: 'published', filters: { key: term.key } }))!;
    const renamed = `${term.name} (renamed)`;
    await documents(AREA_UID).update({ documentId: area.documentId, locale: 'en', data: { name: renamed } });
    await documents(AREA_UID).publish({ documentId: area.documentId, locale: 'en' });

    const rebuilt = await build(out);
    expect(rebuilt.output).toMatch(/\(full read: framework, terms, tools or locales changed\)/);
    for (const path of ['en/practices/index.html', `en/practices/${listed.slug}/index.html`]) expect(readFileSync(join(out, path), 'utf8'), path).toContain(renamed);

    await expectSameAsBuildFromNothing('term');
  });
});
