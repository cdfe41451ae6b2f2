/**
 * Cache keys of the static build's pages (Astro's `experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied from it instead of being rendered.
 *
 * A key must change whenever anything the page shows can change, so each is a digest of every
 * input its render reads, from the build-time collections (never from what the page happened to
 * show last time):
 *
 * - every page: the locales (names, directions, fallback chains, the language switcher), the
 *   site texts, the framework and the taxonomy names of every locale (a page of one locale can
 *   show another's through fallbacks), and the environment that pages read when rendered
 *   (SITE_URL, CMS_URL, UPLOADS_URL);
 * - the pages at a practice slug (HTML, JSON, RIS, BibTeX, in every locale, fallbacks included):
 *   every version of every practice with that slug in some locale, summary and full detail (the
 *   detail's digest is recorded by the content loader as it writes the file,
 *   lib/cms/loaders/detail-files.ts), so publishing a translation also renews the other
 *   versions' language switchers;
 * - the pages at a tool slug: every version of every tool with that slug (its detail names the
 *   practices citing it);
 * - a list page (and a facet's feed): the practices it shows, in its order (each by the digest
 *   of its versions), and its counts (the query's answer, computed here as the page computes it),
 *   plus what the facets of every locale are made of (country, areas, target groups, scores of
 *   each practice: the facet counts, and which list pages exist in each language for the
 *   language switcher). A publish then renews the list pages where the practice is or moves (the
 *   newest first), not the 2,600 others;
 * - an insights page: its own counts and its locale's unfiltered ones, plus the facets' inputs;
 * - the pages that show no practice, tool or insight (about, privacy, partners, not found, the
 *   self-assessment form, the submission form, its thanks and status pages): the common inputs;
 * - every other page (home, map, open data, the unfiltered feeds, tools index, framework,
 *   self-assessment report, …): all practices, all tools, the insights and the checklist item
 *   suggestions of the locale. They show counts, orders and aggregates of everything, so any
 *   publish renews them.
 *
 * The code a page runs is Astro's part: it compares each route's module graph, the config and
 * the lockfile, and renders everything again when one of them changed.
 */
import { createHash } from 'node:crypto';
import type { Insights } from 'strapi-plugin-good-practices/contract';
import { getCollection } from 'astro:content';
import { parseListRequest, type ListState } from '../site/urls';
import { allStaticFrameworks, allStaticInsights, allStaticPractices, allStaticSites, allStaticTools, getItemSuggestions, getLocales, listPractices, staticPracticesShownIn } from './index';

type Hash = ReturnType<typeof createHash>;

function digest(write: (hash: Hash) => void): string {
  const hash = createHash('sha1');
  write(hash);
  return hash.digest('base64url');
}

function json(hash: Hash, value: unknown): void {
  hash.update(JSON.stringify(value) ?? 'undefined');
  hash.update('\u0000');
}

/** Environment variables that pages read while rendering (absolute URLs, image origins, the CSP). */
const RENDER_ENV = ['SITE_URL', 'CMS_URL', 'UPLOADS_URL'] as const;

let common: Promise<string> | undefined;

/** What every page depends on: locales, site texts, frameworks, taxonomies, the render environment. */
function commonKey(): Promise<string> {
  common ??= (async () => {
    const [locales, sites, frameworks, taxonomies] = await Promise.all([getLocales(), allStaticSites(), allStaticFrameworks(), getCollection('taxonomies')]);
    return digest((hash) => {
      json(hash, locales);
      json(hash, sites);
      json(hash, frameworks);
      json(hash, taxonomies.map((entry) => entry.data));
      json(hash, RENDER_ENV.map((name) => process.env[name]?.trim() ?? ''));
    });
  })();
  return common;
}

/** Digest of each document's versions (every locale), by documentId, in the collection's (stable) order. */
function versionDigests<T extends { documentId: string }>(entries: readonly T[], write: (hash: Hash, entry: T) => void): Map<string, string> {
  const byDocument = new Map<string, T[]>();
  for (const entry of entries) {
    const versions = byDocument.get(entry.documentId);
    if (versions) versions.push(entry);
    else byDocument.set(entry.documentId, [entry]);
  }
  const out = new Map<string, string>();
  for (const [documentId, versions] of byDocument) out.set(documentId, digest((hash) => versions.forEach((version) => write(hash, version))));
  return out;
}

/** Digest, per slug, of every version of every document that has that slug in some locale. */
function slugDigests<T extends { documentId: string; slug: string }>(entries: readonly T[], versions: Map<string, string>): Map<string, string> {
  const documents = new Map<string, Set<string>>();
  for (const { slug, documentId } of entries) {
    const ids = documents.get(slug);
    if (ids) ids.add(documentId);
    else documents.set(slug, new Set([documentId]));
  }
  const out = new Map<string, string>();
  for (const [slug, ids] of documents) out.set(slug, digest((hash) => [...ids].sort().forEach((id) => json(hash, [id, versions.get(id)]))));
  return out;
}

let practiceVersions: Promise<Map<string, string>> | undefined;
let practiceSlugs: Promise<Map<string, string>> | undefined;
let toolVersions: Promise<Map<string, string>> | undefined;
let toolSlugs: Promise<Map<string, string>> | undefined;

function practiceDigests(): Promise<Map<string, string>> {
  // The entry holds the summary, the translations and the detail's digest (not its file, whose
  // name changes when the detail is read again).
  practiceVersions ??= allStaticPractices().then((practices) => versionDigests(practices, (hash, { detail, ...entry }) => json(hash, [entry, detail.digest])));
  return practiceVersions;
}

function toolDigests(): Promise<Map<string, string>> {
  // As the practices': summary, translations and the detail's digest (its file may change).
  toolVersions ??= allStaticTools().then((tools) => versionDigests(tools, (hash, { detail, ...entry }) => json(hash, [entry, detail.digest])));
  return toolVersions;
}

/**
 * Key of the pages at a practice slug (`/{locale}/practices/{slug}/`, its JSON, RIS, BibTeX):
 * the common inputs and every version of every practice that has this slug in some locale. The
 * page shows the locale's own version, a fallback found through the locale's chain, or a
 * redirect: the slug, not one document, decides which (two documents may share a slug in two
 * languages).
 */
export async function practiceKey(slug: string): Promise<string> {
  practiceSlugs ??= Promise.all([allStaticPractices(), practiceDigests()]).then(([practices, versions]) => slugDigests(practices, versions));
  const [base, slugs] = await Promise.all([commonKey(), practiceSlugs]);
  return `p:${base}:${slugs.get(slug) ?? 'none'}`;
}

/** Key of the pages at a tool slug: the common inputs and every version of every tool with this slug. */
export async function toolKey(slug: string): Promise<string> {
  toolSlugs ??= Promise.all([allStaticTools(), toolDigests()]).then(([tools, versions]) => slugDigests(tools, versions));
  const [base, slugs] = await Promise.all([commonKey(), toolSlugs]);
  return `t:${base}:${slugs.get(slug) ?? 'none'}`;
}

let database: Promise<string> | undefined;

/**
 * Digest of everything published: every version of every practice and tool, and the insights of
 * every locale. The same for every locale's pages: computed once (hashing the insights of every
 * locale once per locale was a visible part of a build with nothing to render).
 */
function databaseDigest(): Promise<string> {
  database ??= (async () => {
    const [practices, tools, insights] = await Promise.all([practiceDigests(), toolDigests(), allStaticInsights()]);
    return digest((hash) => {
      json(hash, [...practices]);
      json(hash, [...tools]);
      json(hash, insights);
    });
  })();
  return database;
}

const everything = new Map<string, Promise<string>>();

/** Key of a page of `locale` that shows the whole database: lists, feeds, home, insights, open data… */
export function wholeDatabaseKey(locale: string): Promise<string> {
  let key = everything.get(locale);
  if (!key) {
    key = (async () => {
      const [base, all, suggestions] = await Promise.all([commonKey(), databaseDigest(), getItemSuggestions(locale)]);
      return `w:${digest((hash) => {
        json(hash, base);
        json(hash, all);
        json(hash, suggestions);
      })}`;
    })();
    everything.set(locale, key);
  }
  return key;
}

/**
 * Key of a page built from the common inputs only (site texts, framework, taxonomy, locales: the
 * about and privacy pages, the self-assessment and submission forms…). A publish leaves these
 * pages as they are.
 */
export async function commonInputKey(): Promise<string> {
  return `s:${await commonKey()}`;
}

let facetInputs: Promise<string> | undefined;

/**
 * What the facets of every locale are computed from (lib/data/facets.ts: each shown practice's
 * country, terms and scores, and how many there are): a list page shows its locale's facet counts,
 * and links to its translations only where that list page was built (lib/data/static-paths.ts).
 */
function facetKey(): Promise<string> {
  facetInputs ??= (async () => {
    const locales = await getLocales();
    const shown = await Promise.all(locales.map((l) => staticPracticesShownIn(l.code)));
    return digest((hash) =>
      shown.forEach((practices, index) => {
        json(hash, locales[index]!.code);
        for (const p of practices) json(hash, [p.documentId, p.country, p.integrationAreas, p.targetGroups, p.scores]);
      }),
    );
  })();
  return facetInputs;
}

/**
 * Key of an insights page (`insights`: its counts, unfiltered or for one country or area): the
 * common inputs, the facets' inputs (the filter options' names and counts), the locale's
 * unfiltered counts (the options list the countries and areas with practices) and its own.
 * A publish renews the insights pages whose counts it changes, not every country's and area's.
 */
export async function insightsKey(insights: Insights): Promise<string> {
  const all = (await allStaticInsights()).find((entry) => entry.locale === insights.locale && entry.country === null && entry.area === null);
  const [base, facets] = await Promise.all([commonKey(), facetKey()]);
  return `i:${digest((hash) => {
    json(hash, base);
    json(hash, facets);
    json(hash, all ?? null);
    json(hash, insights);
  })}`;
}

/**
 * Key of a list page (`rest`: its path after `/{locale}/practices/`) or, with `feed`, of that
 * list's feed: the common inputs, the facets' inputs and the answer of the page's own query
 * (its practices in order, the counts), computed with the same function and state as the page.
 */
export async function listKey(locale: string, rest: string | undefined, feed?: { pageSize: number; sort: ListState['sort'] }): Promise<string> {
  const parsed = parseListRequest(rest, null);
  if (!parsed.ok) throw new Error(`No list page at /${locale}/practices/${rest ?? ''}`);
  const state: ListState = feed ? { ...parsed.state, page: 1, sort: feed.sort } : parsed.state;
  const [base, facets, versions, answer] = await Promise.all([commonKey(), facetKey(), practiceDigests(), feed ? listPractices(locale, state, feed.pageSize) : listPractices(locale, state)]);
  return `l:${digest((hash) => {
    json(hash, base);
    json(hash, facets);
    json(hash, answer.meta);
    // Each summary shown is made from its practice's versions and the common inputs (the locale's
    // chain picks the version, its taxonomy names the terms): their digests stand for it, cheaper
    // than serialising 25 summaries for each of the ~2,600 list pages.
    for (const practice of answer.data) hash.update(`${practice.documentId}\u0000${practice.locale}\u0000${versions.get(practice.documentId) ?? 'none'}\u0000`);
  })}`;
}
