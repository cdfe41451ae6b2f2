/**
 * A practice shown in fallback (not translated into the visitor's locale) still has its
 * framework and taxonomy texts translated: the criteria groups, questions, checklist items and
 * the names of integration areas and target groups are the CMS's, keyed by stable keys, and a
 * translator may well have done them before the practice itself. Only the practice's own words
 * (title, summary, answers…) should stay in the fallback language.
 *
 * Each text says in which language it is, so the page can mark exactly the strings that are not
 * in the visitor's language with `lang`/`dir`.
 */
import type { TaxonomyTerm } from 'strapi-plugin-good-practices/contract';
import type { Framework, Taxonomies } from '../cms/loaders';

/** A string and, when it is not in the page's language, the language it is in. */
export interface Text {
  text: string;
  lang: string | undefined;
}

export interface VisitorTexts {
  group(key: string, fallback: string): Text;
  question(key: string, fallback: string): Text;
  item(key: string, fallback: string): Text;
  term(kind: 'integrationAreas' | 'targetGroups', term: TaxonomyTerm): Text;
}

/**
 * `pageLocale` is the visitor's locale; `contentLang` the language of the practice (undefined when
 * it is the visitor's own); `framework` and `taxonomies` are those of the visitor's locale, when
 * the CMS has them. Term names say their own language (the CMS names a term along the locale's
 * chain when no translator named it in the locale), so a term is marked by it.
 */
export function visitorTexts(pageLocale: string, contentLang: string | undefined, framework: Framework | null, taxonomies: Taxonomies | null): VisitorTexts {
  const groups = new Map<string, string>();
  const questions = new Map<string, string>();
  const items = new Map<string, string>();
  for (const group of contentLang ? (framework?.groups ?? []) : []) {
    groups.set(group.key, group.title);
    for (const question of group.questions) {
      questions.set(question.key, question.text);
      for (const item of question.items) items.set(item.key, item.text);
    }
  }
  const terms = {
    integrationAreas: new Map((contentLang ? (taxonomies?.integrationAreas ?? []) : []).map((term) => [term.key, term])),
    targetGroups: new Map((contentLang ? (taxonomies?.targetGroups ?? []) : []).map((term) => [term.key, term])),
  };
  const pick = (translated: string | undefined, fallback: string): Text =>
    translated ? { text: translated, lang: undefined } : { text: fallback, lang: contentLang };
  return {
    group: (key, fallback) => pick(groups.get(key), fallback),
    question: (key, fallback) => pick(questions.get(key), fallback),
    item: (key, fallback) => pick(items.get(key), fallback),
    term: (kind, term) => {
      const shown = terms[kind].get(term.key) ?? term;
      return { text: shown.name, lang: shown.locale !== pageLocale ? shown.locale : undefined };
    },
  };
}
