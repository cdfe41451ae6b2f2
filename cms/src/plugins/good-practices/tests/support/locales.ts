/**
 * Creates the extra locales a test needs. In the app this is the app bootstrap's job (a plugin
 * bootstrap cannot create locales); a test may do it once Strapi is up.
 */
import type { Core } from '@strapi/strapi';

interface LocalesService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
}

const NAMES: Record<string, string> = { cs: 'Czech (cs)', ar: 'Arabic (ar)', fr: 'French (fr)', de: 'German (de)' };

export async function ensureLocales(strapi: Core.Strapi, codes: readonly string[]): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  for (const code of codes) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name: NAMES[code] ?? code });
  }
}
