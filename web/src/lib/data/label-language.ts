/**
 * The language a UI label appears in on a page: the page's locale when the CMS translates that
 * label there, else English (the site's built-in defaults, see createTranslator). Labels that name
 * a language ("In English") name it in that same language, and say so with `lang`, so a page of
 * a locale without translated labels does not read "In Englisch".
 */
import { languageName } from '../i18n';
import type { LabelKey } from '../i18n/labels';
import type { PageContext } from './pages';

export function labelLanguage(page: PageContext, key: LabelKey): string {
  const labels = page.site && !page.site.isFallback ? page.site.data.labels : undefined;
  const value = labels?.[key];
  return typeof value === 'string' && value.trim() !== '' ? page.locale.code : 'en';
}

/** A label naming one language (`{fallbackLanguage}`), with the `lang` it needs on this page (undefined: the page's). */
export function languageLabel(page: PageContext, key: LabelKey, code: string, vars: Record<string, string | number> = {}): { text: string; lang: string | undefined } {
  const lang = labelLanguage(page, key);
  return { text: page.t(key, { ...vars, fallbackLanguage: languageName(code, lang) }), lang: lang !== page.locale.code ? lang : undefined };
}
