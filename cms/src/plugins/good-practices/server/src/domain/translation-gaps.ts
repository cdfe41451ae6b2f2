/**
 * What a translation lacks that its source has, and in which language visitors read it instead:
 * a partial translation (e.g. title, slug and summary through XLIFF) is published on purpose,
 * but the translator should see, before publishing, that visitors of that locale will read the
 * rest in another language. The language is decided by the same field-level fallback the public
 * API applies (text-fallback.ts), so the edit view and the site cannot disagree. Pure.
 */
import { readAnswers } from './answers';
import { FALLBACK_TEXT_FIELDS, type FallbackTextField, hasText, mergeTexts, type TextVersion } from './text-fallback';

export interface UntranslatedText {
  /** The language visitors of the translation's locale read it in; null: they do not see it at all. */
  readIn: string | null;
}

export interface TranslationGaps {
  /** The locale of the source compared with (the default locale). */
  sourceLocale: string;
  /** Text fields the source has and the translation lacks, in the order the edit view shows them. */
  fields: (UntranslatedText & { field: FallbackTextField })[];
  answers: {
    /** Answers (with text) of the source. */
    total: number;
    /** Those the translation lacks, in the source's order. */
    untranslated: (UntranslatedText & { questionKey: string })[];
  };
}

/**
 * `translation`: the version being edited (its unsaved values); `source`: the default locale's;
 * `shownInstead`: what visitors of the translation's locale are shown where it lacks a text —
 * the published versions of the rest of its chain, in chain order.
 */
export function translationGaps(translation: TextVersion, source: TextVersion, shownInstead: readonly TextVersion[]): TranslationGaps {
  const merged = mergeTexts([translation, ...shownInstead]);
  const fields = FALLBACK_TEXT_FIELDS.filter((field) => hasText(source[field]) && !hasText(translation[field])).map((field) => ({
    field,
    readIn: merged.fieldLocales[field] ?? null,
  }));
  const translated = new Set(readAnswers(translation.answers).filter((answer) => hasText(answer.body)).map((answer) => answer.questionKey));
  const sourceAnswers = readAnswers(source.answers).filter((answer) => hasText(answer.body));
  const untranslated = sourceAnswers
    .filter((answer) => !translated.has(answer.questionKey))
    .map((answer) => ({ questionKey: answer.questionKey, readIn: merged.answers.get(answer.questionKey)?.locale ?? null }));
  return { sourceLocale: source.locale, fields, answers: { total: sourceAnswers.length, untranslated } };
}

/** Whether the translation lacks nothing of its source. */
export const isComplete = (gaps: TranslationGaps): boolean => gaps.fields.length === 0 && gaps.answers.untranslated.length === 0;
