/**
 * The criteria framework for the practice edit view: the same tree the public API reads (structure
 * from the default locale, texts of the requested locale with the default locale's as fallback),
 * but with retired checklist items left in and flagged, so that the assessment input can name
 * the retired items a practice still stores instead of showing bare keys. Also says which locale
 * is the default, which the answers input uses to offer tools not translated yet.
 *
 * The published framework, as visitors see it, not its drafts: a practice may only introduce
 * published question and checklist item keys (invariants/framework-keys.ts), so the inputs offer
 * exactly what a save accepts. Framework drafts are edited in the content manager.
 */
import type { Core } from '@strapi/strapi';
import { localeQuery } from '../../../contract';
import { getService } from '../services/service-access';
import type { AdminFrameworkResponse } from '../../../contract/admin-api';
import { parseQuery } from './query-validation';

/** GET /good-practices/framework?locale=xx, read by admin/src/framework/load-framework.ts. */
export function createAdminFrameworkController({ strapi }: { strapi: Core.Strapi }) {
  return {
    async framework(ctx) {
      const context = await getService(strapi, 'locale').resolve(parseQuery(localeQuery, ctx.query).locale);
      const groups = await getService(strapi, 'framework').tree(context);
      const body: AdminFrameworkResponse = { data: { locale: context.locale, defaultLocale: context.defaultLocale, groups } };
      ctx.body = body;
    },
  } satisfies Core.Controller;
}
