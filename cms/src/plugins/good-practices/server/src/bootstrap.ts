import type { Core } from '@strapi/strapi';
import { ensurePublicReadIndexes } from './database/public-read-indexes';
import { watchContentWrites } from './read-cache/content-generation';
import { ensureStoredGeneration } from './read-cache/stored-generation';
import { seedFramework } from './seed/framework-seed';
import { seedSite } from './seed/site-seed';
import { seedTaxonomies } from './seed/taxonomy-seed';
import { getService } from './services/service-access';

/**
 * Seeds what a fresh installation needs (framework, starter taxonomies, site texts), each only
 * where absent, and reports practices whose stored keys the framework no longer has.
 * Locales are NOT created here (that crashes from a plugin bootstrap): the app's bootstrap does it.
 */
export default async function bootstrap({ strapi }: { strapi: Core.Strapi }): Promise<void> {
  // The stored generation must exist before the first watched write (the seeds below write).
  await ensureStoredGeneration(strapi);
  watchContentWrites(strapi);
  await ensurePublicReadIndexes(strapi);
  const framework = await seedFramework(strapi);
  const terms = await seedTaxonomies(strapi);
  const site = await seedSite(strapi);
  const created = framework.created.length + terms.length + (site ? 1 : 0);
  if (created > 0) {
    strapi.log.info(`[good-practices] seeded ${framework.created.length} framework entries, ${terms.length} taxonomy terms${site ? ' and the site texts' : ''} (${framework.locale}).`);
  }

  const outdated = await getService(strapi, 'unknown-keys').reportUnknownKeys();
  if (outdated.length > 0) {
    strapi.log.warn(`[good-practices] ${outdated.length} practice version(s) keep keys that are no longer in the criteria framework (kept, not dropped): ${outdated.map((entry) => `${entry.documentId}/${entry.locale}/${entry.status}`).join(', ')}.`);
  }
}
