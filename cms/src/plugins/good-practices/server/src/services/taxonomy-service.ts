/**
 * Integration areas and target groups of a locale: every published term, whatever language it was
 * created in (a practice shown through the locale's fallback chain is filed under its terms, so
 * the filters must offer them all), each named along the chain (term-names.ts) and sorted by the
 * names shown, in the locale's collation.
 */
import type { Core } from '@strapi/strapi';
import type { TaxonomyTerm } from '../../../contract';
import type { LocaleContext } from './locale-service';
import { type TermRelation, termNames } from '../read-model/term-names';

export function createTaxonomyService({ strapi }: { strapi: Core.Strapi }) {
  async function terms(relation: TermRelation, context: LocaleContext): Promise<TaxonomyTerm[]> {
    const names = await termNames(strapi, context);
    const collator = new Intl.Collator(context.locale, { sensitivity: 'base', numeric: true });
    return names
      .keys(relation)
      .map((key) => names.name(relation, { key, name: null }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  return {
    integrationAreas: (context: LocaleContext) => terms('integrationAreas', context),
    targetGroups: (context: LocaleContext) => terms('targetGroups', context),
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
