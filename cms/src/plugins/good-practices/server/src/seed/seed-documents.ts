/**
 * The document-service calls seeding needs, typed for the plugin's keyed content types (the
 * document service's own types only know content types of the app's generated types). Seeds go
 * through the document service, like editors, so the plugin's invariants apply to them too.
 */
import type { Core } from '@strapi/strapi';
import type { PluginContentTypeUid } from '../plugin-id';

export interface SeededDocument {
  documentId: string;
}

interface UntypedWrites {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  create(params: Record<string, unknown>): Promise<unknown>;
}

export function seedDocuments(strapi: Core.Strapi, uid: PluginContentTypeUid) {
  const documents = strapi.documents(uid) as unknown as UntypedWrites;
  return {
    /** key -> documentId of the entries that exist in the locale. */
    async keys(locale: string): Promise<Map<string, string>> {
      const rows = (await documents.findMany({ locale, fields: ['key'] })) as { documentId: string; key: string }[];
      return new Map(rows.map((row) => [row.key, row.documentId]));
    },
    async create(locale: string, data: Record<string, unknown>, options: { publish?: boolean } = {}): Promise<SeededDocument> {
      return (await documents.create({ locale, data, ...(options.publish ? { status: 'published' } : {}) })) as SeededDocument;
    },
  };
}
