/**
 * The part of the practice form that the server's practice rules read (see
 * server/src/invariants/practice-check.ts), in the form the check endpoint takes. Everything else
 * in the form (relations, media, long texts) is left out: it cannot make a save be refused by the
 * plugin, and sending it on every keystroke would only cost bandwidth.
 */
export const CHECKED_FIELDS = [
  'slug',
  'country',
  'website',
  'projectStart',
  'projectEnd',
  'validationStatus',
  'validationDate',
  'assessment',
  'answers',
] as const;

export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** `undefined` values are "not written" on the server, as in a real save; null stays null. */
export function checkedValues(formValues: Record<string, unknown>): Partial<Record<CheckedField, unknown>> {
  const picked: Partial<Record<CheckedField, unknown>> = {};
  for (const field of CHECKED_FIELDS) {
    if (formValues[field] !== undefined) picked[field] = formValues[field];
  }
  return picked;
}

/** A stable text of the checked values, to ask again only when one of them changed. */
export function checkedValuesKey(formValues: Record<string, unknown>): string {
  return JSON.stringify(CHECKED_FIELDS.map((field) => formValues[field] ?? null));
}
