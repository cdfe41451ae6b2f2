/**
 * The `translation` service: translation status and XLIFF 1.2 exchange, for the admin routes of
 * controllers/admin-translation.ts and for scripts.
 *
 *   status()                                   → TranslationStatusResponse
 *   exportXliff({ locale, areas })             → XLIFF 1.2 text (source = default locale)
 *   importXliff(text, ability?)                → XliffImportResult; throws ValidationError, nothing written
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { listConfiguredLocales } from '../locales/configured-locales';
import type { TranslationArea } from '../translation/translatable-types';
import { translationStatus } from '../translation/translation-status';
import type { TranslationStatusResponse } from '../translation/translation-status-response';
import { applyImport } from '../xliff/apply-import';
import { exportXliff } from '../xliff/export-xliff';
import { planImport } from '../xliff/plan-import';
import { readXliff } from '../xliff/read-xliff';
import { type AdminAbility, permissionOf } from '../xliff/write-permission';
import type { XliffImportResult } from '../xliff/xliff-import-response';

function localeProblem(message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message, name: 'ValidationError' }] });
}

export function createTranslationService({ strapi }: { strapi: Core.Strapi }) {
  return {
    status(): Promise<TranslationStatusResponse> {
      return translationStatus(strapi);
    },

    async exportXliff(request: { locale: string; areas: readonly TranslationArea[] }): Promise<{ xml: string; sourceLocale: string; units: number }> {
      const locales = await listConfiguredLocales(strapi);
      const source = locales.find((locale) => locale.isDefault)?.code ?? 'en';
      if (!locales.some((locale) => locale.code === request.locale)) {
        localeProblem(`The locale “${request.locale}” is not available. Available locales: ${locales.map((locale) => locale.code).join(', ')}.`);
      }
      if (request.locale === source) localeProblem(`“${source}” is the default locale, the source of every translation: export another locale.`);
      const { xml, units } = await exportXliff(strapi, { sourceLocale: source, targetLocale: request.locale, areas: request.areas });
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
