/**
 * Seeds the starter integration areas and target groups, key by key and only where absent (the
 * same rule as the framework seed: existing terms are never touched, deleted ones not revived).
 * Created terms are published, so that the site's filters offer them from the first boot.
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';
import { seedDocuments } from './seed-documents';
import { openSeedMemory } from './seed-memory';
import { seedLocale } from './seed-locale';
import { STARTER_TERMS_LOCALE, type StarterTerm, starterIntegrationAreas, starterTargetGroups } from './starter-terms';

type TaxonomyUid = typeof uids.integrationArea | typeof uids.targetGroup;

async function seedTerms(strapi: Core.Strapi, uid: TaxonomyUid, memoryName: string, terms: readonly StarterTerm[]): Promise<string[]> {
  const locale = await seedLocale(strapi, STARTER_TERMS_LOCALE);
  const memory = await openSeedMemory(strapi, memoryName);
  const documents = seedDocuments(strapi, uid);
  const present = await documents.keys(locale);
  const created: string[] = [];
  for (const term of terms) {
    if (present.has(term.key)) {
      memory.remember(term.key);
      continue;
    }
    if (memory.has(term.key)) continue;
    await documents.create(locale, { key: term.key, name: term.name }, { publish: true });
    memory.remember(term.key);
    created.push(term.key);
  }
  await memory.save();
  return created;
}

export async function seedTaxonomies(strapi: Core.Strapi): Promise<string[]> {
  return [
    ...(await seedTerms(strapi, uids.integrationArea, 'integration-areas', starterIntegrationAreas)),
    ...(await seedTerms(strapi, uids.targetGroup, 'target-groups', starterTargetGroups)),
  ];
}
