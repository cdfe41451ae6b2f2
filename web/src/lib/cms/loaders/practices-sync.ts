/**
 * The practices collection of the static build, synchronised with the CMS instead of read again
 * in full (issue 17.5): at 2,000 practices × 5 locales the full read is ~6,000 details of ~33 KB
 * through the bulk endpoint, 6-9 s of every build; after one publish this reads each locale's
 * practice versions (one small request per locale: the version its lists show and a digest of
 * its summary) and the few details that changed.
 *
 * What a version's detail is made of, and how a change of it shows:
 * - the practice's own published versions (texts, answers, checklist, cover image, the
 *   translations list, and answers shown from another version: `fieldLocales`): every version
 *   appears in the lists, and the CMS's digest of each list entry covers `updatedAt`, the cover
 *   image (its description and copies) and the terms; a document whose list entries changed in
 *   any locale has all its versions read again;
 * - the framework (question and item texts), the taxonomy terms, the tools cited in answers
 *   (name, kind, link) and the locales: read here at every build (a few small requests); when
 *   any of them changed, every detail is read again.
 * Anything else (no previous sync, another CMS, other code of this loader, its files gone, more
 * than {@link MAX_CHANGED_VERSIONS} versions to read) is a full read through the bulk endpoint.
 *
 * A publish between the versions and a detail read is caught by the next build: the stored
 * marker is the one of the versions, read first.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Loader, LoaderContext } from 'astro/loaders';
import { apiPaths, MAX_PAGE_SIZE, practiceSummary, type Locale, type PracticeDetail, type PracticeVersion } from 'strapi-plugin-good-practices/contract';
import { createHash } from 'node:crypto';
import { CmsError, type CmsClient } from '../client';
import { BULK_CONCURRENCY, keptCollectionLoader, localesOrFail, mapLimit, readAllPages } from './build';
import { detailFolder, newDetailFileName, removeUnreferencedDetails, writeDetails, type DetailRef } from './detail-files';
import { fetchTaxonomies } from './taxonomies';
import type { StaticPractice } from './types';
import { incrementalBuildFromEnv } from '../../static-build/incremental-flag';

/** Above this many versions to read, the bulk endpoint (100 per request) is cheaper than one request each. */
export const MAX_CHANGED_VERSIONS = 200;

interface SyncState {
  /** This loader's code (what an entry holds): other code means a full read. */
  code: string;
  /** The CMS read: a build against another CMS reads everything. */
  cms: string;
  /** Digest of the framework, terms, tools and locales the details were read with. */
  dependencies: string;
  /** Per documentId, the digest of its entries in every locale's list. */
  documents: Record<string, string>;
}

export interface SyncReport {
  kind: 'full' | 'incremental';
  /** Why a full read (no previous sync, dependencies changed, …). */
  reason?: string;
  versionsRead: number;
  documentsChanged: number;
  documentsRemoved: number;
  entries: number;
}

function digestOf(values: readonly unknown[]): string {
  const hash = createHash('sha1');
  for (const value of values) hash.update(`${JSON.stringify(value)}\u0000`);
  return hash.digest('base64url');
}

/** What every detail embeds besides its own practice: framework, terms, cited tools' summaries, locales. */
async function dependencyDigest(client: CmsClient, locales: readonly Locale[]): Promise<string> {
  const perLocale = await mapLimit(locales, 4, async (l) => [await client.framework(l.code), await fetchTaxonomies(client, l.code), await client.tools(l.code)]);
  return digestOf([locales, perLocale]);
}

/**
 * What every locale's lists show (each locale shows every practice, fallbacks included), by
 * documentId: one entry per locale, the version shown and the CMS's digest of its summary
 * (GET /practice-versions: one request per locale instead of reading every list page). A
 * document listed twice in one locale is an answer this build cannot trust: "build again".
 */
async function listedDocuments(client: CmsClient, locales: readonly Locale[]): Promise<Map<string, { list: string; version: PracticeVersion }[]>> {
  const answers = await mapLimit(locales, BULK_CONCURRENCY, async (l) => ({ list: l.code, versions: await client.practiceVersions(l.code) }));
  const documents = new Map<string, { list: string; version: PracticeVersion }[]>();
  for (const { list, versions } of answers) {
    for (const version of versions) {
      const entries = documents.get(version.documentId);
      if (entries?.some((other) => other.list === list)) {
        throw new CmsError(`${client.baseUrl}${apiPaths.practiceVersions}?locale=${list}`, 'schema', 'a practice was listed twice: build again');
      }
      if (entries) entries.push({ list, version });
      else documents.set(version.documentId, [{ list, version }]);
    }
  }
  return documents;
}

/** Digest of this file and the detail files' code, whose output the kept entries are. */
async function codeDigest(): Promise<string> {
  const hash = createHash('sha1');
  for (const file of ['./practices-sync.ts', './detail-files.ts']) hash.update(await readFile(new URL(file, import.meta.url)).catch(() => Buffer.from(file)));
  return hash.digest('base64url');
}

function parseState(raw: string | undefined): SyncState | undefined {
  if (!raw) return undefined;
  try {
    const state = JSON.parse(raw) as Partial<SyncState>;
    return typeof state.code === 'string' && typeof state.cms === 'string' && typeof state.dependencies === 'string' && typeof state.documents === 'object' && state.documents !== null
      ? (state as SyncState)
      : undefined;
  } catch {
    return undefined;
  }
}

type Entry = { id: string; data: StaticPractice };

function entryOf(detail: PracticeDetail, ref: DetailRef): Entry {
  return { id: `${detail.locale}/${detail.slug}`, data: { ...practiceSummary.parse(detail), locales: detail.locales, detail: ref } };
}

/** Every published version through the bulk endpoint (N/100 requests), written to new detail files. */
async function readEverything(client: CmsClient, locales: readonly Locale[], dir: string): Promise<Entry[]> {
  return readAllPages(
    locales.map((l) => l.code),
    BULK_CONCURRENCY,
    (locale) => `${client.baseUrl}${apiPaths.practiceDetails}?locale=${locale}`,
    (locale, page) => client.practiceDetails({ locale, page, pageSize: MAX_PAGE_SIZE }),
    async (details: PracticeDetail[]) => {
      const refs = await writeDetails(dir, newDetailFileName(), details);
      return details.map((detail, index) => entryOf(detail, refs[index]!));
    },
  );
}

type Store = LoaderContext['store'];

/** The store's entries, as this loader wrote them (validated by the collection's schema then). */
function keptEntries(store: Store): Entry[] {
  return store.values() as unknown as Entry[];
}

async function setEntries(store: Store, parseData: LoaderContext['parseData'], generateDigest: LoaderContext['generateDigest'], entries: readonly Entry[]): Promise<void> {
  for (const { id, data } of entries) {
    const parsed = await parseData({ id, data: data as unknown as Record<string, unknown> });
    store.set({ id, data: parsed, digest: generateDigest(parsed) });
  }
}

/** Synchronises the store with the CMS; see the file's comment. */
export async function syncPractices(context: Pick<LoaderContext, 'store' | 'meta' | 'parseData' | 'generateDigest' | 'config' | 'collection'>, client: CmsClient): Promise<SyncReport> {
  const { store, meta, parseData, generateDigest } = context;
  const locales = await localesOrFail(client);
  const dir = detailFolder(context.config.cacheDir, context.collection, client.baseUrl);
  // Read first: what the lists say now is what the next build compares with.
  const [dependencies, listed] = await Promise.all([dependencyDigest(client, locales), listedDocuments(client, locales)]);
  const documents: Record<string, string> = {};
  for (const [documentId, entries] of listed) {
    documents[documentId] = digestOf(entries.sort((a, b) => (a.list < b.list ? -1 : a.list > b.list ? 1 : 0)));
  }
  const previous = parseState(meta.get('sync'));
  const code = await codeDigest();
  const kept = keptEntries(store);

  let reason: string | undefined;
  if (!incrementalBuildFromEnv()) reason = 'SITE_INCREMENTAL_BUILD is off';
  else if (!previous) reason = 'no earlier sync';
  else if (previous.cms !== client.baseUrl) reason = 'another CMS';
  else if (previous.code !== code) reason = 'the loader changed';
  else if (previous.dependencies !== dependencies) reason = 'framework, terms, tools or locales changed';
  else if (kept.some((entry) => !existsSync(entry.data.detail.file))) reason = 'detail files gone';

  const changed = reason ? [] : Object.keys(documents).filter((documentId) => previous!.documents[documentId] !== documents[documentId]);
  const removed = reason ? [] : Object.keys(previous!.documents).filter((documentId) => documents[documentId] === undefined);
  // The versions of the changed documents, as the lists show them (their own language and slug).
  const versions = new Map<string, { locale: string; slug: string }>();
  for (const documentId of changed) {
    for (const { version } of listed.get(documentId)!) versions.set(`${version.locale}/${documentId}`, { locale: version.locale, slug: version.slug });
  }
  if (!reason && versions.size > MAX_CHANGED_VERSIONS) reason = `${versions.size} versions changed`;

  let report: SyncReport;
  if (reason) {
    const entries = await readEverything(client, locales, dir);
    store.clear();
    await setEntries(store, parseData, generateDigest, entries);
    report = { kind: 'full', reason, versionsRead: entries.length, documentsChanged: listed.size, documentsRemoved: 0, entries: entries.length };
  } else {
    const details = (
      await mapLimit([...versions.values()], 4, async ({ locale, slug }) => {
        const detail = await client.practice(slug, locale);
        // Unpublished since the lists were read: gone from this build, and the next one sees it.
        return detail && detail.locale === locale ? [detail] : [];
      })
    ).flat();
    const refs = details.length > 0 ? await writeDetails(dir, newDetailFileName(), details) : [];
    const gone = new Set([...changed, ...removed]);
    for (const entry of kept) if (gone.has(entry.data.documentId)) store.delete(entry.id);
    await setEntries(store, parseData, generateDigest, details.map((detail, index) => entryOf(detail, refs[index]!)));
    report = { kind: 'incremental', versionsRead: details.length, documentsChanged: changed.length, documentsRemoved: removed.length, entries: store.keys().length };
  }
  removeUnreferencedDetails(dir, new Set(keptEntries(store).map((entry) => entry.data.detail.file)));
  meta.set('sync', JSON.stringify({ code, cms: client.baseUrl, dependencies, documents } satisfies SyncState));
  return report;
}

/**
 * The practices collection's loader (static mode); idle in server mode. A failed sync leaves no
 * half state behind: the next build reads everything.
 */
export function practicesLoader(enabled: boolean): Loader {
  return keptCollectionLoader(
    'practices',
    enabled,
    async (context, client) => {
      const report = await syncPractices(context, client);
      return report.kind === 'full'
        ? `${report.entries} entries from ${client.baseUrl} (full read: ${report.reason})`
        : `${report.entries} entries from ${client.baseUrl} (synchronised: ${report.documentsChanged} practices changed, ${report.documentsRemoved} removed, ${report.versionsRead} versions read)`;
    },
    (context) => context.meta.delete('sync'),
  );
}
