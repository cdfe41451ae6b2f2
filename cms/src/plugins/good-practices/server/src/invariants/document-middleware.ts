/**
 * The single place where the plugin's invariants hook into Strapi: one document-service
 * middleware (`strapi.documents.use`), so that the admin content manager, the REST API and code
 * using the document service (the import) all pass the same checks.
 *
 * Each guarded write runs in one transaction with the write itself, so a failed propagation
 * rolls the write back instead of leaving versions that disagree.
 */
import type { Core, Modules } from '@strapi/strapi';
import { uids } from '../plugin-id';
import type { DocumentContext, Next } from './document-write';
import { guardPractice } from './practice-guard';
import { guardSite } from './site-guard';
import { guardTool } from './tool-guard';

type Guard = (strapi: Core.Strapi, context: DocumentContext, next: Next) => Promise<unknown>;

const guards: Record<string, Guard> = {
  [uids.practice]: guardPractice,
  [uids.tool]: guardTool,
  [uids.site]: guardSite,
};

const GUARDED_ACTIONS = new Set(['create', 'update', 'clone', 'publish', 'discardDraft']);

export function createInvariantsMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware = async (context: DocumentContext, next: Next): Promise<unknown> => {
    const guard = guards[context.uid];
    if (!guard || !GUARDED_ACTIONS.has(context.action)) return next();
    return strapi.db.transaction(() => guard(strapi, context, next));
  };
  // Strapi types the context as a union over every content type and action; the guards read
  // only the fields declared by DocumentContext, defensively.
  return middleware as unknown as Modules.Documents.Middleware.Middleware;
}
