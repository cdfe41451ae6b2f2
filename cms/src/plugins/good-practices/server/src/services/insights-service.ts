/**
 * Insights over the published practices of a locale (domain/insights.ts): counted from the
 * locale's list index, which holds only published versions (read-model/published-documents.ts)
 * and is rebuilt per content generation, so a saved draft never counts and a publish counts at
 * once. The answer is kept as sent with the index's list responses (byte-bounded, per generation
 * and framework tree): a filter asked for again costs a map lookup, and junk values cannot grow
 * memory beyond that bound.
 */
import type { Core } from '@strapi/strapi';
import type { InsightsQuery, InsightsResponse } from '../../../contract';
import { countInsights } from '../domain/insights';
import { practiceListIndex } from '../read-model/practice-list-index';
import { termNames } from '../read-model/term-names';
import type { LocaleContext } from './locale-service';
import { getService } from './service-access';

export function createInsightsService({ strapi }: { strapi: Core.Strapi }) {
  return {
    async insights(query: InsightsQuery, context: LocaleContext): Promise<InsightsResponse> {
      const [index, tree] = await Promise.all([practiceListIndex(strapi, context), getService(strapi, 'framework').tree(context)]);
      return { data: countInsights(tree, index.sortedBy('updatedAt:desc'), { country: query.country, area: query.area }, context.locale) };
    },

    async insightsJson(query: InsightsQuery, context: LocaleContext): Promise<Buffer> {
      const [index, tree, terms] = await Promise.all([
        practiceListIndex(strapi, context),
        getService(strapi, 'framework').tree(context),
        termNames(strapi, context),
      ]);
      // List keys are JSON arrays: this prefix cannot collide with them.
      const key = `insights:${JSON.stringify([query.country ?? null, query.area ?? null])}`;
      return index.response(key, tree, terms, async () =>
        Buffer.from(JSON.stringify({ data: countInsights(tree, index.sortedBy('updatedAt:desc'), { country: query.country, area: query.area }, context.locale) })),
      );
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
