/**
 * Admin routes of the translation workflow (routes/admin-translation.ts), for signed-in admins;
 * the translation page of the admin panel calls them. Thin: validate the query, call the
 * `translation` service with the admin's permissions, shape the response.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { localeCode } from '../../../contract';
import { getService } from '../services/service-access';
import { type TranslationArea, translationAreas } from '../translation/translatable-types';
import { xliffFromRequest } from '../xliff/request-body';
import type { AdminAbility } from '../access/write-permission';
import type { TranslationStatusResponse, XliffImportResponse } from '../../../contract/admin-api';
import { parseQuery } from './query-validation';

const noQuery = z.object({}).strict();

/** The signed-in admin's permissions: what the status and export show and what an import writes depend on them. */
const abilityOf = (ctx: { state: { userAbility?: unknown } }) => ctx.state.userAbility as AdminAbility | undefined;

/** `selection` is a comma list of areas; absent = everything. */
const exportQuery = z
  .object({
    locale: localeCode,
    selection: z
      .string()
      .optional()
      .transform((value, context): TranslationArea[] => {
        if (value === undefined || value.trim() === '') return [...translationAreas];
        const names = value.split(',').map((name) => name.trim()).filter(Boolean);
        const unknown = names.filter((name) => !(translationAreas as readonly string[]).includes(name));
        if (unknown.length > 0) {
          context.addIssue({ code: 'custom', message: `unknown selection ${unknown.join(', ')} (choose among ${translationAreas.join(', ')})` });
          return z.NEVER;
        }
        return [...new Set(names)] as TranslationArea[];
      }),
  })
  .strict();

export function createAdminTranslationController({ strapi }: { strapi: Core.Strapi }) {
  return {
    /** GET /good-practices/translation-status */
    async status(ctx) {
      parseQuery(noQuery, ctx.query);
      const body: TranslationStatusResponse = await getService(strapi, 'translation').status(abilityOf(ctx));
      ctx.body = body;
    },

    /** GET /good-practices/xliff/export?locale=cs&selection=practices,framework,site */
    async exportXliff(ctx) {
      const query = parseQuery(exportQuery, ctx.query);
      const { xml, sourceLocale } = await getService(strapi, 'translation').exportXliff({ locale: query.locale, areas: query.selection }, abilityOf(ctx));
      ctx.set('Content-Type', 'application/x-xliff+xml; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="good-practices-${sourceLocale}-${query.locale}.xlf"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = xml;
    },

    /** POST /good-practices/xliff/import (body: the XLIFF file) */
    async importXliff(ctx) {
      parseQuery(noQuery, ctx.query);
      const text = await xliffFromRequest(ctx);
      const body: XliffImportResponse = { data: await getService(strapi, 'translation').importXliff(text, abilityOf(ctx)) };
      ctx.body = body;
    },
  } satisfies Core.Controller;
}
