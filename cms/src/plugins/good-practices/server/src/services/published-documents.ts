/**
 * The only way the public services read content: the document service with `status:
 * 'published'` forced (Strapi returns drafts by default) and the caller's explicit `fields` and
 * `populate`. Rows are typed by the caller from those field lists (mappers/public-rows.ts): the
 * document service's own types only know content types registered in the app's generated types.
 */
import type { Core } from '@strapi/strapi';
import type { PluginContentTypeUid } from '../plugin-id';

export interface PublishedQuery {
  /** A locale code, or '*' for every locale. */
  locale: string;
  filters?: Record<string, unknown>;
  fields: readonly string[];
  populate?: Record<string, { fields: readonly string[] }>;
  /** e.g. 'documentId:asc' */
  sort?: string;
  start?: number;
  limit?: number;
}

export type PublishedCount = Pick<PublishedQuery, 'locale' | 'filters'>;

interface UntypedReads {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  findFirst(params: Record<string, unknown>): Promise<unknown>;
  count(params: Record<string, unknown>): Promise<number>;
}

export function publishedDocuments(strapi: Core.Strapi, uid: PluginContentTypeUid) {
  const documents = strapi.documents(uid) as unknown as UntypedReads;
  const params = (query: PublishedQuery): Record<string, unknown> => ({
    ...query,
    fields: [...query.fields],
    status: 'published',
  });
  return {
    async findMany<Row>(query: PublishedQuery): Promise<Row[]> {
      return (await documents.findMany(params(query))) as Row[];
    },
    async findFirst<Row>(query: PublishedQuery): Promise<Row | null> {
      return ((await documents.findFirst(params(query))) as Row | undefined) ?? null;
    },
    async count(query: PublishedCount): Promise<number> {
      return documents.count({ ...query, status: 'published' });
    },
  };
}
