/**
 * Drafts for the site's preview: the latest (draft) version of a practice, assembled exactly like
 * the public detail (same fields, populate and mapper), so a preview shows what publishing would
 * show. The framework, the taxonomy terms and the cited tools are the published ones, as the
 * page will show them (a cited tool that is still a draft is left out, like on the public page).
 *
 * The only service that reads drafts for a non-admin caller; its route admits the preview token
 * only (routes/preview.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PracticeDetail } from '../../../contract';
import { citedToolIds, readAnswers } from '../domain/answers';
import { mapPracticeDetail } from '../mappers/practice';
import { type LocalizedSlugRow, type PracticeDetailRow, practiceDetailFields, practicePopulate } from '../mappers/public-rows';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { getService } from './service-access';
import { termNames } from '../read-model/term-names';

interface UntypedReads {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  findFirst(params: Record<string, unknown>): Promise<unknown>;
}

export function createPreviewService({ strapi }: { strapi: Core.Strapi }) {
  const practices = strapi.documents(uids.practice) as unknown as UntypedReads;

  return {
    async practice(documentId: string, context: LocaleContext): Promise<PracticeDetail> {
      const { locale } = context;
      const row = (await practices.findFirst({
        locale,
        status: 'draft',
        filters: { documentId: { $eq: documentId } },
        fields: [...practiceDetailFields],
        populate: practicePopulate,
      })) as PracticeDetailRow | null;
      if (!row) throw new errors.NotFoundError(`There is no practice ${documentId} in locale ${locale}.`);

      const [tree, terms, versions, tools] = await Promise.all([
        getService(strapi, 'framework').tree(context),
        termNames(strapi, context),
        practices.findMany({ locale: '*', status: 'draft', filters: { documentId: { $eq: documentId } }, fields: ['slug', 'locale'] }) as Promise<LocalizedSlugRow[]>,
        getService(strapi, 'tool').summariesByIds(citedToolIds(readAnswers(row.answers)), context),
      ]);
      const locales = versions.filter((version) => Boolean(version.slug)).sort((a, b) => a.locale.localeCompare(b.locale));
      return mapPracticeDetail(row, tree, terms, tools, locales);
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
