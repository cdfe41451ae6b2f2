/**
 * The content generation: a number that changes whenever anything a public response is built
 * from may have changed. Caches of the public read side (generation-cache.ts) are
 * valid for one generation only.
 *
 * Why an in-memory counter bumped by database lifecycles rather than a version query: it costs
 * nothing per request, and every write path of this process goes through Strapi's query engine,
 * which fires the lifecycles — the Document Service (admin, REST, import), the plugin's own
 * `db.query` writes (shared values kept across locales, invariants/shared-values.ts) and i18n's locales service. The models watched are
 * the plugin's content types, i18n locales, media files and the core store row where i18n keeps the
 * default locale (not the rest of the core store: PUBLIC_CORE_STORE_KEYS).
 *
 * Publish-to-visible: lifecycles run inside the writer's transaction, before its commit. A read
 * in between would still see the old rows and could cache them under the new generation; so the
 * counter is bumped a second time when that transaction commits, and anything cached in between
 * is dropped on the next request (on a rollback too: a read inside the writer's transaction may
 * have cached rows that were never committed). After the commit (when the site notifier's webhook goes out),
 * every request sees a generation that no cache was built for, and reads the database again.
 *
 * Writes made by another process (the import CLI with its own Strapi, a second CMS instance) do
 * not reach this counter: the same lifecycles also bump a row in the database, in the writer's
 * transaction (stored-generation.ts), which every public request reads once (currentGeneration).
 * Rows edited by hand with SQL reach neither: caches also expire after MAX_AGE_MS
 * (generation-cache.ts).
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import { uids } from '../plugin-id';
import { type ChangedPractices, noteLocalBump, noteOwnStoredBump } from './change-journal';
import { requestGeneration } from './request-generation';
import { bumpStoredGeneration, readStoredGeneration } from './stored-generation';

export const WATCHED_MODELS: readonly string[] = [...Object.values(uids), 'plugin::i18n.locale', 'plugin::upload.file', 'strapi::core-store'];

/**
 * The core store rows a public response depends on: i18n's default locale. Strapi and its plugins
 * keep bookkeeping there too, written on their own schedule: the upload plugin's weekly metrics
 * (`plugin_upload_metrics`, written by a cron 15 s after a first boot and then once a week), the
 * admin's homepage layouts, the content manager's view settings. Bumping the generation for those
 * would drop every cache (the next request rebuilds each locale's indexes) for nothing; and the
 * stored bump would be a write to the content generation that no one made.
 */
const PUBLIC_CORE_STORE_KEYS: ReadonlySet<string> = new Set(['plugin_i18n_default_locale']);

interface WriteEvent {
  model?: { uid?: string };
  params?: { where?: unknown; data?: unknown };
  result?: unknown;
}

/** The core store key a lifecycle event wrote, when it names exactly one. */
function coreStoreKey(event: WriteEvent): string | undefined {
  for (const candidate of [event.result, event.params?.data, event.params?.where]) {
    if (candidate && typeof candidate === 'object' && typeof (candidate as { key?: unknown }).key === 'string') return (candidate as { key: string }).key;
  }
  return undefined;
}

/** Whether a write may change what a public response is built from. Unknown core store writes count. */
export function concernsPublicContent(event: WriteEvent): boolean {
  if (event.model?.uid !== 'strapi::core-store') return true;
  const key = coreStoreKey(event);
  return key === undefined || PUBLIC_CORE_STORE_KEYS.has(key);
}

const ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

/**
 * Models whose writes change the practices' summary rows without naming the practices: the
 * rows carry the terms' names and the cover image's file (change-journal.ts).
 */
const ROWS_OF_UNNAMED_PRACTICES: ReadonlySet<string> = new Set([uids.integrationArea, uids.targetGroup, 'plugin::upload.file']);

/** The practices whose summary rows a write may change (change-journal.ts). */
export function practicesOfWrite(event: WriteEvent): ChangedPractices {
  const uid = event.model?.uid;
  if (uid !== uids.practice) return uid !== undefined && ROWS_OF_UNNAMED_PRACTICES.has(uid) ? 'unknown' : new Set();
  // create/update/delete answer with the row (Strapi's query engine); the *Many ones with a count.
  const rows = Array.isArray(event.result) ? event.result : [event.result];
  const ids = rows.map((row) => (isPlainObject(row) && typeof row.documentId === 'string' ? row.documentId : undefined));
  return ids.length > 0 && ids.every((id) => id !== undefined) ? new Set(ids as string[]) : 'unknown';
}

export interface ContentGeneration {
  current(): number;
  /** Forget every cache (also called by the lifecycles); `practices`: what the write concerns (default: unknown). */
  bump(practices?: ChangedPractices): void;
}

const generations = new WeakMap<Core.Strapi, ContentGeneration>();
const bumpListeners = new WeakMap<Core.Strapi, (() => void)[]>();

/** Calls `listener` after each bump of this process's generation (a write of public content here). */
export function onContentWrite(strapi: Core.Strapi, listener: () => void): void {
  bumpListeners.set(strapi, [...(bumpListeners.get(strapi) ?? []), listener]);
}

/** The generation of this Strapi instance (one per instance: tests boot several in one process). */
export function contentGeneration(strapi: Core.Strapi): ContentGeneration {
  let generation = generations.get(strapi);
  if (!generation) {
    let value = 0;
    generation = {
      current: () => value,
      bump: (practices = 'unknown') => {
        value += 1;
        noteLocalBump(strapi, value, practices);
        for (const listener of bumpListeners.get(strapi) ?? []) listener();
      },
    };
    generations.set(strapi, generation);
  }
  return generation;
}

/**
 * The generation a cache entry is valid for: this process's counter and the stored generation
 * (read once per public request by the read-generation middleware, else here).
 */
export async function currentGeneration(strapi: Core.Strapi): Promise<string> {
  const local = contentGeneration(strapi).current();
  const stored = requestGeneration(strapi) ?? (await readStoredGeneration(strapi.db.connection));
  return `${local}:${stored}`;
}

/**
 * Subscribes the counter to writes of the watched models; call once, at bootstrap, after
 * ensureStoredGeneration.
 */
export function watchContentWrites(strapi: Core.Strapi): void {
  const generation = contentGeneration(strapi);
  // Per writer transaction: its stored bump (one UPDATE however many rows it writes) and the
  // practices its writes concern, announced with the bumps of its commit or rollback.
  const transactions = new WeakMap<object, { practices: Set<string> | 'unknown'; stored?: string }>();
  const onWrite = async (event: WriteEvent): Promise<void> => {
    if (!concernsPublicContent(event)) return;
    const practices = practicesOfWrite(event);
    generation.bump(practices);
    if (strapi.db.inTransaction()) {
      // Joins the writer's transaction (no new one): the stored bump commits or rolls back with
      // the data, and the commit callbacks are registered on it.
      await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
        let written = transactions.get(trx);
        if (!written) {
          written = { practices: new Set() };
          transactions.set(trx, written);
          const state = written;
          state.stored = await bumpStoredGeneration(trx as unknown as Parameters<typeof bumpStoredGeneration>[0]);
          onCommit(() => {
            if (state.stored !== undefined) noteOwnStoredBump(strapi, state.stored);
            generation.bump(state.practices);
          });
          // A read inside the failed transaction may have cached rows that never came to be.
          onRollback(() => generation.bump(state.practices));
        }
        if (practices === 'unknown' || written.practices === 'unknown') written.practices = 'unknown';
        else for (const documentId of practices) written.practices.add(documentId);
      });
    } else {
      noteOwnStoredBump(strapi, await bumpStoredGeneration(strapi.db.connection));
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [...WATCHED_MODELS],
    ...Object.fromEntries(ACTIONS.map((action) => [action, onWrite])),
  });
}
