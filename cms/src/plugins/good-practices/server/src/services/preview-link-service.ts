/**
 * The `preview-link` service: the site's preview URL of a draft practice, for Strapi's Preview
 * (cms/config/admin.ts hands its `handler(uid, { documentId, locale })` over to `linkFor`).
 *
 * Strapi calls the handler from its admin route GET /content-manager/preview/url/:uid, which only
 * requires a signed-in admin and checks no permission on the document. So the check is made here,
 * for the admin behind that request (strapi.requestContext): the content manager's `read` on the
 * practice's draft in that locale, exactly as the Content Manager's own edit view checks it
 * (its permission checker, the draft version as the subject so that the i18n locales and any
 * condition apply). Nobody else gets a link: no admin, an admin without that permission, an
 * unknown document or locale → null (Strapi answers 204 without a URL; the panel shows no
 * "Open preview").
 *
 * The link carries a token signed with PREVIEW_SECRET for that document and locale only, valid
 * for contract/preview-token.ts's lifetime (10 minutes); a fresh one each time the panel asks.
 */
import type { Core } from '@strapi/strapi';
import { PREVIEW_TOKEN_PARAM, signPreviewToken } from '../../../contract/preview-token';
import { requestAdmin } from '../access/request-admin';
import { listConfiguredLocales } from '../locales/configured-locales';
import { uids } from '../plugin-id';
import type { AdminAbility } from '../access/write-permission';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/i;

export interface PreviewTarget {
  uid: string;
  documentId: string | undefined;
  locale: string | null | undefined;
}

export interface PreviewSite {
  /** The site's origin, without a trailing slash. */
  origin: string;
  /** PREVIEW_SECRET: the key the site checks tokens with. */
  signingKey: string;
}

interface PermissionChecker {
  can: { read(entity?: Record<string, unknown>): boolean };
}
interface PermissionCheckerService {
  create(options: { userAbility: AdminAbility; model: string }): PermissionChecker;
}

export function createPreviewLinkService({ strapi }: { strapi: Core.Strapi }) {
  /** The draft version as the content manager's subject: its locale and creator, for conditions. */
  async function draftVersion(documentId: string, locale: string): Promise<Record<string, unknown> | null> {
    return (await strapi.db.query(uids.practice).findOne({
      select: ['id', 'documentId', 'locale'],
      where: { documentId, locale, publishedAt: null },
      populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
    })) as Record<string, unknown> | null;
  }

  return {
    async linkFor(target: PreviewTarget, site: PreviewSite): Promise<string | null> {
      if (target.uid !== uids.practice || !target.documentId || !DOCUMENT_ID.test(target.documentId)) return null;
      const ability = requestAdmin(strapi)?.ability;
      if (!ability) return null;

      const locales = await listConfiguredLocales(strapi);
      const locale = target.locale || locales.find((candidate) => candidate.isDefault)?.code;
      if (!locale || !locales.some((candidate) => candidate.code === locale)) return null;

      const checker = (strapi.plugin('content-manager').service('permission-checker') as unknown as PermissionCheckerService).create({
        userAbility: ability,
        model: uids.practice,
      });
      if (!checker.can.read()) return null;
      const draft = await draftVersion(target.documentId, locale);
      if (!draft || !checker.can.read(draft)) return null;

      const token = signPreviewToken(site.signingKey, { documentId: target.documentId, locale });
      const query = new URLSearchParams({ locale, [PREVIEW_TOKEN_PARAM]: token });
      return `${site.origin}/preview/practices/${encodeURIComponent(target.documentId)}?${query.toString()}`;
    },
  };
}

export type PreviewLinkService = ReturnType<typeof createPreviewLinkService>;
