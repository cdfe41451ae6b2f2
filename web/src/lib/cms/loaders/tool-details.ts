/**
 * The tools collection of the static build: each tool version's summary and translations in the
 * data store, its detail (description and the practices citing it) in a detail file
 * (./detail-files.ts), like the practices.
 *
 * Why not the whole detail in the store: a tool's detail lists every practice that cites it, as
 * each locale shows them (≈ 28 KB per version at 2,000 practices × 5 locales, 6.5 MB in all):
 * 43 % of the store's bytes and half of the time Astro takes to serialise it (1.0 s → 0.5 s),
 * which it does at every build. Tools are few: every detail is read at every
 * build (a few bulk requests); a detail whose digest is the one the store points to stays where
 * it is, the others are written to a new file, and files no entry points to are removed.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { apiPaths, MAX_PAGE_SIZE, toolSummary, type ToolDetail } from 'strapi-plugin-good-practices/contract';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CmsClient } from '../client';
import { BULK_CONCURRENCY, keptCollectionLoader, localesOrFail, readAllPages } from './build';
import { detailDigest, detailFolder, newDetailFileName, removeUnreferencedDetails, writeDetails } from './detail-files';
import type { StaticTool } from './types';

export interface ToolSyncReport {
  entries: number;
  /** Details written in this build (new or changed versions). */
  written: number;
}

type Entry = { id: string; data: StaticTool };

function entryOf(detail: ToolDetail, ref: StaticTool['detail']): Entry {
  return { id: `${detail.locale}/${detail.slug}`, data: { ...toolSummary.parse(detail), locales: detail.locales, detail: ref } };
}

/** Replaces the store's tools with the CMS's, writing only the details that changed. */
export async function syncTools(context: Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest' | 'config' | 'collection'>, client: CmsClient): Promise<ToolSyncReport> {
  const { store, parseData, generateDigest } = context;
  const locales = await localesOrFail(client);
  const dir = detailFolder(context.config.cacheDir, context.collection, client.baseUrl);
  const details = await readAllPages(
    locales.map((l) => l.code),
    BULK_CONCURRENCY,
    (locale) => `${client.baseUrl}${apiPaths.toolDetails}?locale=${locale}`,
    (locale, page) => client.toolDetails({ locale, page, pageSize: MAX_PAGE_SIZE }),
    async (tools: ToolDetail[]) => tools,
  );
  // Where each detail already is, by digest: files of earlier builds against this CMS that are
  // still there (another CMS's folder goes once unused, and its files with it).
  const kept = new Map<string, StaticTool['detail']>();
  for (const entry of store.values() as unknown as Entry[]) {
    const ref = entry.data?.detail;
    if (ref && dirname(ref.file) === dir && existsSync(ref.file)) kept.set(ref.digest, ref);
  }
  const digests = details.map(detailDigest);
  const toWrite = details.filter((_, index) => !kept.has(digests[index]!));
  const written = toWrite.length > 0 ? await writeDetails(dir, newDetailFileName(), toWrite) : [];
  for (const ref of written) kept.set(ref.digest, ref);
  const entries = details.map((detail, index) => entryOf(detail, kept.get(digests[index]!)!));

  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const { id, data } of entries) {
    const parsed = await parseData({ id, data: data as unknown as Record<string, unknown> });
    // Same digest: Astro keeps the entry as it is.
    store.set({ id, data: parsed, digest: generateDigest(parsed) });
  }
  removeUnreferencedDetails(dir, new Set(entries.map((entry) => entry.data.detail.file)));
  return { entries: entries.length, written: written.length };
}

/** The tools collection's loader (static mode); idle in server mode. A failure leaves no tool behind. */
export function toolsLoader(enabled: boolean): Loader {
  return keptCollectionLoader(
    'tools',
    enabled,
    async (context, client) => {
      const report = await syncTools(context, client);
      return `${report.entries} entries from ${client.baseUrl} (${report.written} details written)`;
    },
    (context) => context.store.clear(),
  );
}
