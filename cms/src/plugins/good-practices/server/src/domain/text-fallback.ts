/**
 * Field-level fallback of a practice's texts: a published translation that lacks a text field or
 * an answer (a partial translation, e.g. title, slug and summary through XLIFF) shows the next
 * language of the chain that has it, instead of "does not answer". Pure: the versions come in
 * chain order, the first one being the version shown.
 */
import { readAnswers, type StoredAnswer } from './answers';

export const FALLBACK_TEXT_FIELDS = ['summary', 'organisation', 'contactDetails', 'funding', 'objectives', 'inspiration'] as const;
export type FallbackTextField = (typeof FALLBACK_TEXT_FIELDS)[number];

export type TextVersion = { locale: string; answers?: unknown } & { [field in FallbackTextField]?: string | null };

export interface LocatedAnswer extends StoredAnswer {
  /** The language of `body`. */
  locale: string;
}

export interface MergedTexts {
  texts: Record<FallbackTextField, string | null>;
  /** Fields taken from another language than the shown version's. */
  fieldLocales: Partial<Record<FallbackTextField, string>>;
  /** By question key: the shown version's answer, else the first of the chain. */
  answers: Map<string, LocatedAnswer>;
}

/** A text that says something: the admin stores "" for a cleared field, and a blank answer answers nothing. */
export const hasText = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** `versions` in chain order; versions[0] is the one shown. */
export function mergeTexts(versions: readonly TextVersion[]): MergedTexts {
  const shown = versions[0];
  const texts = {} as Record<FallbackTextField, string | null>;
  const fieldLocales: Partial<Record<FallbackTextField, string>> = {};
  for (const field of FALLBACK_TEXT_FIELDS) {
    const source = versions.find((version) => hasText(version[field]));
    texts[field] = source ? (source[field] as string) : null;
    if (source && shown && source.locale !== shown.locale) fieldLocales[field] = source.locale;
  }
  const answers = new Map<string, LocatedAnswer>();
  for (const version of versions) {
    for (const answer of readAnswers(version.answers)) {
      if (!answers.has(answer.questionKey) && hasText(answer.body)) answers.set(answer.questionKey, { ...answer, locale: version.locale });
    }
  }
  return { texts, fieldLocales, answers };
}
