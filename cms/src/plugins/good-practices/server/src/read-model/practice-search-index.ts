/**
 * What the list's `q` searches: the title, summary and answers of each published practice as a
 * visitor of the locale sees it (the version shown, with the summary and answers it lacks taken
 * along the chain, see domain/text-fallback.ts), folded (lower case, decomposition, marks
 * removed) once per content generation instead of on every search request: folding every answer
 * of the locale was the search's whole cost.
 *
 * Kept as a token index, not as the folded texts: the texts of a locale are tens of megabytes
 * (answers are long), and keeping them (with their rebuilds as visitors searched in turn in five
 * languages) left the CMS process over a gigabyte at 2,000 practices × 5 locales (issue 17.6).
 * A token is a run of the folded text between white space, and a query word (it has no white
 * space) occurs in the folded text exactly when it occurs in one of its tokens: so the index
 * answers the contract's matchesQuery exactly, substrings included ("integr" finds
 * "integration"), from each token's list of practices. The vocabulary of a locale is small next
 * to its texts (each word once, with the practices using it).
 *
 * After a write of this process, the next search folds again only the practices it concerned and
 * lays their words over the kept index (layeredIndex; change-journal.ts), up to MAX_LAYERS layers,
 * as long as the locale's fallback chain is the same; anything else builds the index again.
 *
 * Bounded: the indexes of the locales are kept in least-recently-used order within MAX_BYTES; a
 * locale larger than that on its own is used for the request that built it and not kept. The
 * texts are read a batch of practices at a time (SEARCH_TEXT_BATCH), so that building an index
 * never holds every answer of every version at once.
 */
import type { Core } from '@strapi/strapi';
import { foldText } from '../../../contract';
import { mergeTexts } from '../domain/text-fallback';
import { uids } from '../plugin-id';
import { currentGeneration } from './content-generation';
import { practicesChangedBetween } from './change-journal';
import { MAX_AGE_MS } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import { versionsInChainOrder } from './practice-list-index';
import { publishedDocuments } from './published-documents';

export const MAX_BYTES = 64 * 1024 * 1024;

/** Practices whose versions are read at a time while an index is built. */
export const SEARCH_TEXT_BATCH = 200;

interface SearchRow {
  documentId: string;
  locale: string;
  title: string;
  summary: string | null;
  answers: unknown;
}

export interface SearchIndex {
  /** The practices (documentIds) whose text has every word of `query` (none: every practice). */
  matching(query: string): ReadonlySet<string>;
  /** About what the index holds in memory. */
  readonly bytes: number;
  readonly practices: number;
}

interface Entry {
  generation: string;
  /** When the texts were last read in full (a layered index keeps its base's time). */
  builtAt: number;
  bytes: number;
  index: Promise<SearchIndex>;
  settled?: SearchIndex & { layers?: number };
  /** The locale's fallback chain the texts were merged along (a new locale or default changes it). */
  chain: string;
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

const wordsOf = (folded: string): string[] => folded.split(/\s+/u).filter((word) => word.length > 0);

/** Builds the index of `texts` (documentId → folded text) as the locale's visitors search them. */
export function tokenIndex(texts: Iterable<readonly [string, string]>, locale: string): SearchIndex {
  const documentIds: string[] = [];
  const postings = new Map<string, number[]>();
  for (const [documentId, folded] of texts) {
    const position = documentIds.push(documentId) - 1;
    for (const token of new Set(wordsOf(folded))) {
      const list = postings.get(token);
      if (list) list.push(position);
      else postings.set(token, [position]);
    }
  }
  // Compact: one typed array per token instead of a growable array.
  const vocabulary = [...postings.keys()];
  const lists = vocabulary.map((token) => Uint32Array.from(postings.get(token)!));
  postings.clear();
  let bytes = documentIds.reduce((sum, id) => sum + id.length * 2 + 16, 0);
  for (let i = 0; i < vocabulary.length; i++) bytes += vocabulary[i]!.length * 2 + 16 + lists[i]!.byteLength + 64;
  const everything = new Set(documentIds);
  return {
    bytes,
    practices: documentIds.length,
    matching(query) {
      const words = wordsOf(foldText(query, locale));
      if (words.length === 0) return everything;
      let result: Set<number> | undefined;
      for (const word of words) {
        const found = new Set<number>();
        for (let i = 0; i < vocabulary.length; i++) {
          if (!vocabulary[i]!.includes(word)) continue;
          for (const position of lists[i]!) if (!result || result.has(position)) found.add(position);
        }
        result = found;
        if (result.size === 0) break;
      }
      return new Set([...result!].map((position) => documentIds[position]!));
    },
  };
}

/** The folded words of each practice's texts (each distinct word once), a batch at a time. */
async function foldedWords(strapi: Core.Strapi, { locale, chain }: LocaleContext, documentIds: readonly string[]): Promise<[string, string][]> {
  const practices = publishedDocuments(strapi, uids.practice);
  const words: [string, string][] = [];
  for (let start = 0; start < documentIds.length; start += SEARCH_TEXT_BATCH) {
    const rows = await practices.findMany<SearchRow>({
      locale: chain,
      fields: ['locale', 'title', 'summary', 'answers'],
      filters: { documentId: { $in: documentIds.slice(start, start + SEARCH_TEXT_BATCH) } },
    });
    // Each distinct word once: the index needs no more, and the batch's texts can go.
    for (const versions of versionsInChainOrder(rows, chain)) words.push([versions[0]!.documentId, [...new Set(wordsOf(foldedText(versions, locale)))].join(' ')]);
  }
  return words;
}

async function buildIndex(strapi: Core.Strapi, context: LocaleContext): Promise<SearchIndex> {
  // The documents first (ids only), then their versions a batch of documents at a time, so that
  // a document's versions are folded together.
  const rows = await publishedDocuments(strapi, uids.practice).findMany<{ documentId: string }>({ locale: context.chain, fields: [] });
  return tokenIndex(await foldedWords(strapi, context, [...new Set(rows.map((row) => row.documentId))]), context.locale);
}

/** Layers on an index before it is built again in full (each costs every search a little). */
export const MAX_LAYERS = 32;
/** Practices changed since the last index beyond which a full build is as cheap. */
export const INCREMENTAL_SEARCH_LIMIT = 200;

/**
 * `earlier` with the practices in `changed` replaced by what they are now (`current`: their
 * folded words, none for a practice no longer published): a search answers from `earlier` minus
 * the changed practices, plus the layer's own small index.
 */
export function layeredIndex(earlier: SearchIndex & { layers?: number }, changed: ReadonlySet<string>, current: readonly [string, string][], locale: string): SearchIndex & { layers: number } {
  const layer = tokenIndex(current, locale);
  return {
    layers: (earlier.layers ?? 0) + 1,
    bytes: earlier.bytes + layer.bytes + [...changed].reduce((sum, id) => sum + id.length * 2 + 16, 0),
    practices: earlier.practices - [...changed].filter((id) => earlier.matching('').has(id)).length + layer.practices,
    matching(query) {
      const found = new Set([...earlier.matching(query)].filter((id) => !changed.has(id)));
      for (const id of layer.matching(query)) found.add(id);
      return found;
    },
  };
}

/**
 * The search index of a locale: from the cache when this generation's index of the locale is
 * kept, else built (and kept if it fits).
 */
export async function searchIndex(strapi: Core.Strapi, context: LocaleContext): Promise<SearchIndex> {
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
    return entry.index;
  }
  cache.delete(locale);

  // After a write of this process, the practices it wrote are folded again and the rest kept
  // (change-journal.ts): the first search after a publish does not read every answer again.
  const chain = context.chain.join(',');
  const earlier = entry?.settled && entry.chain === chain && now - entry.builtAt < MAX_AGE_MS ? entry : undefined;
  const changed = earlier ? practicesChangedBetween(strapi, earlier.generation, generation) : 'unknown';
  const derive = earlier?.settled && changed !== 'unknown' && changed.size <= INCREMENTAL_SEARCH_LIMIT && (earlier.settled.layers ?? 0) < MAX_LAYERS;
  const index = derive
    ? foldedWords(strapi, context, [...changed]).then((current) => layeredIndex(earlier.settled!, changed, current, locale))
    : buildIndex(strapi, context);
  // A layered index is as old as the full build under it (MAX_AGE_MS bounds what raw SQL can hide).
  const fresh: Entry = { generation, builtAt: derive ? earlier!.builtAt : now, bytes: 0, index, chain };
  cache.set(locale, fresh);
  const built = await index.catch((error: unknown) => {
    if (cache.get(locale) === fresh) cache.delete(locale);
    throw error;
  });
  fresh.bytes = built.bytes;
  fresh.settled = built;
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
