/** Counts the SQL queries Strapi sends while a callback runs (knex `query` event). */
import type { Core } from '@strapi/strapi';
import { WATCHED_MODELS } from '../../server/src/read-model/content-generation';

interface QueryEmitter {
  on(event: 'query', listener: (query: { sql: string }) => void): void;
  off(event: 'query', listener: (query: { sql: string }) => void): void;
}

export async function countQueries<T>(strapi: Core.Strapi, run: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const connection = strapi.db.connection as unknown as QueryEmitter;
  const queries: string[] = [];
  const listener = (query: { sql: string }): void => {
    queries.push(query.sql);
  };
  connection.on('query', listener);
  try {
    const result = await run();
    return { result, queries };
  } finally {
    connection.off('query', listener);
  }
}

/**
 * Waits until Strapi has sent no query for `quietMs`: writes leave asynchronous work behind
 * (event listeners reading the written entry), which must not be counted against the next request.
 */
export async function waitForQuiet(strapi: Core.Strapi, quietMs = 300, timeoutMs = 10_000): Promise<void> {
  const connection = strapi.db.connection as unknown as QueryEmitter;
  let last = Date.now();
  const listener = (): void => {
    last = Date.now();
  };
  connection.on('query', listener);
  try {
    const started = Date.now();
    while (Date.now() - last < quietMs && Date.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    connection.off('query', listener);
  }
}

const WRITE_ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

/**
 * Counts, from now on, the writes that end a content generation (the models the read caches
 * watch: read-model/content-generation.ts). A "warm" measurement is one during which none
 * happened: a late write of an earlier step (or of Strapi itself, e.g. in its core store) makes
 * the next request cold whatever the code under test does.
 */
export function watchContentWrites(strapi: Core.Strapi): { count(): number; stop(): void } {
  let writes = 0;
  const onWrite = (event: { model?: { uid?: string }; action?: string }): void => {
    writes += 1;
    if (process.env.DEBUG_QUERIES) console.log(`[content write] ${event.action} ${event.model?.uid}`);
  };
  const unsubscribe = strapi.db.lifecycles.subscribe({
    models: [...WATCHED_MODELS],
    ...Object.fromEntries(WRITE_ACTIONS.map((action) => [action, onWrite])),
  }) as unknown as () => void;
  return { count: () => writes, stop: () => unsubscribe() };
}
