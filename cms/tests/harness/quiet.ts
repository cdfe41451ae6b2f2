/**
 * Waits until Strapi has sent no query for `quietMs`: writes leave asynchronous work behind
 * (event listeners reading the written entry), which must not be counted against the next
 * request. Shared by the plugin's query-count tests and the bench's query counts
 * (bench/cms-worker.ts); erasable TypeScript, so that plain Node runs it too.
 */
import type { Core } from '@strapi/strapi';

interface QueryEmitter {
  on(event: 'query', listener: () => void): void;
  off(event: 'query', listener: () => void): void;
}

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
