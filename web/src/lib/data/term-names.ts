/**
 * A practice's integration areas and target groups as a locale's visitors read them. The CMS
 * names the terms of a practice for the locale it was asked for; a static build asks once per
 * version (each in its own locale) and shows a version in other locales' lists too, so there the
 * terms are renamed from that locale's taxonomy (which the CMS names along the locale's chain,
 * each name with its language). A term the taxonomy lacks keeps the name it came with.
 */
import type { PracticeSummary, TaxonomyTerm } from 'strapi-plugin-good-practices/contract';
import type { Taxonomies } from '../cms/loaders';

type WithTerms = Pick<PracticeSummary, 'integrationAreas' | 'targetGroups'>;

export function termsNamedBy(taxonomies: Taxonomies | null): <T extends WithTerms>(practice: T) => T {
  const areas = new Map((taxonomies?.integrationAreas ?? []).map((term) => [term.key, term]));
  const groups = new Map((taxonomies?.targetGroups ?? []).map((term) => [term.key, term]));
  const rename = (names: ReadonlyMap<string, TaxonomyTerm>, terms: TaxonomyTerm[]) => terms.map((term) => names.get(term.key) ?? term);
  return (practice) => ({ ...practice, integrationAreas: rename(areas, practice.integrationAreas), targetGroups: rename(groups, practice.targetGroups) });
}
