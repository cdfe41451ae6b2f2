/**
 * The sentences of the edit view's translation notice, from the check's translation gaps: how
 * many answers and which fields the translation lacks, and the languages visitors read them in
 * instead (in the order of the locale's fallback chain, as the server found them). Pure: the
 * component only translates the words.
 */
import type { PracticeTranslationGaps } from './check-practice';

export interface GapGroup {
  /** How many texts are concerned. */
  count: number;
  /** Language codes visitors read them in, first-seen order, without repeats. */
  readIn: string[];
  /** How many of them no published version of the chain has: visitors do not see them. */
  unseen: number;
}

export interface TranslationNoticeParts {
  answers: GapGroup & { total: number };
  fields: GapGroup & { names: string[] };
}

function group(gaps: readonly { readIn: string | null }[]): GapGroup {
  const readIn: string[] = [];
  for (const gap of gaps) if (gap.readIn !== null && !readIn.includes(gap.readIn)) readIn.push(gap.readIn);
  return { count: gaps.length, readIn, unseen: gaps.filter((gap) => gap.readIn === null).length };
}

export function translationNoticeParts(gaps: PracticeTranslationGaps): TranslationNoticeParts {
  return {
    answers: { ...group(gaps.answers.untranslated), total: gaps.answers.total },
    fields: { ...group(gaps.fields), names: gaps.fields.map((gap) => gap.field) },
  };
}

/** Whether the translation lacks nothing of its source. */
export const translationComplete = (parts: TranslationNoticeParts): boolean => parts.answers.count === 0 && parts.fields.count === 0;

/** "English", "Spanish and English": language names in the admin's interface language. */
export function languageList(codes: readonly string[], interfaceLocale: string): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([interfaceLocale], { type: 'language' });
  } catch {
    names = undefined;
  }
  const named = codes.map((code) => names?.of(code) ?? code);
  return new Intl.ListFormat([interfaceLocale], { type: 'conjunction' }).format(named);
}
