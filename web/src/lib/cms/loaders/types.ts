/**
 * What the CMS loaders keep in the collections, as the data-access layer (lib/data/index.ts)
 * reads it back: the shapes that are the site's own rather than the contract's.
 */
import type { FrameworkResponse, PracticeDetail, PracticeSummary, TaxonomyTerm, ToolDetail, ToolSummary } from 'strapi-plugin-good-practices/contract';
import type { DetailRef } from './detail-files';

export type Framework = FrameworkResponse['data'];
/**
 * A practice in the build-time collection: its summary (lists, facets, feeds), its translations
 * (paths) and where its full detail is (practice pages and JSON; ./detail-files.ts).
 */
export type StaticPractice = PracticeSummary & { locales: PracticeDetail['locales']; detail: DetailRef };

/** A tool in the build-time collection: its summary, its translations and where its detail is (./tool-details.ts). */
export type StaticTool = ToolSummary & { locales: ToolDetail['locales']; detail: DetailRef };

export type Taxonomies = {
  locale: string;
  integrationAreas: TaxonomyTerm[];
  targetGroups: TaxonomyTerm[];
};

/** Id of an insights entry of the static build: locale and filters. */
export function insightsId(locale: string, filter: { country?: string | null | undefined; area?: string | null | undefined }): string {
  return `${locale}|${filter.country ?? ''}|${filter.area ?? ''}`;
}
