/**
 * The text the list's `q` searches (title, summary and answers of each published practice as a
 * visitor of the locale sees it: the version shown, with the summary and answers it lacks taken
 * along the chain, see domain/text-fallback.ts), folded once per content generation instead of on every search request: folding
 * (lower case, decomposition, marks removed) of every answer of the locale was the search's
 * whole cost.
 *
 * Bounded: the folded texts of a locale are large (answers are long), so locales are kept in
 * least-recently-used order within MAX_BYTES; a locale larger than that on its own is not kept
 * and each search folds its candidates again (correct, only slower).
 */
import type { Core } from '@strapi/strapi';
import { foldText } from '../../../contract';
import { mergeTexts } from '../domain/text-fallback';
import { uids } from '../plugin-id';
import { currentGeneration } from './content-generation';
import { MAX_AGE_MS } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import { versionsInChainOrder } from './practice-list-index';
import { publishedDocuments } from './published-documents';

export const MAX_BYTES = 96 * 1024 * 1024;

interface SearchRow {
  documentId: string;
  locale: string;
  title: string;
  summary: string | null;
  answers: unknown;
}

/** documentId -> folded text. */
export type SearchTexts = ReadonlyMap<string, string>;

interface Entry {
  generation: string;
  builtAt: number;
  bytes: number;
  texts: Promise<SearchTexts>;
}

const caches = new WeakMap<Core.Strapi, Map<string, Entry>>();

/**
 * The same haystack as the contract's matchesQuery builds from the texts shown: the shown
 * version's title, the merged summary and answers (versions in chain order).
 */
function foldedText(versions: readonly SearchRow[], locale: string): string {
  const merged = mergeTexts(versions);
  const texts = [versions[0]!.title, merged.texts.summary, ...[...merged.answers.values()].map((answer) => answer.body)];
  return foldText(texts.filter((value): value is string => typeof value === 'string').join('\n'), locale);
}

/** The contract's matchesQuery on an already folded haystack (same folding, same word split). */
export function matchesFolded(haystack: string, query: string, locale: string): boolean {
  return foldText(query, locale)
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

async function readTexts(strapi: Core.Strapi, { locale, chain }: LocaleContext): Promise<Map<string, string>> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<SearchRow>({ locale: chain, fields: ['locale', 'title', 'summary', 'answers'] });
  return new Map(versionsInChainOrder(rows, chain).map((versions) => [versions[0]!.documentId, foldedText(versions, locale)]));
}

/**
 * Folded texts of every published practice of a locale: from the cache when this generation's
 * texts of the locale are kept, else read with one query (and kept if they fit).
 */
export async function searchTexts(strapi: Core.Strapi, context: LocaleContext): Promise<SearchTexts> {
  const { locale } = context;
  let cache = caches.get(strapi);
  if (!cache) {
    cache = new Map();
    caches.set(strapi, cache);
  }
  const generation = await currentGeneration(strapi);
  const now = Date.now();
  const entry = cache.get(locale);
  if (entry && entry.generation === generation && now - entry.builtAt < MAX_AGE_MS) {
    // Most recently used last.
    cache.delete(locale);
    cache.set(locale, entry);
    return entry.texts;
  }
  cache.delete(locale);

  const texts = readTexts(strapi, context);
  const fresh: Entry = { generation, builtAt: now, bytes: 0, texts };
  cache.set(locale, fresh);
  const built = await texts.catch((error: unknown) => {
    if (cache.get(locale) === fresh) cache.delete(locale);
    throw error;
  });
  // UTF-16 in memory: two bytes per code unit.
  fresh.bytes = [...built.values()].reduce((sum, text) => sum + text.length * 2, 0);
  if (fresh.bytes > MAX_BYTES) {
    if (cache.get(locale) === fresh) cache.delete(locale);
  } else {
    let total = [...cache.values()].reduce((sum, kept) => sum + kept.bytes, 0);
    for (const [key, kept] of cache) {
      if (total <= MAX_BYTES || kept === fresh) break;
      cache.delete(key);
      total -= kept.bytes;
    }
  }
  return built;
}
