/**
 * Locales of the public API: the list (with writing direction) and the resolution of a request's
 * `locale` parameter. A missing parameter means the default locale; a code that is not configured
 * is a 400 (a bad query parameter, like any other), never an empty or unfiltered answer.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Locale } from '../../../contract';
import { listConfiguredLocales } from '../locales/configured-locales';
import { cachedForGeneration } from '../read-model/generation-cache';
import { textDirection } from '../locales/text-direction';
import { type FallbackConfig, fallbackChain, parseLocaleFallbacks } from '../locales/fallback-chains';
import { PLUGIN_ID } from '../plugin-id';

/** The locale a public request reads, with what fallbacks need to know about the others. */
export interface LocaleContext {
  locale: string;
  defaultLocale: string;
  /** Codes of every configured locale. */
  available: readonly string[];
  /**
   * `locale`, then the languages shown where it has no published text, in order
   * (locales/fallback-chains.ts): every list, search and detail of `locale` follows it.
   */
  chain: readonly string[];
}

/** The validated LOCALE_FALLBACKS of this process (the plugin's config validator refused a bad one at boot). */
export function configuredFallbacks(strapi: Core.Strapi): FallbackConfig {
  return parseLocaleFallbacks(strapi.config.get(`plugin::${PLUGIN_ID}.localeFallbacks`, ''));
}

/**
 * The locale that holds the structure of seeded, shared content (framework, taxonomies): the
 * language it is seeded and maintained in when configured, else the default locale, the same
 * rule as seed/seed-locale.ts. Not simply the default locale, which an administrator may switch.
 */
export function structureLocale(context: LocaleContext, sourceLocale: string): string {
  return context.available.includes(sourceLocale) ? sourceLocale : context.defaultLocale;
}

export function createLocaleService({ strapi }: { strapi: Core.Strapi }) {
  // Read on every public request: kept for the content generation (i18n locales and the core
  // store, where the default locale lives, are watched).
  const configured = () => cachedForGeneration(strapi, 'locales', () => listConfiguredLocales(strapi));
  const fallbacks = configuredFallbacks(strapi);
  const defaultOf = (locales: readonly { code: string; isDefault: boolean }[]) => locales.find((locale) => locale.isDefault)?.code ?? locales[0]?.code ?? 'en';
  const chainOf = (code: string, locales: readonly { code: string; isDefault: boolean }[]) =>
    fallbackChain(
      code,
      fallbacks,
      defaultOf(locales),
      locales.map((locale) => locale.code),
    );
  return {
    async list(): Promise<Locale[]> {
      const locales = await configured();
      return locales.map((locale) => ({
        code: locale.code,
        name: locale.name,
        isDefault: locale.isDefault,
        dir: textDirection(locale.code),
        fallbacks: chainOf(locale.code, locales).slice(1),
      }));
    },

    async resolve(requested: string | undefined): Promise<LocaleContext> {
      const locales = await configured();
      const defaultLocale = defaultOf(locales);
      const available = locales.map((locale) => locale.code);
      if (requested === undefined) return { locale: defaultLocale, defaultLocale, available, chain: chainOf(defaultLocale, locales) };
      if (!locales.some((locale) => locale.code === requested)) {
        throw new errors.ValidationError(`The locale “${requested}” is not available. Available locales: ${locales.map((locale) => locale.code).join(', ')}.`, {
          errors: [{ path: ['locale'], message: 'unknown locale', name: 'ValidationError' }],
        });
      }
      return { locale: requested, defaultLocale, available, chain: chainOf(requested, locales) };
    },
  };
}

export type LocaleService = ReturnType<typeof createLocaleService>;
