import { useQueryParams } from '@strapi/strapi/admin';

interface I18nQuery {
  plugins?: { i18n?: { locale?: unknown } };
}

/**
 * The locale of the document being edited, as the i18n plugin keeps it in the URL
 * (`?plugins[i18n][locale]=cs`). `undefined` when the URL does not say: the default locale, which
 * the server resolves (and reports back with the framework).
 */
export function useEditedLocale(): string | undefined {
  const [{ query }] = useQueryParams<I18nQuery>();
  const locale = query.plugins?.i18n?.locale;
  return typeof locale === 'string' && locale !== '' ? locale : undefined;
}
