/**
 * The published locale versions (locale + slug) of every practice or tool, for the language
 * switcher of detail pages: one small query (three short columns) per content generation instead
 * of one per request.
 */
import type { Core } from '@strapi/strapi';
import type { LocalizedSlugRow } from '../mappers/public-rows';
import type { PluginContentTypeUid } from '../plugin-id';
import { cachedForGeneration } from '../read-cache/generation-cache';
import { groupVersions } from './detail-pages';
import { publishedDocuments } from './published-documents';

export function publishedVersions(strapi: Core.Strapi, uid: PluginContentTypeUid): Promise<ReadonlyMap<string, readonly LocalizedSlugRow[]>> {
  return cachedForGeneration(strapi, `versions:${uid}`, async () =>
    groupVersions(await publishedDocuments(strapi, uid).findMany<LocalizedSlugRow & { documentId: string }>({ locale: '*', fields: ['slug', 'locale'] })),
  );
}
