/**
 * Response of POST /good-practices/xliff/import (admin route). Free of server imports, for the
 * admin panel's translation page. Errors are Strapi's ValidationError envelope (400) with one
 * `details.errors[]` entry per problem, `path: [unitId]` (or `['file']`).
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
