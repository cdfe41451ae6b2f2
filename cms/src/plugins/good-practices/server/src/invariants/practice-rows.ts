/**
 * The stored versions of one practice (every locale, draft and published), as the invariants
 * need them: what a partial write is merged with and what an outdated key may be kept from.
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';

export interface PracticeRow {
  id: number;
  documentId: string;
  locale: string;
  publishedAt: string | Date | null;
  slug: string | null;
  country: string | null;
  website: string | null;
  projectStart: string | Date | null;
  projectEnd: string | Date | null;
  validationStatus: string | null;
  validationDate: string | Date | null;
  assessment: unknown;
  answers: unknown;
}

const COLUMNS = [
  'id',
  'documentId',
  'locale',
  'publishedAt',
  'slug',
  'country',
  'website',
  'projectStart',
  'projectEnd',
  'validationStatus',
  'validationDate',
  'assessment',
  'answers',
] as const;

export async function loadPracticeRows(strapi: Core.Strapi, documentId: string | undefined): Promise<PracticeRow[]> {
  if (!documentId) return [];
  return (await strapi.db.query(uids.practice).findMany({ where: { documentId }, select: [...COLUMNS] })) as PracticeRow[];
}

/**
 * The version a write in `locale` builds on: that locale's draft, else any of its versions, else
 * (a new locale of an existing practice) any version, whose non-localized facts Strapi copies.
 */
export function baseVersion(rows: readonly PracticeRow[], locale: string): PracticeRow | undefined {
  return (
    rows.find((row) => row.locale === locale && row.publishedAt === null) ??
    rows.find((row) => row.locale === locale) ??
    rows.find((row) => row.publishedAt === null) ??
    rows[0]
  );
}
