/**
 * Stamps translations as they are saved: a document-service middleware, so that every path (the
 * admin's edit view, the XLIFF import, scripts) records, for each segment a write to a
 * non-default locale touches, the fingerprint of the default locale's text of that segment at
 * that moment. The translation status later compares it with the source's current text.
 *
 * Saving a translation in the admin sends every field, so a re-save marks every segment as
 * translated from the current source: the editor's "I have checked this translation".
 * Stamping is bookkeeping: when it fails the write still stands (logged).
 */
import type { Core, Modules } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import { type DocumentContext, type Next, resultDocumentId, writtenData } from '../invariants/document-write';
import { getDefaultLocaleCode, writeLocale } from '../locales/configured-locales';
import { entryIdOf, toEntryRow } from './entry-rows';
import { sourceHash } from './source-hash';
import { writtenPaths } from './segments';
import { createStampsStore } from './stamps-store';
import { fieldsToRead, type TranslatableType, typeOfUid } from './translatable-types';

interface UntypedDocuments {
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
}

async function sourceEntry(strapi: Core.Strapi, type: TranslatableType, written: Record<string, unknown>, defaultLocale: string) {
  const documents = strapi.documents(type.uid) as unknown as UntypedDocuments;
  const filters: Record<string, unknown> =
    type.identity === 'single' ? {} : type.identity === 'key' ? { key: written.key } : { documentId: written.documentId };
  const row = await documents.findFirst({
    locale: defaultLocale,
    ...(type.draftAndPublish ? { status: 'draft' } : {}),
    filters,
    fields: fieldsToRead(type),
  });
  return row ? toEntryRow(type, row) : undefined;
}

/** Records the fingerprints of the source segments behind the segments this write touched. */
export async function stampWrite(strapi: Core.Strapi, type: TranslatableType, locale: string, data: Record<string, unknown>, written: Record<string, unknown>): Promise<void> {
  const paths = writtenPaths(type, data);
  if (paths.length === 0) return;
  const entryId = entryIdOf(type, written);
  if (!entryId) return;
  const defaultLocale = await getDefaultLocaleCode(strapi);
  if (locale === defaultLocale) return;
  const source = await sourceEntry(strapi, type, written, defaultLocale);
  if (!source) return; // an entry that exists only in this locale is not a translation
  const sourceTexts = new Map(source.segments.map((segment) => [segment.path, segment.text]));
  const hashes: Record<string, string | undefined> = {};
  for (const path of paths) {
    const text = sourceTexts.get(path);
    hashes[path] = text === undefined ? undefined : sourceHash(text);
  }
  await createStampsStore(strapi).record(type.kind, entryId, locale, hashes);
}

export function createStampMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const middleware = async (context: DocumentContext, next: Next): Promise<unknown> => {
    const type = typeOfUid(context.uid);
    if (!type || (context.action !== 'create' && context.action !== 'update')) return next();
    const result = await next();
    try {
      const locale = await writeLocale(strapi, context.params.locale);
      const documentId = resultDocumentId(result) ?? context.params.documentId;
      const written = isPlainObject(result) ? result : {};
      await stampWrite(strapi, type, locale, writtenData(context.params), { ...written, documentId });
    } catch (error) {
      strapi.log.warn(`[good-practices] could not record the translation stamp of ${context.uid} ${context.params.documentId ?? ''}: ${(error as Error).message}`);
    }
    return result;
  };
  return middleware as unknown as Modules.Documents.Middleware.Middleware;
}
