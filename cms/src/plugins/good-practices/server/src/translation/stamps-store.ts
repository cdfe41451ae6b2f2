/**
 * Translation stamps: for each translated entry (kind, entry id, locale), the fingerprint of
 * every source segment as it was when the translation of that segment was last saved.
 *
 * Kept in the plugin store (Strapi's core store, one row per translated entry) rather than in a
 * field of the content types: the stamps are bookkeeping of the translation workflow, invisible
 * to editors and to the public API, and a field would show in the edit view, be copied on
 * publish and travel with every read.
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject, safeJson } from '../domain/json-values';
import { PLUGIN_ID } from '../plugin-id';
import type { EntryKind } from './translatable-types';

export interface TranslationStamp {
  /** Segment path -> fingerprint of the source text it was translated from. */
  hashes: Record<string, string>;
  savedAt: string;
}

const PREFIX = 'translation-stamp/';
/** How Strapi's core store names a plugin key in its table. */
const STORED_PREFIX = `plugin_${PLUGIN_ID}_${PREFIX}`;

export const stampKey = (kind: EntryKind, entryId: string, locale: string): string => `${kind}/${entryId}/${locale}`;

function readStamp(value: unknown): TranslationStamp | undefined {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (!isPlainObject(parsed) || !isPlainObject(parsed.hashes)) return undefined;
  const hashes: Record<string, string> = {};
  for (const [path, hash] of Object.entries(parsed.hashes)) if (typeof hash === 'string') hashes[path] = hash;
  return { hashes, savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '' };
}

export function createStampsStore(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });

  return {
    /** Every stamp, keyed by stampKey(): one query, for the status report. */
    async all(): Promise<Map<string, TranslationStamp>> {
      const rows = (await strapi.db.query('strapi::core-store').findMany({
        where: { key: { $startsWith: STORED_PREFIX } },
        select: ['key', 'value'],
      })) as { key: string; value: unknown }[];
      const stamps = new Map<string, TranslationStamp>();
      for (const row of rows) {
        const stamp = readStamp(row.value);
        if (stamp) stamps.set(row.key.slice(STORED_PREFIX.length), stamp);
      }
      return stamps;
    },

    async get(kind: EntryKind, entryId: string, locale: string): Promise<TranslationStamp | undefined> {
      return readStamp(await store.get({ key: PREFIX + stampKey(kind, entryId, locale) }));
    },

    /**
     * Sets the fingerprints of some segments (a hash of undefined forgets a segment whose source
     * has no text any more), keeping the others: a save that writes one field re-stamps that field only.
     */
    async record(kind: EntryKind, entryId: string, locale: string, hashes: Record<string, string | undefined>): Promise<void> {
      if (Object.keys(hashes).length === 0) return;
      const current = (await this.get(kind, entryId, locale))?.hashes ?? {};
      const next: Record<string, string> = { ...current };
      for (const [path, hash] of Object.entries(hashes)) {
        if (hash === undefined) delete next[path];
        else next[path] = hash;
      }
      const stamp: TranslationStamp = { hashes: next, savedAt: new Date().toISOString() };
      await store.set({ key: PREFIX + stampKey(kind, entryId, locale), value: stamp });
    },
  };
}

export type StampsStore = ReturnType<typeof createStampsStore>;
