/**
 * Seeds the site texts in English when no site document exists yet (in any locale), published
 * so that a fresh installation shows a complete site. Never touches an existing site document.
 */
import type { Core } from '@strapi/strapi';
import { uids } from '../plugin-id';
import { seedDocuments } from './seed-documents';
import { seedLocale } from './seed-locale';

/** Default English texts; the footer's funding disclaimer is SPRING's, as on its site. */
export const defaultSite = {
  siteName: 'Good practices for migrant integration',
  tagline: 'Practices assessed against the SPRING good-practice criteria',
  intro:
    'This database collects practices of migrant integration from across Europe. Each practice answers the questions of the good-practice criteria framework and is assessed against its checklist.',
  about:
    'The good-practice criteria framework asks questions on inclusivity and participation, relevance and complementarity, effectiveness, sustainability, and partnership and collaboration. Each practice describes how it answers them, with the inspiring tools it used.',
  partners: null,
  privacy: null,
  consortium: 'SPRING consortium',
  fundingDisclaimer:
    'SPRING has received funding from the European Union’s Horizon 2020 research and innovation under the grant agreement 101004635. All views expressed are those of SPRING and the European Commission is not responsible for any use of the information this website contains.',
  contactEmail: null,
  privacyPolicyUrl: null,
  labels: {},
} as const;

export async function seedSite(strapi: Core.Strapi): Promise<boolean> {
  const existing = await strapi.db.query(uids.site).count({});
  if (existing > 0) return false;
  const locale = await seedLocale(strapi, 'en');
  await seedDocuments(strapi, uids.site).create(locale, { ...defaultSite }, { publish: true });
  return true;
}
