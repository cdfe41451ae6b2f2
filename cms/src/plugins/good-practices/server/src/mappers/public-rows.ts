/**
 * The stored shapes the public services read (with explicit `fields`/`populate`) and the mappers
 * turn into contract responses. Only the fields listed here are ever selected, so nothing else
 * (createdBy, updatedBy, internal ids of relations) can reach a response.
 */

export type StoredDate = string | Date | null;

export interface MediaRow {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  /** Strapi's responsive copies by name (thumbnail, small, medium, large); JSON, so read leniently. */
  formats?: unknown;
}

export interface TermRow {
  key: string;
  name: string | null;
  /** The row's language (a version links the terms of its own locale). */
  locale?: string;
}

export interface ToolRow {
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  kind: string | null;
  url: string | null;
  file?: Pick<MediaRow, 'url'> | null;
}

export interface ToolDetailRow extends ToolRow {
  description: string | null;
}

export interface PracticeSummaryRow {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  summary: string | null;
  country: string | null;
  projectStart: StoredDate;
  projectEnd: StoredDate;
  validationDate: StoredDate;
  /** null in rows written before the attribute existed: not featured. */
  featured?: boolean | null;
  assessment: unknown;
  updatedAt: StoredDate;
  publishedAt: StoredDate;
  integrationAreas?: TermRow[] | null;
  targetGroups?: TermRow[] | null;
  coverImage?: MediaRow | null;
}

export interface PracticeDetailRow extends PracticeSummaryRow {
  validationStatus: string | null;
  organisation: string | null;
  contactDetails: string | null;
  website: string | null;
  funding: string | null;
  objectives: string | null;
  inspiration: string | null;
  answers: unknown;
}

export interface SiteRow {
  locale: string;
  siteName: string;
  tagline: string | null;
  logo?: MediaRow | null;
  intro: string | null;
  about: string | null;
  partners: string | null;
  privacy: string | null;
  consortium: string | null;
  fundingDisclaimer: string | null;
  contactEmail: string | null;
  privacyPolicyUrl: string | null;
  labels: unknown;
  dataLicence: string | null;
  dataLicenceUrl: string | null;
  updatedAt: StoredDate;
}

export interface LocalizedSlugRow {
  locale: string;
  slug: string;
}

/** Field lists matching the row types above, for the services' `fields` parameters. */
export const practiceSummaryFields = [
  'slug',
  'locale',
  'title',
  'summary',
  'country',
  'projectStart',
  'projectEnd',
  'validationDate',
  'featured',
  'assessment',
  'updatedAt',
  'publishedAt',
] as const;

export const practiceDetailFields = [
  ...practiceSummaryFields,
  'validationStatus',
  'organisation',
  'contactDetails',
  'website',
  'funding',
  'objectives',
  'inspiration',
  'answers',
] as const;

export const termFields = ['key', 'name', 'locale'] as const;
export const imageFields = ['url', 'alternativeText', 'width', 'height', 'formats'] as const;
export const toolSummaryFields = ['slug', 'locale', 'name', 'kind', 'url'] as const;
export const toolDetailFields = [...toolSummaryFields, 'description'] as const;
export const siteFields = [
  'locale',
  'siteName',
  'tagline',
  'intro',
  'about',
  'partners',
  'privacy',
  'consortium',
  'fundingDisclaimer',
  'contactEmail',
  'privacyPolicyUrl',
  'labels',
  'dataLicence',
  'dataLicenceUrl',
  'updatedAt',
] as const;

/** Explicit populate maps: relations and media with their public fields only. */
export const practicePopulate = {
  integrationAreas: { fields: [...termFields] },
  targetGroups: { fields: [...termFields] },
  coverImage: { fields: [...imageFields] },
};

export const sitePopulate = {
  logo: { fields: [...imageFields] },
};

export const toolPopulate = {
  file: { fields: ['url'] },
};
