/** A locale's taxonomies (integration areas and target groups), as both kinds of loader keep them. */
import type { CmsClient } from '../client';
import type { Taxonomies } from './types';

export async function fetchTaxonomies(client: CmsClient, locale: string): Promise<Taxonomies | null> {
  const [integrationAreas, targetGroups] = await Promise.all([
    client.taxonomy('integrationAreas', locale),
    client.taxonomy('targetGroups', locale),
  ]);
  if (!integrationAreas && !targetGroups) return null;
  return { locale, integrationAreas: integrationAreas ?? [], targetGroups: targetGroups ?? [] };
}
