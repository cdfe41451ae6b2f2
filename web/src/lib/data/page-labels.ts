/**
 * The UI labels of a page: the locale's own CMS labels, each missing key taken whole from the
 * default locale's CMS labels, else from the built-in English (src/lib/i18n/labels.ts). Every
 * label knows its language, so the page marks the ones that are not in its own.
 */
import type { Site } from 'strapi-plugin-good-practices/contract';
import { translatorFor, type LabelSource, type Localized, type Translate } from '../i18n';
import { getSite } from './index';

export async function pageTranslator(locale: string, defaultLocale: string, site: Localized<Site> | null): Promise<Translate> {
  const own: LabelSource = { locale, labels: site && !site.isFallback ? site.data.labels : null };
  if (locale === defaultLocale) return translatorFor(own);
  // A fallback `site` is the default locale's already; otherwise it is read (cached) for its labels.
  const defaultSite = site?.isFallback ? site.data : await getSite(defaultLocale);
  return translatorFor(own, [{ locale: defaultLocale, labels: defaultSite?.labels }]);
}
