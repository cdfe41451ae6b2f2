/** The published site texts of a locale (no fallback: the site falls back to another locale). */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Site } from '../../../contract';
import { type SiteRow, siteFields, sitePopulate } from '../mappers/public-rows';
import { mapSite } from '../mappers/site';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { publishedDocuments } from '../read-model/published-documents';

export function createSiteService({ strapi }: { strapi: Core.Strapi }) {
  return {
    async find({ locale }: LocaleContext): Promise<Site> {
      const row = await publishedDocuments(strapi, uids.site).findFirst<SiteRow>({ locale, fields: siteFields, populate: sitePopulate });
      if (!row) throw new errors.NotFoundError(`The site texts are not published in locale ${locale}.`);
      return mapSite(row);
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
