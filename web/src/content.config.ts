/**
 * Build-time content collections (static mode): the whole CMS content of every locale, loaded
 * once by `astro build` through the CMS client (practice details through the bulk endpoint). In server mode the loaders stay idle (the site
 * then reads the live collections of src/live.config.ts on request).
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { frameworkResponse, insightsResponse, locale, practiceDetail, practiceSummary, site, taxonomyTerm, toolDetail, toolSummary } from 'strapi-plugin-good-practices/contract';
import { buildItems, buildLoader } from './lib/cms/loaders/build';
import { practicesLoader } from './lib/cms/loaders/practices-sync';
import { toolsLoader } from './lib/cms/loaders/tool-details';
import { isStaticMode } from './lib/mode';

const enabled = isStaticMode;

/** Where a practice's or tool's full detail is (lib/cms/loaders/detail-files.ts). */
const detailRef = z.object({ file: z.string(), offset: z.number().int().nonnegative(), length: z.number().int().positive(), digest: z.string() });

export const collections = {
  locales: defineCollection({ loader: buildLoader({ name: 'locales', enabled, items: buildItems.locales }), schema: locale }),
  sites: defineCollection({ loader: buildLoader({ name: 'sites', enabled, items: buildItems.sites }), schema: site }),
  frameworks: defineCollection({
    loader: buildLoader({ name: 'frameworks', enabled, items: buildItems.frameworks }),
    schema: frameworkResponse.shape.data,
  }),
  taxonomies: defineCollection({
    loader: buildLoader({ name: 'taxonomies', enabled, items: buildItems.taxonomies }),
    schema: z.object({ locale: z.string(), integrationAreas: z.array(taxonomyTerm), targetGroups: z.array(taxonomyTerm) }),
  }),
  // Summaries, translations and the path of each full detail (kept out of the data store: lib/cms/loaders/detail-files.ts),
  // synchronised with the CMS: a build after a publish reads only what changed (lib/cms/loaders/practices-sync.ts).
  practices: defineCollection({
    loader: practicesLoader(enabled),
    schema: practiceSummary.extend({
      locales: practiceDetail.shape.locales,
      detail: detailRef,
    }),
  }),
  // Insights per locale: unfiltered, per country, per integration area (prerendered insights pages).
  insights: defineCollection({ loader: buildLoader({ name: 'insights', enabled, items: buildItems.insights }), schema: insightsResponse.shape.data }),
  // Summaries, translations and the path of each full detail (lib/cms/loaders/tool-details.ts).
  tools: defineCollection({ loader: toolsLoader(enabled), schema: toolSummary.extend({ locales: toolDetail.shape.locales, detail: detailRef }) }),
};
