import type { Core } from '@strapi/strapi';
import { applyContentManagerPresentation } from './admin-config/apply-presentation';
import { ensurePublicReadIndexes } from './read-model/public-read-indexes';
import { migrateSharedTerms } from './database/shared-terms-migration';
import { FallbackConfigError, unknownFallbackLocales } from './locales/fallback-chains';
import { listConfiguredLocales } from './locales/configured-locales';
import { configuredFallbacks } from './services/locale-service';
import { watchContentWrites } from './read-model/content-generation';
import { warmUpAfterWrites } from './read-model/warm-up';
import { followNewLocales } from './access/follow-new-locales';
import { ensureStoredGeneration } from './read-model/stored-generation';
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
  await checkLocaleFallbacks(strapi);
  // The stored generation must exist before the first watched write (the seeds below write).
  await ensureStoredGeneration(strapi);
  watchContentWrites(strapi);
  warmUpAfterWrites(strapi);
  followNewLocales(strapi);
  await ensurePublicReadIndexes(strapi);
  const framework = await seedFramework(strapi);
  const terms = await seedTaxonomies(strapi);
  const site = await seedSite(strapi);
  const created = framework.created.length + terms.length + (site ? 1 : 0);
  if (created > 0) {
    strapi.log.info(`[good-practices] seeded ${framework.created.length} framework entries, ${terms.length} taxonomy terms${site ? ' and the site texts' : ''} (${framework.locale}).`);
  }

  // Labels, help texts and layouts of the Content Manager; values changed by hand are kept.
  const presentation = await applyContentManagerPresentation(strapi);
  if (presentation.kept.length > 0) strapi.log.info(`[good-practices] kept ${presentation.kept.length} Content Manager setting(s) changed by hand.`);

  const aligned = await migrateSharedTerms(strapi);
  if (aligned > 0) strapi.log.info(`[good-practices] gave ${aligned} practice version(s) the terms the practice shares in every language (one-time migration).`);

  const outdated = await getService(strapi, 'unknown-keys').reportUnknownKeys();
  if (outdated.length > 0) {
    strapi.log.warn(`[good-practices] ${outdated.length} practice version(s) keep keys that are no longer in the criteria framework (kept, not dropped): ${outdated.map((entry) => `${entry.documentId}/${entry.locale}/${entry.status}`).join(', ')}.`);
  }
}

/**
 * LOCALE_FALLBACKS may name only locales that exist: a typo (`ar:eng`) would otherwise silently
 * leave Arabic visitors with the default chain. Add a locale first, then name it here.
 */
async function checkLocaleFallbacks(strapi: Core.Strapi): Promise<void> {
  const config = configuredFallbacks(strapi);
  if (config.size === 0) return;
  const available = (await listConfiguredLocales(strapi)).map((locale) => locale.code);
  const unknown = unknownFallbackLocales(config, available);
  if (unknown.length > 0) {
    throw new FallbackConfigError(`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a locale' : 'are not locales'} of this CMS (configured: ${available.join(', ')}). Add the locale in Settings → Internationalization first.`);
  }
}
