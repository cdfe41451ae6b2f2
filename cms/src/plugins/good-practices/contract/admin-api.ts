/**
 * The contract of the plugin's admin API: what the routes under `/good-practices/…` (admin
 * routes, for signed-in admins) answer. The controllers build their answers as these types and
 * the admin panel (admin/src) reads them as these types, so the two cannot drift apart.
 *
 * Types only, free of server and Node imports: the admin panel's browser bundle imports them.
 * Server files are named relative to server/src, admin files relative to the plugin.
 */

// ---------------------------------------------------------------------------------------------
// GET /good-practices/framework (controllers/admin-framework.ts; admin/src/framework)
// ---------------------------------------------------------------------------------------------

/**
 * The criteria framework as the server reads it (domain/framework-tree.ts): groups -> questions
 * -> checklist items, each level ordered, texts in one locale. Retired items stay in the tree (so
 * stored assessments of them can be recognised), flagged `retired`; visitors never see them.
 */
export interface ChecklistItemNode {
  key: string;
  order: number;
  text: string;
  retired: boolean;
}

export interface QuestionNode {
  key: string;
  order: number;
  text: string;
  items: ChecklistItemNode[];
}

export interface GroupNode {
  key: string;
  order: number;
  title: string;
  description: string | null;
  questions: QuestionNode[];
}

export type FrameworkTree = GroupNode[];

export interface AdminFrameworkResponse {
  data: {
    /** The locale of the texts (a text not translated yet is the default locale's). */
    locale: string;
    defaultLocale: string;
    /** Groups, questions and checklist items in order; retired items included, flagged `retired`. */
    groups: FrameworkTree;
  };
}

// ---------------------------------------------------------------------------------------------
// POST /good-practices/practices/check (controllers/admin-practice-check.ts; admin/src/edit-view)
// ---------------------------------------------------------------------------------------------

export interface PracticeCheckProblem {
  /** Attribute name as in the practice schema. */
  field: string;
  /** The message a save would be refused with. */
  message: string;
}

/** A text of the source that the edited translation lacks. */
export interface UntranslatedText {
  /** The language visitors of the edited locale read it in instead (the first of the locale's
   *  fallback chain with a published text); null when no published version has it. */
  readIn: string | null;
}

/** What the edited translation lacks that the default locale's version has (domain/translation-gaps.ts). */
export interface PracticeTranslationGaps {
  /** The default locale, the source compared with. */
  sourceLocale: string;
  /** Text fields: summary, objectives, inspiration, contactDetails, funding. */
  fields: (UntranslatedText & { field: string })[];
  answers: {
    /** Answers with text in the source. */
    total: number;
    untranslated: (UntranslatedText & { questionKey: string })[];
  };
}

export interface PracticeCheckResponse {
  data: {
    /** Empty: a save of these values would be accepted by the plugin's invariants. */
    problems: PracticeCheckProblem[];
    /** The locale the values were checked in (the default locale when none was given). */
    locale: string;
    /** Null in the default locale and for a practice without a default-locale version. Never blocks a save. */
    translation: PracticeTranslationGaps | null;
  };
}

// ---------------------------------------------------------------------------------------------
// GET /good-practices/translation-status (controllers/admin-translation.ts; admin/src/translation-status)
// ---------------------------------------------------------------------------------------------

/**
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

// ---------------------------------------------------------------------------------------------
// POST /good-practices/xliff/import (controllers/admin-translation.ts; admin/src/xliff)
// ---------------------------------------------------------------------------------------------

/**
 * Errors are Strapi's ValidationError envelope (400) with one `details.errors[]` entry per
 * problem, `path: [unitId]` (or `['file']`).
 */
export interface XliffImportResult {
  locale: string;
  /** Translation units in the file. */
  units: number;
  /** One entry per locale version written (always a draft). */
  written: {
    kind: string;
    documentId: string;
    entryId: string;
    /** Title, name or text of the entry in the default locale (its id or key when it has none), to name it to the translator. */
    label: string;
    /** A new locale version (draft) made by this upload. */
    created: boolean;
    /** Fields written (segment paths' first part: `answers` for any answer, `labels` for any label). */
    fields: string[];
    /**
     * Required fields of a new version that the file did not translate (title/name, slug…):
     * written with the source's text (the slug: the source's, made unique in the locale) and
     * still to translate. Empty for an update.
     */
    untranslated: string[];
  }[];
  /** Units whose target equals the current translation (nothing written). */
  unchanged: number;
  /** Units without a translation (no or empty target). */
  skipped: number;
}

export interface XliffImportResponse {
  data: XliffImportResult;
}
