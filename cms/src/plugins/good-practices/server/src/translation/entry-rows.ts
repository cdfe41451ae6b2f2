/**
 * The stored entries translation works on: the latest version of each entry in one locale (the
 * draft of draft & publish types, which is what editors and translators see and edit), keyed by
 * the entry's identity across locales (see TranslatableType.identity). One query per type and
 * locale, whatever the number of entries.
 */
import type { Core } from '@strapi/strapi';
import { segmentsOf, type Segment } from './segments';
import { fieldsToRead, type TranslatableType } from './translatable-types';

export interface EntryRow {
  /** documentId, key, or 'site' for the single type. */
  entryId: string;
  documentId: string;
  locale: string;
  label: string;
  updatedAt: string | null;
  row: Record<string, unknown>;
  segments: Segment[];
}

interface UntypedDocuments {
  findMany(params: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

function documentsOf(strapi: Core.Strapi, type: TranslatableType): UntypedDocuments {
  return strapi.documents(type.uid) as unknown as UntypedDocuments;
}

export function entryIdOf(type: TranslatableType, row: Record<string, unknown>): string | undefined {
  if (type.identity === 'single') return 'site';
  const id = type.identity === 'key' ? row.key : row.documentId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function dateText(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : null;
}

export function toEntryRow(type: TranslatableType, row: Record<string, unknown>): EntryRow | undefined {
  const entryId = entryIdOf(type, row);
  if (!entryId || typeof row.documentId !== 'string') return undefined;
  const label = row[type.labelField];
  return {
    entryId,
    documentId: row.documentId,
    locale: String(row.locale),
    label: typeof label === 'string' && label.trim() !== '' ? label : entryId,
    updatedAt: dateText(row.updatedAt),
    row,
    segments: segmentsOf(type, row),
  };
}

/** entry id -> latest version in `locale`. */
export async function loadEntries(strapi: Core.Strapi, type: TranslatableType, locale: string): Promise<Map<string, EntryRow>> {
  const rows = await documentsOf(strapi, type).findMany({
    locale,
    ...(type.draftAndPublish ? { status: 'draft' } : {}),
    fields: fieldsToRead(type),
  });
  const entries = new Map<string, EntryRow>();
  for (const row of rows) {
    const entry = toEntryRow(type, row);
    if (entry && !entries.has(entry.entryId)) entries.set(entry.entryId, entry);
  }
  return entries;
}

/** documentIds of the entries of a draft & publish type that have a published version in `locale`. */
export async function publishedDocumentIds(strapi: Core.Strapi, type: TranslatableType, locale: string): Promise<Set<string>> {
  if (!type.draftAndPublish) return new Set();
  const rows = await documentsOf(strapi, type).findMany({ locale, status: 'published', fields: ['locale'] });
  return new Set(rows.map((row) => String(row.documentId)));
}
