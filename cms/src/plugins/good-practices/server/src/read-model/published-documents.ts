/**
 * The only way the public services read content: published versions only (Strapi keeps drafts
 * in the same tables), with the caller's explicit `fields` and `populate`. Rows are typed by the
 * caller from those field lists (mappers/public-rows.ts).
 *
 * Reads go through Strapi's query engine (`strapi.db.query`) with the lookup the Document
 * Service would add for `status: 'published'` and a locale (`publishedAt IS NOT NULL` on
 * draft-and-publish types, `locale = ?` on localized ones): the Document Service wraps every read
 * in a transaction (BEGIN/COMMIT, two more statements each) and re-validates its parameters, which
 * were most of the statements and much of the time of a public request. This file is the one
 * place where "published only" is decided; tests/integration/draft-leaks.test.ts guards it.
 */
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import type { PluginContentTypeUid } from '../plugin-id';

export interface PublishedQuery {
  /** A locale code, several (a fallback chain), or '*' for every locale. */
  locale: string | readonly string[];
  /** Conditions in the query engine's syntax (`{ slug: { $eq: … } }`, relations by nesting). */
  filters?: Record<string, unknown>;
  fields: readonly string[];
  populate?: Record<string, { fields: readonly string[] }>;
  /** e.g. 'documentId:asc' */
  sort?: `${string}:${'asc' | 'desc'}`;
  start?: number;
  limit?: number;
}

export type PublishedCount = Pick<PublishedQuery, 'locale' | 'filters'>;

interface UntypedQuery {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  findOne(params: Record<string, unknown>): Promise<unknown>;
  count(params: Record<string, unknown>): Promise<number>;
}

export function publishedDocuments(strapi: Core.Strapi, uid: PluginContentTypeUid) {
  const contentType = strapi.contentType(uid);
  const draftAndPublish = contentTypes.hasDraftAndPublish(contentType);
  const localized = (contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
  const query = () => strapi.db.query(uid) as unknown as UntypedQuery;

  const where = ({ locale, filters }: PublishedCount): Record<string, unknown> => ({
    ...filters,
    ...(draftAndPublish ? { publishedAt: { $notNull: true } } : {}),
    ...(localized && locale !== '*' ? { locale: typeof locale === 'string' ? locale : { $in: [...locale] } } : {}),
  });
  const params = (read: PublishedQuery): Record<string, unknown> => {
    const [sortField, direction] = read.sort?.split(':') ?? [];
    return {
      where: where(read),
      select: ['id', 'documentId', ...read.fields],
      ...(read.populate
        ? { populate: Object.fromEntries(Object.entries(read.populate).map(([relation, { fields }]) => [relation, { select: ['id', ...fields] }])) }
        : {}),
      ...(sortField ? { orderBy: { [sortField]: direction } } : {}),
      ...(read.start !== undefined ? { offset: read.start } : {}),
      ...(read.limit !== undefined ? { limit: read.limit } : {}),
    };
  };
  return {
    async findMany<Row>(read: PublishedQuery): Promise<Row[]> {
      return (await query().findMany(params(read))) as Row[];
    },
    async findFirst<Row>(read: PublishedQuery): Promise<Row | null> {
      return ((await query().findOne(params(read))) as Row | null | undefined) ?? null;
    },
    async count(read: PublishedCount): Promise<number> {
      return query().count({ where: where(read) });
    },
  };
}
