/**
 * The `translation` service: translation status and XLIFF 1.2 exchange, for the admin routes of
 * controllers/admin-translation.ts and for scripts.
 *
 *   status(ability?)                           → TranslationStatusResponse
 *   exportXliff({ locale, areas }, ability?)   → XLIFF 1.2 text (source = default locale)
 *   importXliff(text, ability?)                → XliffImportResult; throws ValidationError, nothing written
 *
 * `ability` is the signed-in admin's (ctx.state.userAbility): the status and the export show only
 * the types and locales it may read (translation/read-permission.ts), the import writes only what
 * it may write (access/write-permission.ts). Scripts pass none and are trusted.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { listConfiguredLocales } from '../locales/configured-locales';
import { fieldOfSegment, readPermissionOf } from '../translation/read-permission';
import { type TranslationArea, typesOfAreas } from '../translation/translatable-types';
import { translationStatus } from '../translation/translation-status';
import type { TranslationStatusResponse } from '../../../contract/admin-api';
import { applyImport } from '../xliff/apply-import';
import { exportXliff } from '../xliff/export-xliff';
import { planImport } from '../xliff/plan-import';
import { readXliff } from '../xliff/read-xliff';
import { type AdminAbility, permissionOf } from '../access/write-permission';
import type { XliffImportResult } from '../../../contract/admin-api';

function localeProblem(message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message, name: 'ValidationError' }] });
}

export function createTranslationService({ strapi }: { strapi: Core.Strapi }) {
  return {
    status(ability?: AdminAbility): Promise<TranslationStatusResponse> {
      return translationStatus(strapi, readPermissionOf(strapi, ability));
    },

    async exportXliff(request: { locale: string; areas: readonly TranslationArea[] }, ability?: AdminAbility): Promise<{ xml: string; sourceLocale: string; units: number }> {
      const locales = await listConfiguredLocales(strapi);
      const source = locales.find((locale) => locale.isDefault)?.code ?? 'en';
      if (!locales.some((locale) => locale.code === request.locale)) {
        localeProblem(`The locale “${request.locale}” is not available. Available locales: ${locales.map((locale) => locale.code).join(', ')}.`);
      }
      if (request.locale === source) localeProblem(`“${source}” is the default locale, the source of every translation: export another locale.`);
      // Only what the admin may read in both locales; a selection of which nothing is readable is refused, not exported empty.
      const permission = readPermissionOf(strapi, ability);
      const readable = permission.typesFor(source, request.locale, typesOfAreas(request.areas));
      if (readable.length === 0) {
        throw new errors.ForbiddenError(`You may not read the selected content (${request.areas.join(', ')}) in ${source} and ${request.locale}.`);
      }
      const { xml, units } = await exportXliff(strapi, {
        sourceLocale: source,
        targetLocale: request.locale,
        areas: request.areas,
        // Per field too: a role that may not read a field (its field list) gets no unit of it.
        readable: (type, path) =>
          readable.includes(type) &&
          (path === undefined || (permission.mayRead(type, source, fieldOfSegment(path)) && permission.mayRead(type, request.locale, fieldOfSegment(path)))),
      });
      return { xml, sourceLocale: source, units };
    },

    async importXliff(text: string, ability?: AdminAbility): Promise<XliffImportResult> {
      const document = await readXliff(text);
      const plan = await planImport(strapi, document, await listConfiguredLocales(strapi), permissionOf(strapi, ability));
      const result = await applyImport(strapi, plan);
      strapi.log.info(`[good-practices] XLIFF import (${plan.locale}): ${result.written.length} entries written, ${result.unchanged} units unchanged, ${result.skipped} untranslated.`);
      return result;
    },
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
