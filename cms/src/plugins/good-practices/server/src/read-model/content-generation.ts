/**
 * The content generation: a number that changes whenever anything a public response is built
 * from may have changed. Caches of the public read side (generation-cache.ts) are
 * valid for one generation only.
 *
 * Why an in-memory counter bumped by database lifecycles rather than a version query: it costs
 * nothing per request, and every write path of this process goes through Strapi's query engine,
 * which fires the lifecycles — the Document Service (admin, REST, import), the plugin's own
 * `db.query` writes (shared values kept across locales, invariants/shared-values.ts) and i18n's locales service. The models watched are
 * the plugin's content types, i18n locales, media files and the core store (where i18n keeps the
 * default locale).
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
import { uids } from '../plugin-id';
import { requestGeneration } from './request-generation';
import { bumpStoredGeneration, readStoredGeneration } from './stored-generation';

export const WATCHED_MODELS: readonly string[] = [...Object.values(uids), 'plugin::i18n.locale', 'plugin::upload.file', 'strapi::core-store'];

const ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

export interface ContentGeneration {
  current(): number;
  /** Forget every cache (also called by the lifecycles). */
  bump(): void;
}

const generations = new WeakMap<Core.Strapi, ContentGeneration>();

/** The generation of this Strapi instance (one per instance: tests boot several in one process). */
export function contentGeneration(strapi: Core.Strapi): ContentGeneration {
  let generation = generations.get(strapi);
  if (!generation) {
    let value = 0;
    generation = {
      current: () => value,
      bump: () => {
        value += 1;
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
  // Transactions whose stored bump is done: one UPDATE per transaction, however many rows it writes.
  const bumped = new WeakSet<object>();
  const onWrite = async (): Promise<void> => {
    generation.bump();
    if (strapi.db.inTransaction()) {
      // Joins the writer's transaction (no new one): the stored bump commits or rolls back with
      // the data, and the commit callbacks are registered on it.
      await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
        if (!bumped.has(trx)) {
          bumped.add(trx);
          await bumpStoredGeneration(trx as unknown as Parameters<typeof bumpStoredGeneration>[0]);
        }
        onCommit(() => generation.bump());
        // A read inside the failed transaction may have cached rows that never came to be.
        onRollback(() => generation.bump());
      });
    } else {
      await bumpStoredGeneration(strapi.db.connection);
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [...WATCHED_MODELS],
    ...Object.fromEntries(ACTIONS.map((action) => [action, onWrite])),
  });
}
