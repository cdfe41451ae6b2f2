/**
 * Response of GET /good-practices/translation-status (admin route). Kept free of server imports
 * so that the admin panel's translation page can type-check against it.
 *
 * For every locale other than the default one, and for each part of the content:
 * - `missing`: entries with no version in that locale at all;
 * - `outdated`: translated texts whose default-locale source changed after the translation was
 *   last saved (`fields` names them: `title`, `answers/<questionKey>/body`, `labels/<key>`…);
 * - `incomplete`: entries translated in part: source texts with no translation yet (`fields`).
 * An entry can be both outdated and incomplete. documentIds link to the admin's edit view
 * (`/admin/content-manager/collection-types/<uid>/<documentId>?plugins[i18n][locale]=<locale>`).
 */

export type TranslationAreaName = 'practices' | 'tools' | 'framework' | 'taxonomies' | 'site';
export type TranslationEntryKind = 'practice' | 'tool' | 'group' | 'question' | 'item' | 'integration-area' | 'target-group' | 'site';

export interface TranslationEntryRef {
  kind: TranslationEntryKind;
  /** Content type UID, for links to the content manager. */
  uid: string;
  /** documentId of the default-locale entry. */
  documentId: string;
  /** The framework or taxonomy key; null for practices, tools and the site. */
  key: string | null;
  /** Title, name or text of the entry in the default locale. */
  label: string;
  /** Whether the default-locale entry is published (draft & publish types); null for the others. */
  published: boolean | null;
}

export interface TranslationEntryStatus extends TranslationEntryRef {
  /** documentId of the translated entry (differs from documentId only for entries matched by key). */
  translationDocumentId: string;
  /** Segment paths concerned. */
  fields: string[];
  /** How staleness was decided: the recorded source fingerprints, or (translations saved before
   *  they were recorded) the translation's last save being older than the source's. */
  basis?: 'fingerprint' | 'updatedAt';
}

export interface TranslationAreaStatus {
  /** Entries of the default locale in this area. */
  total: number;
  missing: TranslationEntryRef[];
  outdated: TranslationEntryStatus[];
  incomplete: TranslationEntryStatus[];
}

export interface LocaleTranslationStatus {
  locale: string;
  name: string;
  areas: Record<TranslationAreaName, TranslationAreaStatus>;
}

export interface TranslationStatusResponse {
  data: {
    defaultLocale: string;
    locales: LocaleTranslationStatus[];
  };
}
