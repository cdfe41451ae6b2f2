/**
 * The data of the comparison page (pages/[locale]/compare.astro): the practices asked for, each as
 * the locale's pages show it (own translation, else the first language of the locale's chain that
 * has it: `findPractice`), and the rows of the comparison — every criteria group, question and
 * checklist item of their framework — with each text in the visitor's language where the CMS has
 * it, marked with its language where it has not.
 */
import type { ChecklistState, PracticeDetail } from 'strapi-plugin-good-practices/contract';
import type { Localized } from '../i18n';
import { findFramework, findPractice, type PageContext } from './page-context';
import type { Text } from './visitor-texts';

export interface ComparedPractice {
  /** The practice's slug in the page's locale (the one its page has there). */
  slug: string;
  practice: PracticeDetail;
  /** Shown in another language than the page's (the locale has no translation). */
  isFallback: boolean;
}

export type ComparedLookup =
  | { kind: 'found'; practices: ComparedPractice[] }
  /** Slugs that name no published practice in any language (as given). */
  | { kind: 'missing'; unknown: string[] };

/**
 * The practices of `slugs`, in order. A slug of another language's version is taken to that
 * practice's slug in this locale (as its page redirects); two slugs of one practice count once.
 */
export async function findCompared(page: PageContext, slugs: readonly string[]): Promise<ComparedLookup> {
  const found = await Promise.all(
    slugs.map(async (slug) => {
      let lookup = await findPractice(page, slug);
      let ownSlug = slug;
      if (lookup.kind === 'redirect') {
        ownSlug = lookup.slug;
        lookup = await findPractice(page, lookup.slug);
      }
      return lookup.kind === 'found'
        ? { kind: 'found' as const, compared: { slug: ownSlug, practice: lookup.value.data, isFallback: lookup.value.isFallback } }
        : { kind: 'missing' as const, slug };
    }),
  );
  const unknown = found.flatMap((entry) => (entry.kind === 'missing' ? [entry.slug] : []));
  if (unknown.length > 0) return { kind: 'missing', unknown };
  const practices: ComparedPractice[] = [];
  for (const entry of found) {
    if (entry.kind === 'missing') continue;
    if (!practices.some((p) => p.practice.documentId === entry.compared.practice.documentId)) practices.push(entry.compared);
  }
  return { kind: 'found', practices };
}

export interface ComparedItem {
  key: string;
  text: Text;
  /** Each practice's state, in the practices' order ('not-assessed' where its framework lacks the item). */
  states: ChecklistState[];
}
export interface ComparedQuestion {
  key: string;
  text: Text;
  items: ComparedItem[];
}
export interface ComparedGroup {
  key: string;
  text: Text;
  questions: ComparedQuestion[];
}

/**
 * The rows of the comparison: the practices' groups, questions and items in framework order (the
 * union of their frameworks, which differ only while one is being changed). A text comes from a
 * practice shown in the page's language when there is one; else from the locale's framework (the
 * CMS's, with its own fallback: marked with its language); else from the first practice that has
 * it, in that practice's language.
 */
export async function comparisonRows(page: PageContext, practices: readonly ComparedPractice[]): Promise<ComparedGroup[]> {
  const framework = await findFramework(page);
  const frameworkTexts = textsOf(framework);
  const own = practices.filter((p) => !p.isFallback).map((p) => textsOf({ data: p.practice, isFallback: false, contentLocale: p.practice.locale }));
  const others = practices.map((p) => textsOf({ data: p.practice, isFallback: p.practice.locale !== page.locale.code, contentLocale: p.practice.locale }));
  const text = (key: string): Text => {
    for (const texts of [...own, frameworkTexts, ...others]) {
      const found = texts.get(key);
      if (found) return found;
    }
    return { text: key.slice(key.indexOf(':') + 1), lang: undefined };
  };

  const states = practices.map((p) => new Map(p.practice.groups.flatMap((g) => g.questions.flatMap((q) => q.items.map((i) => [i.key, i.state] as const)))));
  const groups: { key: string; order: number; questions: Map<string, { order: number; items: Map<string, number> }> }[] = [];
  for (const group of practices.flatMap((p) => p.practice.groups)) {
    let row = groups.find((g) => g.key === group.key);
    if (!row) groups.push((row = { key: group.key, order: group.order, questions: new Map() }));
    for (const question of group.questions) {
      const questionRow = row.questions.get(question.key) ?? row.questions.set(question.key, { order: question.order, items: new Map() }).get(question.key)!;
      for (const item of question.items) if (!questionRow.items.has(item.key)) questionRow.items.set(item.key, item.order);
    }
  }
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  return groups.sort(byOrder).map((group) => ({
    key: group.key,
    text: text(`group:${group.key}`),
    questions: [...group.questions]
      .map(([key, q]) => ({ key, ...q }))
      .sort(byOrder)
      .map((question) => ({
        key: question.key,
        text: text(`question:${question.key}`),
        items: [...question.items]
          .map(([key, order]) => ({ key, order }))
          .sort(byOrder)
          .map((item) => ({ key: item.key, text: text(`item:${item.key}`), states: states.map((s) => s.get(item.key) ?? 'not-assessed') })),
      })),
  }));
}

interface FrameworkTexts {
  groups: readonly { key: string; title: string; questions: readonly { key: string; text: string; items: readonly { key: string; text: string }[] }[] }[];
}

/** Group titles, question and item texts by `group:`/`question:`/`item:` + key. */
function textsOf(source: Localized<FrameworkTexts> | null): Map<string, Text> {
  const texts = new Map<string, Text>();
  if (!source) return texts;
  const lang = source.isFallback ? source.contentLocale : undefined;
  for (const group of source.data.groups) {
    texts.set(`group:${group.key}`, { text: group.title, lang });
    for (const question of group.questions) {
      texts.set(`question:${question.key}`, { text: question.text, lang });
      for (const item of question.items) texts.set(`item:${item.key}`, { text: item.text, lang });
    }
  }
  return texts;
}
