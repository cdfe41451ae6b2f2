/**
 * Labels that name a language ("In English", "3 answers are shown in English"): the language
 * name is written in the language the label itself is shown in — the page's locale when its
 * labels translate the key, else the language the translator took it from (src/lib/i18n,
 * `label`) — and the element says so with `lang`, so a page of a locale without translated labels
 * never reads "In Englisch".
 */
import { languageName } from '../i18n';
import type { LabelKey } from '../i18n/labels';
import type { PageContext } from './page-context';

/** A label naming one language (`{fallbackLanguage}`), with the `lang` it needs on this page (undefined: the page's). */
export function languageLabel(page: PageContext, key: LabelKey, code: string, vars: Record<string, string | number> = {}): { text: string; lang: string | undefined } {
  const label = page.t.label(key, (lang) => ({ ...vars, fallbackLanguage: languageName(code, lang) }));
  return { text: label.text, lang: label.lang !== page.locale.code ? label.lang : undefined };
}
