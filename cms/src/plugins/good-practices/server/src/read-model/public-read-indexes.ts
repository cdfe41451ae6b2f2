/**
 * Indexes for the public reads, which Strapi's schema.json cannot declare.
 *
 * Every public read filters practices and tools by locale (and slug), published versions only.
 * Strapi's own index on these tables leads with document_id, so without these a slug lookup scans
 * every version of every practice (measured: bench/reports/full-2000x5.md, analysis item 1).
 *
 * Created at every bootstrap with CREATE INDEX IF NOT EXISTS (SQLite and PostgreSQL both have it):
 * idempotent, and it restores an index if a schema change rebuilt the table. Strapi's schema sync
 * leaves them alone: it drops only indexes it created itself in an earlier schema.
 */
import type { Core } from '@strapi/strapi';
import { type PluginContentTypeUid, uids } from '../plugin-id';

export interface PublicReadIndex {
  uid: PluginContentTypeUid;
  /** Suffix of the index name, after the table name. */
  suffix: string;
  /** Attribute names, in index order. */
  attributes: readonly string[];
}

export const publicReadIndexes: readonly PublicReadIndex[] = [
  { uid: uids.practice, suffix: 'locale_slug_pub_idx', attributes: ['locale', 'slug', 'publishedAt'] },
  { uid: uids.practice, suffix: 'locale_pub_doc_idx', attributes: ['locale', 'publishedAt', 'documentId'] },
  { uid: uids.tool, suffix: 'locale_slug_pub_idx', attributes: ['locale', 'slug', 'publishedAt'] },
  { uid: uids.tool, suffix: 'locale_pub_doc_idx', attributes: ['locale', 'publishedAt', 'documentId'] },
];

interface AttributeMeta {
  columnName?: string;
}

export interface ResolvedIndex {
  name: string;
  table: string;
  columns: string[];
}

export function resolveIndex(strapi: Core.Strapi, index: PublicReadIndex): ResolvedIndex {
  const meta = strapi.db.metadata.get(index.uid) as unknown as { tableName: string; attributes: Record<string, AttributeMeta> };
  const columns = index.attributes.map((attribute) => {
    const column = meta.attributes[attribute]?.columnName;
    if (!column) throw new Error(`[good-practices] ${index.uid} has no column for ${attribute}: cannot create the index ${index.suffix}.`);
    return column;
  });
  return { name: `${meta.tableName}_${index.suffix}`, table: meta.tableName, columns };
}

export async function ensurePublicReadIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const index of publicReadIndexes) {
    const { name, table, columns } = resolveIndex(strapi, index);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
  }
}
