/**
 * The content generation: a number that changes whenever anything a public response is built
 * from may have changed. Caches of the public read side (read-cache/generation-cache.ts) are
 * valid for one generation only.
 *
 * Why an in-memory counter bumped by database lifecycles rather than a version query: it costs
 * nothing per request, and every write path of this process goes through Strapi's query engine,
 * which fires the lifecycles — the Document Service (admin, REST, import), the plugin's own
 * `db.query` writes (assessment propagation) and i18n's locales service. The models watched are
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
 * Writes made by another process (the import CLI with its own Strapi, hand-edited rows) do not
 * reach this counter: caches therefore also expire after MAX_AGE_MS (generation-cache.ts), so
 * such writes become visible within that delay, or at once after a restart.
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';

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

/** Subscribes the counter to writes of the watched models; call once, at bootstrap. */
export function watchContentWrites(strapi: Core.Strapi): void {
  const generation = contentGeneration(strapi);
  const onWrite = async (): Promise<void> => {
    generation.bump();
    if (strapi.db.inTransaction()) {
      // Joins the writer's transaction (no new one): only registers the commit callback.
      await strapi.db.transaction(async ({ onCommit, onRollback }) => {
        onCommit(() => generation.bump());
        // A read inside the failed transaction may have cached rows that never came to be.
        onRollback(() => generation.bump());
      });
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [...WATCHED_MODELS],
    ...Object.fromEntries(ACTIONS.map((action) => [action, onWrite])),
  });
}
