/**
 * The stored generation read once at the start of a public request and seen by every cache lookup
 * of that request (several per request: locales, framework, list index, versions…), so that a
 * request costs one extra primary-key lookup, not one per cache.
 *
 * Read at the start, so never later than any cache value built for the request: a write committed
 * by another process before the request arrived is always seen.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { readStoredGeneration } from './stored-generation';

interface Scope {
  strapi: Core.Strapi;
  stored: string;
}

const scope = new AsyncLocalStorage<Scope>();

/** The stored generation of the current public request of `strapi`, if inside one. */
export function requestGeneration(strapi: Core.Strapi): string | undefined {
  const current = scope.getStore();
  return current?.strapi === strapi ? current.stored : undefined;
}

/** Koa middleware of the public routes (route config `plugin::good-practices.read-generation`). */
export function readGenerationMiddleware(_config: unknown, { strapi }: { strapi: Core.Strapi }) {
  return async (_ctx: unknown, next: () => Promise<unknown>): Promise<unknown> => {
    const stored = await readStoredGeneration(strapi.db.connection);
    return scope.run({ strapi, stored }, next);
  };
}
