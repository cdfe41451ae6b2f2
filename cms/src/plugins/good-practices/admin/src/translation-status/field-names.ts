import type { Translate } from '../translations/messages';

export interface FieldNaming {
  text: Translate;
  /** The field's label in the admin's language (content-manager/field-label.ts), when the type is known. */
  fieldLabel: (field: string) => string | undefined;
  /** Question texts by key (framework/useQuestionTexts.ts); empty while loading or when unreadable. */
  questions: ReadonlyMap<string, string>;
}

const MAX_QUESTION = 80;

/**
 * A segment path in words an editor or translator recognises: `title` is the field's label,
 * `answers/<question>/body` the answer to that question (named by its text, never its key),
 * `labels/<key>` that interface text of the site (the key is how the "Interface texts" field
 * itself lists them).
 */
export function describeField(path: string, { text, fieldLabel, questions }: FieldNaming): string {
  const answer = /^answers\/(.+)\/body$/.exec(path);
  if (answer?.[1]) {
    const question = questions.get(answer[1]);
    if (question === undefined) return text('translation.field.answerUnnamed');
    const short = question.length > MAX_QUESTION ? `${question.slice(0, MAX_QUESTION - 1)}…` : question;
    return text('translation.field.answer', { question: short });
  }
  if (path.startsWith('labels/')) return text('translation.field.label', { key: path.slice('labels/'.length) });
  return fieldLabel(path) ?? path;
}
