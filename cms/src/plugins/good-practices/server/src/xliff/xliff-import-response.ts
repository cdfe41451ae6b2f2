/**
 * Response of POST /good-practices/xliff/import (admin route). Free of server imports, for the
 * admin panel's translation page. Errors are Strapi's ValidationError envelope (400) with one
 * `details.errors[]` entry per problem, `path: [unitId]` (or `['file']`).
 */
export interface XliffImportResult {
  locale: string;
  /** Translation units in the file. */
  units: number;
  /** One entry per locale version written (as a draft for practices, tools and the site). */
  written: { kind: string; documentId: string; entryId: string; created: boolean; fields: string[] }[];
  /** Units whose target equals the current translation (nothing written). */
  unchanged: number;
  /** Units without a translation (no or empty target). */
  skipped: number;
}

export interface XliffImportResponse {
  data: XliffImportResult;
}
