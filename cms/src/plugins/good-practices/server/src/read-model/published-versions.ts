/**
 * The published locale versions (locale + slug) of every practice or tool, for the language
 * switcher of detail pages: one small query (three short columns) per content generation instead
 * of one per request.
 */
import type { Core } from '@strapi/strapi';
import type { LocalizedSlugRow } from '../mappers/public-rows';
import type { PluginContentTypeUid } from '../plugin-id';
import { cachedForGeneration, peekForGeneration } from './generation-cache';
import { groupVersions } from './detail-pages';
import { publishedDocuments } from './published-documents';

const keyOf = (uid: PluginContentTypeUid) => `versions:${uid}`;

/** The versions index if it is built for the current generation (never builds). */
export function builtPublishedVersions(strapi: Core.Strapi, uid: PluginContentTypeUid): Promise<ReadonlyMap<string, readonly LocalizedSlugRow[]> | undefined> {
  return peekForGeneration(strapi, keyOf(uid));
}

export function publishedVersions(strapi: Core.Strapi, uid: PluginContentTypeUid): Promise<ReadonlyMap<string, readonly LocalizedSlugRow[]>> {
  return cachedForGeneration(strapi, keyOf(uid), async () =>
    groupVersions(await publishedDocuments(strapi, uid).findMany<LocalizedSlugRow & { documentId: string }>({ locale: '*', fields: ['slug', 'locale'] })),
  );
}
