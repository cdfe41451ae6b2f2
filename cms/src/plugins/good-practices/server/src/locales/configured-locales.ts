/**
 * The locales configured in Strapi's i18n plugin (created by the app's bootstrap, not by this
 * plugin: creating locales from a plugin bootstrap crashes Strapi).
 */
import type { Core } from '@strapi/strapi';

export interface ConfiguredLocale {
  code: string;
  name: string;
  isDefault: boolean;
}

interface LocaleRow {
  code: string;
  name: string | null;
}

/** The part of i18n's `locales` service this plugin relies on. */
interface I18nLocalesService {
  find(where?: Record<string, unknown>): Promise<LocaleRow[]>;
  getDefaultLocale(): Promise<string | null | undefined>;
}

function i18nLocales(strapi: Core.Strapi): I18nLocalesService {
  return strapi.plugin('i18n').service('locales') as I18nLocalesService;
}

/** Code of the default locale; `en` (i18n's own default) if none was ever set. */
export async function getDefaultLocaleCode(strapi: Core.Strapi): Promise<string> {
  return (await i18nLocales(strapi).getDefaultLocale()) || 'en';
}

export async function listConfiguredLocales(strapi: Core.Strapi): Promise<ConfiguredLocale[]> {
  const service = i18nLocales(strapi);
  const [rows, defaultCode] = await Promise.all([service.find(), getDefaultLocaleCode(strapi)]);
  return rows
    .map((row) => ({ code: row.code, name: row.name ?? row.code, isDefault: row.code === defaultCode }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code));
}

/** The locale a document-service write targets: its `locale` parameter or the default locale. */
export async function writeLocale(strapi: Core.Strapi, locale: unknown): Promise<string> {
  return typeof locale === 'string' && locale !== '' && locale !== '*' ? locale : getDefaultLocaleCode(strapi);
}
