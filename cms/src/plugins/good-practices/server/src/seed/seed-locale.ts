/** The locale seed data is written in: the data's own language when configured, else the default. */
import type { Core } from '@strapi/strapi';
import { getDefaultLocaleCode, listConfiguredLocales } from '../locales/configured-locales';

export async function seedLocale(strapi: Core.Strapi, sourceLocale: string): Promise<string> {
  const locales = await listConfiguredLocales(strapi);
  return locales.some((locale) => locale.code === sourceLocale) ? sourceLocale : getDefaultLocaleCode(strapi);
}
